import App
import ArgumentParser
import Crypto
import Foundation
import Identifiers
import Insight
import Passport
import Runner
import Vapor

/// `loopbrug bench uploads`: what an upload costs in memory while it is read, and whether the
/// site stays quick while two large uploads are checked (the outside audit: a 16 MB file of
/// newlines took 544 MB; two 24 MB uploads made an occupation search wait over 30 s).
struct BenchUploads: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uploads",
        abstract: "Peak memory of reading uploads (streamed against split-first) and search latency during two large uploads.")

    @ArgumentParser.Option(help: "Size of the credentials and microdata files, in MB.") var megabytes = 24
    @ArgumentParser.Option(help: "Size of the files of newlines, in MB.") var newlines = 16
    @ArgumentParser.Flag(help: "Skip the latency part (no ESCO import, no server).") var memoryOnly = false

    func run() async throws {
        AppRunner.bootstrapLogging()
        AppRunner.say("loopbrug bench uploads — \(BenchTaxonomy.machine())")
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("loopbrug-bench-uploads-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        let base = AppRunner.config()
        let key = Ed25519JWK(privateKey: Curve25519.Signing.PrivateKey())
        let issuerID = UUID().idString

        // The files: credentials signed by `key` for subjects nobody linked (so every line is
        // verified and then refused), microdata, and files of newlines.
        let target = megabytes << 20
        let tokens = try Self.tokens(bytes: target, key: key, issuerID: issuerID, standard: base.standardDirectory)
        let files: [(name: String, kind: String, path: String)] = [
            ("JSON Lines, \(newlines) MB of newlines", "jsonl", "\(work)/newlines.jsonl"),
            ("JSON Lines, \(megabytes) MB of credentials", "jsonl", "\(work)/tokens.jsonl"),
            ("microdata CSV, \(newlines) MB of newlines", "csv", "\(work)/newlines.csv"),
            ("microdata CSV, \(megabytes) MB of people", "csv", "\(work)/people.csv"),
        ]
        try Data(repeating: 0x0A, count: newlines << 20).write(to: URL(fileURLWithPath: files[0].path))
        try Data(tokens.utf8).write(to: URL(fileURLWithPath: files[1].path))
        try Data(PersonRecord.columns.joined(separator: ",").utf8 + [UInt8](repeating: 0x0A, count: newlines << 20)).write(to: URL(fileURLWithPath: files[2].path))
        let people = SyntheticPopulation.generate(n: target / 64, seed: 3)
        try Data(PersonRecordWriter.csv(people).prefix(target)).write(to: URL(fileURLWithPath: files[3].path))

        AppRunner.say("\n1. Peak memory added while reading a file already in memory (each in a fresh process; VmHWM)")
        AppRunner.say("   file                                   size     streamed (now)       split first (before)   ratio")
        for file in files {
            let size = (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
            let streamed = try Self.peak(file: file.path, kind: file.kind, method: "streamed")
            let split = try Self.peak(file: file.path, kind: file.kind, method: "split")
            func cell(_ mib: Double) -> String { String(format: "%7.1f MiB (%4.2f×)", mib, mib * 1_048_576 / Double(size)) }
            AppRunner.say(
                "   \(file.name.padding(toLength: 38, withPad: " ", startingAt: 0)) \(String(format: "%4.1f MB", Double(size) / 1_048_576))  "
                    + "\(cell(streamed))   \(cell(split))   \(String(format: "%.1f", split / max(streamed, 0.1)))")
        }
        if memoryOnly { return }

        AppRunner.say("\n2. GET /beroepen?q=kok while two \(megabytes) MB batches are verified (POST /api/v1/credentials/batch)")
        var config = base
        config.database = .sqlite(path: "\(work)/bench.sqlite")
        config.seedDemoData = false
        try await AppRunner.withApp(config) { app in
            try await prepare(app, careerData: false)
            let platform = try await BenchSupport.platform(app, name: "Bench Platform", key: key.publicOnly)
            // The tokens name a made-up issuer id; sign them again for the registered one.
            let registered = try Self.tokens(bytes: target, key: key, issuerID: platform.issuerID, standard: base.standardDirectory)
            try Data(registered.utf8).write(to: URL(fileURLWithPath: files[1].path))
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            guard let port = app.http.server.shared.localAddress?.port else { AppRunner.fail("the server has no port") }
            let search = "http://127.0.0.1:\(port)/beroepen?q=kok"
            let idle = try (0..<20).map { _ in try Self.seconds(search) }
            let uploads = (0..<2).map { _ in
                Self.curl([
                    "-s", "-o", "/dev/null", "-w", "%{http_code} %{time_total}", "-H", "Authorization: Bearer \(platform.token)",
                    "-H", "Content-Type: application/jsonl", "--data-binary", "@\(files[1].path)", "http://127.0.0.1:\(port)/api/v1/credentials/batch",
                ])
            }
            for upload in uploads { try upload.run() }
            var busy: [Double] = []
            while uploads.contains(where: \.isRunning) { busy.append(try Self.seconds(search)) }
            let answers = uploads.map { process -> String in
                process.waitUntilExit()
                return String(decoding: (process.standardOutput as! Pipe).fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            }
            await app.server.shutdown()
            func median(_ v: [Double]) -> Double { v.isEmpty ? 0 : v.sorted()[v.count / 2] }
            AppRunner.say(String(format: "   idle: median %.1f ms, max %.1f ms (20 searches)", median(idle) * 1000, (idle.max() ?? 0) * 1000))
            AppRunner.say(
                String(
                    format: "   during the uploads: median %.1f ms, max %.1f ms (%d searches); uploads answered: %@", median(busy) * 1000,
                    (busy.max() ?? 0) * 1000, busy.count, answers.joined(separator: ", ")))
            AppRunner.say(String(format: "   slowest search during uploads / median idle: %.1f×", (busy.max() ?? 0) / max(median(idle), 0.000_1)))
        }
    }

    /// Signed credentials, one per line, until `bytes` is reached.
    static func tokens(bytes: Int, key: Ed25519JWK, issuerID: String, standard: String) throws -> String {
        let examples = try BenchPassport.examples(standard)
        var out = "", i = 0
        out.reserveCapacity(bytes + 4096)
        while out.utf8.count < bytes {
            var record = examples[i % examples.count]
            if case .object(var members) = record {
                members["id"] = .string(PairwiseSubject.prefix + String(repeating: "q", count: 26))
                record = .object(members)
            }
            let payload = WorkCredential.payload(
                issuerID: issuerID, issuerName: "Bench Platform", record: record,
                validFrom: Date(timeIntervalSince1970: 1_750_000_000), statusPosition: i, baseURL: "http://127.0.0.1")
            out += try CompactJWS.sign(payload: payload.serialized(), key: key.privateKey!, keyID: key.thumbprint) + "\n"
            i += 1
        }
        return out
    }

    /// Runs `loopbrug bench upload-peak` in a fresh process: MiB its peak grew while reading.
    static func peak(file: String, kind: String, method: String) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["bench", "upload-peak", "--file", file, "--kind", kind, "--method", method]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, let kib = Double(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            AppRunner.fail("upload-peak \(kind) \(method) failed: \(text)")
        }
        return kib / 1024
    }

    static func curl(_ arguments: [String]) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["curl"] + arguments
        process.standardOutput = Pipe()
        return process
    }

    /// Seconds one GET takes, as curl measures it.
    static func seconds(_ url: String) throws -> Double {
        let process = curl(["-s", "-o", "/dev/null", "-w", "%{time_total}", url])
        try process.run()
        let text = String(decoding: (process.standardOutput as! Pipe).fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Double(text) ?? .infinity
    }
}

/// `loopbrug bench upload-peak`: reads one file into memory, then reads its lines, and prints
/// how many KiB the peak resident size grew meanwhile. `split` is the way before the audit:
/// an array of every line's slice first.
struct BenchUploadPeak: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "upload-peak", shouldDisplay: false)

    @ArgumentParser.Option var file: String
    @ArgumentParser.Option var kind: String
    @ArgumentParser.Option var method: String

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else { AppRunner.fail("cannot read \(file)") }
        let bytes = [UInt8](data)
        let before = Self.peakKiB()
        switch (kind, method) {
        case ("jsonl", "streamed"):
            withExtendedLifetime(try? JSONLines.lines(bytes)) {}
        case ("jsonl", "split"):
            let slices = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            let lines = slices.enumerated().compactMap { offset, raw in
                raw.isEmpty ? nil : String(validating: raw, as: UTF8.self).map { JSONLines.Line(number: offset + 1, text: Substring($0)) }
            }
            withExtendedLifetime((slices, lines)) {}
        case ("csv", "streamed"):
            withExtendedLifetime(PersonRecordReader.read(bytes)) {}
        case ("csv", "split"):
            let slices = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            withExtendedLifetime((slices, PersonRecordReader.read(bytes))) {}
        default:
            AppRunner.fail("--kind jsonl|csv and --method streamed|split")
        }
        withExtendedLifetime(bytes) {}
        print(Self.peakKiB() - before)
    }

    /// VmHWM: the highest resident set size of this process so far, in KiB.
    static func peakKiB() -> Double {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
        return Double(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
}
