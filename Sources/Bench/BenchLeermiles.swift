import App
import ArgumentParser
import Foundation
import Leermiles
import Localization
import Runner
import SQLKit
import Vapor

/// `loopbrug bench leermiles`: single postings per second (each its own transaction, as a spend
/// request makes them) and the accrual batch over synthetic verified records, on a new SQLite
/// file (WAL, the driver's default synchronous=FULL) and optionally PostgreSQL. Side by side: the
/// floor, one bare one-row INSERT per transaction through the same driver.
struct BenchLeermiles: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leermiles",
        abstract: "Ledger postings/s (target ≥ 5,000 on SQLite) and the accrual batch (target: 1,000,000 records in < 2 min).")

    @ArgumentParser.Option(help: "Spend postings to time.") var postings = 20_000
    @ArgumentParser.Option(help: "Spend requests in flight at once (a busy server has many).") var concurrency = 64
    @ArgumentParser.Option(help: "Verified records for the accrual batch (0 skips it).") var records = 1_000_000
    @ArgumentParser.Option(help: "Workers the records belong to.") var workers = 100_000
    @ArgumentParser.Option(help: "Accrual postings per transaction.") var chunk = LedgerStore.earningsChunk
    @ArgumentParser.Flag(help: "Skip the spend postings (to time the batch alone).") var skipSpends = false
    @ArgumentParser.Option(help: "Also run on this PostgreSQL database (postgres://…); it must be empty.") var postgres: String?

    func run() async throws {
        AppRunner.bootstrapLogging()
        guard (1...1_000_000).contains(postings), (1...256).contains(concurrency), (0...5_000_000).contains(records), (1...1_000_000).contains(workers), (1...5_000_000).contains(chunk) else {
            AppRunner.fail("--postings 1…1,000,000, --concurrency 1…256, --records 0…5,000,000, --workers 1…1,000,000, --chunk 1…5,000,000")
        }
        let base = AppRunner.config()
        AppRunner.say("loopbrug bench leermiles — \(BenchTaxonomy.machine())")
        try await BenchDatabases.each(base: base, postgres: postgres) { name, database, app, _ in
            let sql = app.db.sql
            if case .sqlite = database {
                let mode = try await sql.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self) ?? "?"
                let sync = try await sql.raw("PRAGMA synchronous").first()?.decode(column: "synchronous", as: Int.self) ?? -1
                AppRunner.say("\n\(name): journal_mode=\(mode), synchronous=\(["OFF", "NORMAL", "FULL", "EXTRA"][safe: sync] ?? "?")")
            } else {
                AppRunner.say("\n\(name)")
            }
            if !skipSpends { try await spends(app) }
            if records > 0 { try await accrual(app) }
        }
    }

    /// Every worker gets 1,000 miles; then `postings` spends of 1 mile, `concurrency` at a time.
    func spends(_ app: Application) async throws {
        let ledger = LedgerStore(database: app.db)
        let now = Date()
        let spenders = 1_000
        _ = try await ledger.postEarnings(
            (0..<spenders).map {
                Posting(key: "bench-fund-\($0)", from: .funder("bench"), to: .worker("bench-\($0)"), amount: Miles(1_000), reason: .contribution, cause: "bench", at: now)
            })
        let floorCount = min(postings, 5_000)
        let sql = app.db.sql
        try await sql.raw("CREATE TABLE bench_floor (k TEXT PRIMARY KEY, v BIGINT NOT NULL)").run()
        let floorSeconds = try await BenchTaxonomy.time {
            for i in 0..<floorCount { try await sql.raw("INSERT INTO bench_floor (k, v) VALUES (\(bind: "f\(i)"), \(bind: i))").run() }
        }
        try await sql.raw("DROP TABLE bench_floor").run()
        let floorRate = Double(floorCount) / floorSeconds
        AppRunner.say(String(format: "  floor, one-row INSERT per transaction, same driver, one at a time: %.0f/s", floorRate))
        let writer = LedgerWriter(database: app.db)
        for (label, mode) in [("one transaction each", "single"), ("group commit (LedgerWriter)", "group")] {
            let next = Counter()
            let seconds = try await BenchTaxonomy.time {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<concurrency {
                        group.addTask {
                            while let i = next.take(below: postings) {
                                let worker = "bench-\(i % spenders)"
                                let posting = Posting(
                                    key: "bench-\(mode)-\(i)", from: .worker(worker), to: .reserved(worker), amount: Miles(1), reason: .reserve,
                                    cause: "bench", at: now, reservation: "bench-res-\(mode)-\(i)")
                                let outcome = mode == "group" ? try await writer.post(posting) : try await LedgerStore(database: app.db).post(posting)
                                precondition(outcome == .posted)
                            }
                        }
                    }
                    try await group.waitForAll()
                }
            }
            // Each spend is a real reservation, so the audit at the end has nothing to name.
            for start in stride(from: 0, to: postings, by: 500) {
                var insert = sql.insert(into: "ledger_reservations").columns("id", "worker_id", "course_id", "amount", "state", "created_at", "updated_at")
                for i in start..<min(start + 500, postings) {
                    insert = insert.values(
                        SQLBind("bench-res-\(mode)-\(i)"), SQLBind("bench-\(i % spenders)"), SQLBind("bench-course"), SQLBind(Int64(100)),
                        SQLBind("open"), SQLBind(now), SQLBind(now))
                }
                try await insert.run()
            }
            let rate = Double(postings) / seconds
            AppRunner.say(
                String(
                    format: "  spend postings, %@: %d in %.2f s = %.0f postings/s (%d requests at a time); postings/floor = %.2f",
                    label, postings, seconds, rate, concurrency, rate / floorRate))
        }
    }

    /// Synthetic records (not timed), then the batch, then the batch again (everything repeated), then the audit.
    func accrual(_ app: Application) async throws {
        let now = Date()
        let seedSeconds = try await BenchTaxonomy.time {
            // The spend part made no accounts or records, so the database is still empty of people.
            _ = try await LeermilesSynth.fill(database: app.db, records: records, workers: workers, seed: 6, now: now)
        }
        AppRunner.say(String(format: "  %d synthetic verified records for %d workers written in %.1f s (not part of the figure)", records, workers, seedSeconds))
        var first: AccrualOutcome?
        let firstSeconds = try await BenchTaxonomy.time { first = try await LeermilesAccrual.run(database: app.db, now: now, chunk: chunk) }
        AppRunner.say("  \(chunk) postings per transaction")
        AppRunner.say(
            String(
                format: "  accrual batch: %d records → %d postings (%@ miles) in %.1f s = %.0f records/s, peak memory %.0f MiB",
                records, first!.posted.count, first!.posted.miles.description, firstSeconds, Double(records) / firstSeconds, BenchTaxonomy.peakMemoryMiB()))
        AppRunner.say(String(format: "    reading the facts %.1f s, the rules %.1f s, writing %.1f s", first!.seconds.read, first!.seconds.rules, first!.seconds.write))
        var again: AccrualOutcome?
        let againSeconds = try await BenchTaxonomy.time { again = try await LeermilesAccrual.run(database: app.db, now: now) }
        AppRunner.say(String(format: "  the same batch again: %d new, %d already posted, in %.1f s", again!.posted.count, again!.alreadyPosted, againSeconds))
        var breaches: [String] = []
        let auditSeconds = try await BenchTaxonomy.time {
            let all = try await LedgerStore(database: app.db).everything()
            breaches = LedgerAudit.breaches(postings: all.postings, storedBalances: all.balances, reservations: all.reservations)
        }
        AppRunner.say(String(format: "  audit of the whole ledger: %.1f s, %@", auditSeconds, breaches.isEmpty ? "sound" : "BREACHES: \(breaches.prefix(3))"))
        try await overview(app)
    }

    /// What the overview page and the yearly statement read, for the worker with the most records,
    /// in a ledger of this size: the worker's postings, rules and facts, the rules run again to
    /// date the earnings; then the statement's PDF and CSV.
    func overview(_ app: Application) async throws {
        let sql = app.db.sql
        guard let row = try await sql.raw("SELECT worker_id, COUNT(*) AS n FROM passport_records GROUP BY worker_id ORDER BY n DESC, worker_id LIMIT 1").first() else { return }
        let worker = try row.decode(column: "worker_id", as: String.self)
        var loaded: LeermilesOverview?
        var laps: [Double] = []
        for _ in 0..<20 {
            laps.append(
                try await BenchTaxonomy.time {
                    loaded = try await LeermilesOverview.load(worker: worker, lang: .nl, database: app.db, now: app.dependencies.now(), careerData: app.careerData.snapshot)
                })
        }
        laps.sort()
        var files: LeermilesStatementFiles.Files?
        let statementSeconds = try await BenchTaxonomy.time {
            files = try await LeermilesStatementFiles.files(worker: worker, name: worker, year: nil, lang: .nl, database: app.db, now: app.dependencies.now(), careerData: app.careerData.snapshot)
        }
        AppRunner.say(
            String(
                format: "  overview of the busiest worker (%d records, %d postings): p50 %.1f ms, max %.1f ms over 20; yearly statement PDF + CSV %.0f ms (%d lines, %d kB PDF)",
                try row.decode(column: "n", as: Int.self), loaded!.postings.count, laps[10] * 1000, laps[19] * 1000, statementSeconds * 1000,
                files!.lines, files!.pdf.count / 1024))
        // The fund page's queries for the funder that paid the most postings.
        guard let top = try await sql.raw("SELECT from_account, COUNT(*) AS n FROM ledger_postings WHERE from_account LIKE 'funder:%' GROUP BY from_account ORDER BY n DESC LIMIT 1").first(),
            let funder = AccountID(parsing: try top.decode(column: "from_account", as: String.self))?.owner
        else { return }
        let store = FunderStore(database: app.db)
        var people = 0
        let fundSeconds = try await BenchTaxonomy.time {
            people = try await store.given(funder: funder).workers.value ?? 0
            _ = try await store.reversed(funder: funder)
            _ = try await store.potUse(funder: funder)
            _ = try await store.awaitingApproval(funder: funder)
            _ = try await store.consentingWorkers(funder: funder)
        }
        AppRunner.say(String(format: "  fund page figures for %@ (%d postings to %d people): %.0f ms", funder, try top.decode(column: "n", as: Int.self), people, fundSeconds * 1000))
    }
}

/// Hands out 0, 1, 2, … to concurrent tasks.
private final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}

extension Array {
    fileprivate subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
