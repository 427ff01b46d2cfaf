import App
import ArgumentParser
import Foundation
import Runner
import Taxonomy
import TaxonomySource
import Vapor

/// `loopbrug bench taxonomy`: the figures issue 2 asks for, measured in one run.
struct BenchTaxonomy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taxonomy",
        abstract: "ESCO import time, index load time, search latency and quality, peak memory, HTTP throughput vs a trivial route.")

    @ArgumentParser.Option(help: "Seconds per wrk run.") var duration = 10
    @ArgumentParser.Option(help: "wrk connections.") var connections = 64
    @ArgumentParser.Flag(help: "Skip the HTTP part (no wrk needed).") var noHttp = false
    @ArgumentParser.Option(help: "Only search: load ESCO from the files and run the query list this many times (for profilers).") var searchOnly: Int?

    func run() async throws {
        AppRunner.bootstrapLogging()
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("loopbrug-bench-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        var config = AppRunner.config()
        config.database = .sqlite(path: "\(work)/bench.sqlite")
        config.seedDemoData = false
        config.importTaxonomyIfEmpty = false
        config.hostname = "127.0.0.1"
        config.port = 0

        AppRunner.say("loopbrug bench taxonomy — \(Self.machine())")
        if let rounds = searchOnly {
            let index = TaxonomyIndex(dataset: try ESCODistribution(directory: config.escoDirectory).load().dataset)
            let queries = BenchmarkQueries.make(from: index)
            let seconds = Self.time { for _ in 0..<rounds { for q in queries { _ = index.search.search(q, limit: 10) } } }
            AppRunner.say(String(format: "%d searches: %.3f ms each on average", rounds * queries.count, seconds * 1000 / Double(rounds * queries.count)))
            return
        }

        // 1. Parsing alone, then the whole import into a new SQLite file.
        let parse = try Self.time { _ = try ESCODistribution(directory: config.escoDirectory).load() }
        let importSeconds = try await AppRunner.withApp(config) { app in
            try await runMigrations(app)
            return try await Self.time {
                _ = try await importTaxonomy(database: app.db, directory: config.escoDirectory, force: true)
            }
        }
        AppRunner.say(String(format: "ESCO import into SQLite (WAL): %.2f s (of which reading and checking the files: %.2f s)", importSeconds, parse))

        // 2. Start-up on the imported database: migrations checked, index loaded from SQL; then search.
        try await AppRunner.withApp(config) { app in
            var loadSeconds = 0.0
            let ready = try await Self.time {
                try await runMigrations(app)
                loadSeconds = try await Self.time { try await app.taxonomy.reload(from: app.db) }
            }
            var dataset: TaxonomyDataset?
            let readSeconds = try await Self.time { dataset = try await TaxonomyStore(database: app.db).loadForIndex() }
            let buildSeconds = Self.time { _ = dataset.map { TaxonomyIndex(dataset: $0) } }
            AppRunner.say(
                String(
                    format: "Start-up until ready (migrations + index): %.0f ms; index load alone: %.0f ms (one after the other instead: reading rows %.0f ms, building the index %.0f ms)",
                    ready * 1000, loadSeconds * 1000, readSeconds * 1000, buildSeconds * 1000))
            guard let index = app.taxonomy.index else { AppRunner.fail("no index after import") }

            // 3. Latency over the fixed list of 1,000 queries.
            let queries = BenchmarkQueries.make(from: index)
            for q in queries.prefix(200) { _ = index.search.search(q, limit: 10) }  // warm-up
            var samples: [Double] = []
            for q in queries {
                let start = ContinuousClock.now
                _ = index.search.search(q, limit: 10)
                samples.append(Self.seconds(start.duration(to: .now)) * 1000)
            }
            samples.sort()
            AppRunner.say(
                String(
                    format: "Search latency over %d queries (in-process): p50 %.3f ms, p95 %.3f ms, p99 %.3f ms, max %.3f ms",
                    samples.count, Self.percentile(samples, 0.50), Self.percentile(samples, 0.95),
                    Self.percentile(samples, 0.99), samples.last ?? 0))

            // 4. Quality: every alternative label, as written, and with one typo each.
            let exact = SearchQuality.alternativeLabels(index)
            var rng = SeededGenerator(seed: 7)
            let typo = SearchQuality.alternativeLabels(index) { BenchmarkQueries.withTypo($0, rng: &rng) }
            let folded = SearchQuality.alternativeLabels(index) { TextNormalizer.normalize($0).uppercased() }
            for (name, r) in [("as written", exact), ("without diacritics, in capitals", folded), ("with one typo", typo)] {
                AppRunner.say(
                    String(
                        format: "Alternative labels %@: %d labels (%d shared ones left out): first %.1f%%, top 5 %.1f%%",
                        name, r.total, r.shared, r.firstShare * 100, r.top5Share * 100))
            }

            // 5. HTTP: the search endpoint against a trivial route, both under wrk on loopback.
            if !noHttp {
                try await app.asyncBoot()
                try await app.server.start(address: .hostname("127.0.0.1", port: 0))
                guard let port = app.http.server.shared.localAddress?.port else { AppRunner.fail("server has no port") }
                let script = "\(work)/queries.lua"
                try Self.wrkScript(queries: Array(queries.prefix(200))).write(toFile: script, atomically: true, encoding: .utf8)
                let floor = try Self.wrk("http://127.0.0.1:\(port)/health", script: nil, duration: duration, connections: connections)
                let search = try Self.wrk("http://127.0.0.1:\(port)", script: script, duration: duration, connections: connections)
                AppRunner.say(String(format: "HTTP trivial route /health: %.0f req/s, p99 %.2f ms (%d connections, %d s)", floor.rps, floor.p99, connections, duration))
                AppRunner.say(String(format: "HTTP search /api/v1/occupations?q=… (200 rotating queries): %.0f req/s, p99 %.2f ms", search.rps, search.p99))
                AppRunner.say(String(format: "Search endpoint / trivial route: %.2f (%.0f%%)", search.rps / floor.rps, search.rps / floor.rps * 100))
                await app.server.shutdown()
            }
        }

        // 6. Peak memory of this whole process (import, index, search, server).
        AppRunner.say(String(format: "Peak memory (max RSS of the bench process): %.0f MiB", Self.peakMemoryMiB()))
    }

    // MARK: - Helpers

    static func time(_ body: () throws -> Void) rethrows -> Double {
        let start = ContinuousClock.now
        try body()
        return seconds(start.duration(to: .now))
    }

    static func time(_ body: () async throws -> Void) async rethrows -> Double {
        let start = ContinuousClock.now
        try await body()
        return seconds(start.duration(to: .now))
    }

    /// The largest resident set this process has had so far.
    static func peakMemoryMiB() -> Double {
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// Runs a peer program (through /usr/bin/env) that prints one JSON object on standard output.
    static func jsonOutput(of command: [String]) throws -> [String: Any] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            AppRunner.fail("\(command.prefix(2).joined(separator: " ")) failed (exit \(process.terminationStatus))")
        }
        return json
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
    }

    /// A wrk Lua script that cycles through the queries.
    static func wrkScript(queries: [String]) -> String {
        let paths = queries.map { q in
            "\"/api/v1/occupations?q=" + (q.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") + "\""
        }
        return "local paths = {" + paths.joined(separator: ",") + "}\nlocal i = 0\n"
            + "request = function()\n  i = i % #paths + 1\n  return wrk.format(\"GET\", paths[i])\nend\n"
    }

    struct WrkResult { let rps: Double; let p99: Double }

    static func wrk(_ url: String, script: String?, duration: Int, connections: Int) throws -> WrkResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        var arguments = ["wrk", "-t2", "-c\(connections)", "-d\(duration)s", "--latency"]
        if let script { arguments += ["-s", script] }
        process.arguments = arguments + [url]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { AppRunner.fail("wrk failed (is it installed? scripts/setup installs it): \(output)") }
        if output.contains("Non-2xx") { AppRunner.fail("wrk saw error responses:\n\(output)") }
        func number(after label: String) -> Double? {
            guard let line = output.split(separator: "\n").first(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix(label) }) else { return nil }
            let field = line.split(separator: " ", omittingEmptySubsequences: true).dropFirst(label.split(separator: " ").count).first.map(String.init) ?? ""
            let value = Double(field.trimmingCharacters(in: CharacterSet.letters)) ?? 0
            if field.hasSuffix("us") { return value / 1000 }
            if field.hasSuffix("ms") { return value }
            if field.hasSuffix("s") { return value * 1000 }
            return value
        }
        return WrkResult(rps: number(after: "Requests/sec:") ?? 0, p99: number(after: "99%") ?? 0)
    }

    static func machine() -> String {
        let cpu =
            (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
        return "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(cpu), \(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB"
    }
}
