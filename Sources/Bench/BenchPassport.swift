import App
import ArgumentParser
import Crypto
import Days
import Dispatch
import Foundation
import Identifiers
import Localization
import Parallel
import Passport
import Runner
import Taxonomy
import TaxonomySource
import Vapor

/// `loopbrug bench passport`: importing signed work credentials (verify signature, check the
/// schema and ESCO URIs, find duplicates, store), on SQLite and optionally PostgreSQL, side by
/// side with the floor: bare Ed25519 verification of the same tokens on all cores.
struct BenchPassport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passport",
        abstract: "Import throughput of signed work records (target ≥ 20,000/s on 2 cores into SQLite).")

    @ArgumentParser.Option(help: "Number of signed records.") var records = 100_000
    @ArgumentParser.Option(help: "Also import into this PostgreSQL database (postgres://…); it gets a new issuer and worker.") var postgres: String?
    @ArgumentParser.Option(help: "KlusCV renderings to time.") var pdfs = 200
    @ArgumentParser.Option(help: "Seconds per wrk run.") var duration = 10
    @ArgumentParser.Option(help: "wrk connections.") var connections = 64
    @ArgumentParser.Flag(help: "Skip the KlusCV and HTTP parts.") var importOnly = false

    func run() async throws {
        AppRunner.bootstrapLogging()
        guard (1...1_000_000).contains(records) else { AppRunner.fail("--records must be 1 to 1,000,000") }
        let base = AppRunner.config()
        AppRunner.say("loopbrug bench passport — \(BenchTaxonomy.machine())")
        let taxonomy = TaxonomyIndex(dataset: try ESCODistribution(directory: base.escoDirectory).load().dataset)
        let examples = try Self.examples(base.standardDirectory)

        try await BenchDatabases.each(base: base, postgres: postgres, sqliteName: "SQLite (WAL)") { name, _, app, work in
            let store = app.passportStore
            let key = Ed25519JWK(privateKey: Curve25519.Signing.PrivateKey())
            let issuerID = try await store.createIssuer(name: "Bench Platform", ownerUserID: nil, key: key.publicOnly, now: Date())
            let first = try await store.reserveStatusPositions(issuerID: issuerID, count: records).lowerBound
            let validFrom = Date(timeIntervalSince1970: 1_750_000_000)
            let baseURL = base.publicURL

            // The tokens, signed on all cores (not part of the import figure).
            var tokens: [String] = []
            let signSeconds = BenchTaxonomy.time {
                tokens = Parallel.map(count: records) { i in
                    let payload = WorkCredential.payload(
                        issuerID: issuerID, issuerName: "Bench Platform", record: Self.oneDay(examples[i % examples.count], i),
                        validFrom: validFrom, statusPosition: first + i, baseURL: baseURL)
                    return try! CompactJWS.sign(payload: payload.serialized(), key: key.privateKey!, keyID: key.thumbprint)
                }
            }
            let lines = tokens.enumerated().map { JSONLines.Line(number: $0.offset + 1, text: Substring($0.element)) }
            let bytes = tokens.reduce(0) { $0 + $1.utf8.count + 1 }

            // The floor: Ed25519 verification alone, same tokens, all cores.
            let publicKey = key.publicKey
            let parsed = try lines.map { try CompactJWS($0.text) }
            let floorSeconds = BenchTaxonomy.time {
                Parallel.forEach(chunks: parsed.count) { i in precondition(parsed[i].isSigned(by: publicKey)) }
            }

            // Verification alone (signature, schema, ESCO not included), the first step of the import.
            let keys = try await store.activeKeys()
            let verifySeconds = try BenchTaxonomy.time { _ = try app.passport.verifyAll(lines, keys: keys, now: Date(), isRevoked: nil) }

            // The import: verify + schema + ESCO + duplicates + one transaction.
            let worker = WorkerID(UUID())
            var report: ImportReport?
            let importSeconds = try await BenchTaxonomy.time {
                report = try await app.passport.importCredentials(lines, from: .admin(worker: worker), store: store, taxonomy: taxonomy, now: Date())
            }
            guard let report, report.succeeded, report.accepted == records else {
                throw ConfigError("the bench import was refused: \(report?.problems.first?.text ?? "?")")
            }
            let stored = try await store.records(worker: worker).count
            guard stored == records else { throw ConfigError("stored \(stored) of \(records) records") }
            let rate = Double(records) / importSeconds
            let floor = Double(records) / floorSeconds
            AppRunner.say(
                String(
                    format:
                        "%@: imported %d signed records (%.1f MB) in %.2f s = %.0f records/s; bare Ed25519 verification of the same tokens: %.0f/s; import / bare verification = %.2f (the verification step alone, signature + schema: %.2f s); signing them took %.2f s",
                    name, records, Double(bytes) / 1e6, importSeconds, rate, floor, rate / floor, verifySeconds, signSeconds))
            if !importOnly && name.hasPrefix("SQLite") {
                try await shareFigures(app, worker: worker, taxonomy: taxonomy, work: work)
            }
        }
    }

    /// A 50-record share of the imported records: its KlusCV (read with live statuses + layout +
    /// PDF, as the download does) timed `pdfs` times, and its public verification endpoint under
    /// wrk beside the trivial /health route.
    func shareFigures(_ app: Application, worker: WorkerID, taxonomy: TaxonomyIndex, work: String) async throws {
        try await app.taxonomy.reload(from: app.db)
        try await ShareBench.createWorker(app, id: worker)
        let ids = try await app.passportStore.records(worker: worker).prefix(50).map(\.id)
        let share = try await ShareBench.createShare(app, worker: worker, recordIDs: Array(ids))
        var times: [Double] = []
        var size = 0
        for i in 0..<(pdfs + 5) {
            let start = ContinuousClock.now
            let pdf = try await ShareBench.kluscv(app, shareID: share, lang: i % 2 == 1 ? .en : .nl)
            if i >= 5 { times.append(BenchTaxonomy.seconds(start.duration(to: .now)) * 1000) }  // the first ones load fonts
            size = pdf.count
        }
        times.sort()
        var reads: [Double] = []
        for _ in 0..<200 {
            let start = ContinuousClock.now
            _ = try await ShareBench.read(app, shareID: share)
            reads.append(BenchTaxonomy.seconds(start.duration(to: .now)) * 1000)
        }
        reads.sort()
        AppRunner.say(
            String(
                format: "Share read with live statuses (50 records, in-process, 200 runs): p50 %.2f ms, p95 %.2f ms",
                BenchTaxonomy.percentile(reads, 0.5), BenchTaxonomy.percentile(reads, 0.95)))
        AppRunner.say(
            String(
                format: "KlusCV PDF, 50 records (%d KB, read + layout + render, nl/en alternating, %d runs): p50 %.1f ms, p95 %.1f ms, max %.1f ms",
                size / 1024, pdfs, BenchTaxonomy.percentile(times, 0.5), BenchTaxonomy.percentile(times, 0.95), times.last ?? 0))

        try await app.asyncBoot()
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        guard let port = app.http.server.shared.localAddress?.port else { AppRunner.fail("server has no port") }
        let floor = try BenchTaxonomy.wrk("http://127.0.0.1:\(port)/health", script: nil, duration: duration, connections: connections)
        let json = try BenchTaxonomy.wrk("http://127.0.0.1:\(port)/api/v1/shares/\(share)", script: nil, duration: duration, connections: connections)
        let page = try BenchTaxonomy.wrk("http://127.0.0.1:\(port)/v/\(share)", script: nil, duration: duration, connections: connections)
        AppRunner.say(String(format: "HTTP trivial route /health: %.0f req/s, p99 %.2f ms (%d connections, %d s)", floor.rps, floor.p99, connections, duration))
        AppRunner.say(
            String(
                format: "HTTP verification JSON /api/v1/shares/:id (50 records, live status): %.0f req/s, p99 %.2f ms; / trivial route: %.2f",
                json.rps, json.p99, json.rps / floor.rps))
        AppRunner.say(
            String(
                format: "HTTP verification page /v/:id (50 records, HTML): %.0f req/s, p99 %.2f ms; / trivial route: %.2f",
                page.rps, page.p99, page.rps / floor.rps))
        await app.server.shutdown()
    }

    /// The valid examples of the standard, the records the benchmark signs in turn.
    /// The example as a record of one day, twelve records a day from 1950-01-01 (a million fit
    /// before 2200), at most 2 hours each: all records go to one worker, who cannot work more
    /// than 24 hours a day (`DailyHours`).
    static func oneDay(_ record: JSONValue, _ i: Int) -> JSONValue {
        guard case .object(var members) = record else { return record }
        let day = Day(dayNumber: Day(year: 1950, month: 1, day: 1)!.dayNumber + i / 12)!.description
        members["period"] = .object(["start": .string(day), "end": .string(day)])
        if let hours = members["hours"]?.numberValue { members["hours"] = .number(min(hours, 2)) }
        return .object(members)
    }

    static func examples(_ directory: String) throws -> [JSONValue] {
        let folder = directory + "/examples/valid"
        return try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }.sorted().map {
            try JSONValue.parse([UInt8](Data(contentsOf: URL(fileURLWithPath: "\(folder)/\($0)"))))
        }
    }
}
