import Fluent
import Foundation
import Leermiles
import SQLKit

/// The leermiles ledger in SQL, on SQLite and PostgreSQL alike. Three ways in: one posting per
/// transaction (`post`), a group per transaction (`postGroup`, for `LedgerWriter`), and earnings
/// in bulk (`postEarnings`, for the accrual batch). A single posting's transaction starts by
/// writing (so SQLite takes its write lock at once), and the balance check sits in the UPDATE
/// itself (`… WHERE balance - amount >= 0`): two spends racing for the same points cannot both
/// pass, whatever the isolation level.
public struct LedgerStore: Sendable {
    let database: any Database

    public init(database: any Database) { self.database = database }

    /// Writes one posting with every rule of `Ledger`; a repeat of the same request posts nothing.
    @discardableResult
    public func post(_ posting: Posting) async throws -> Ledger.Outcome {
        try await database.writeTransaction { db in try await Self.write(posting, on: db.sql) }
    }

    /// Writes several postings in one transaction (one commit, one sync to disk), with the same
    /// outcome for each as `post` one after another: this is what `LedgerWriter` commits.
    ///
    /// The rules run in memory (`Ledger`) over what the group touches, read inside the
    /// transaction (balances locked on PostgreSQL); then all accepted postings are written in one
    /// statement and all balance changes in another; then the touched balances are read back and
    /// checked. If anything disagrees (another writer got in between, SQLite's snapshot went
    /// stale), the group is rolled back and its postings are written one by one instead.
    public func postGroup(_ postings: [Posting]) async throws -> [Result<Ledger.Outcome, LedgerError>] {
        do {
            return try await database.writeTransaction { db in try await Self.writeGroup(postings, on: db.sql) }
        } catch {
            var results: [Result<Ledger.Outcome, LedgerError>] = []
            for posting in postings {
                do { results.append(.success(try await post(posting))) } catch let refusal as LedgerError { results.append(.failure(refusal)) }
            }
            return results
        }
    }

    /// The group's rules run in `Ledger`, which also checks each posting's shape.
    static func writeGroup(_ postings: [Posting], on sql: any SQLDatabase) async throws -> [Result<Ledger.Outcome, LedgerError>] {
        let keys = Set(postings.map(\.key)).union(postings.compactMap(\.reverses))
        let earlier = try await sql.select().columns(postingColumns.map { SQLColumn($0) }).from("ledger_postings").where("key", .in, Array(keys)).all().map(decode)
        let targets = postings.compactMap(\.reverses)
        let reversed =
            targets.isEmpty
            ? []
            : try await sql.select().column("reverses").from("ledger_postings").where("reverses", .in, targets).all()
                .map { try $0.decode(column: "reverses", as: String.self) }
        let accounts = Set(postings.flatMap { [$0.from, $0.to] })
        var ledger = Ledger(balances: try await balances(accounts, on: sql, lock: true), earlier: earlier, reversed: Set(reversed))
        let outcomes = postings.map { p -> Result<Ledger.Outcome, LedgerError> in
            do throws(LedgerError) { return .success(try ledger.post(p)) } catch { return .failure(error) }
        }
        let new = Array(ledger.postings[earlier.count...])
        guard !new.isEmpty else { return outcomes }
        let inserted = try await insert(new, on: sql)
        guard inserted.count == new.count else { throw GroupDisagrees() }
        try await apply(deltas(new), on: sql)
        for (account, balance) in try await balances(Set(new.flatMap { [$0.from, $0.to] }), on: sql, lock: false) where !account.allows(balance) {
            throw GroupDisagrees()
        }
        return outcomes
    }

    struct GroupDisagrees: Error {}

    /// One posting's statements, inside the caller's transaction or savepoint. It starts by
    /// writing, so SQLite takes its write lock at once; a refusal throws and the caller rolls back.
    static func write(_ posting: Posting, on sql: any SQLDatabase) async throws -> Ledger.Outcome {
        try posting.validate()
        let inserted = try await sql.raw(
            """
            INSERT INTO ledger_postings (key, from_account, to_account, amount, reason, cause, at, reverses, reservation)
            VALUES (\(bind: posting.key), \(bind: posting.from.description), \(bind: posting.to.description), \(bind: posting.amount.hundredths),
                    \(bind: posting.reason.rawValue), \(bind: posting.cause), \(bind: posting.at), \(bind: posting.reverses), \(bind: posting.reservation))
            ON CONFLICT DO NOTHING RETURNING seq
            """
        ).all()
        // Nothing written: the key was posted before, or the posting it reverses already was reversed.
        guard !inserted.isEmpty else {
            if let earlier = try await Self.posting(key: posting.key, on: sql) {
                guard earlier.sameRequest(as: posting) else { throw LedgerError.keyReused(posting.key) }
                return .repeated
            }
            throw LedgerError.alreadyReversed(posting.key, reverses: posting.reverses ?? "")
        }
        if let target = posting.reverses {
            guard let original = try await Self.posting(key: target, on: sql) else { throw LedgerError.unknownReversal(posting.key, reverses: target) }
            try posting.checkReverses(original)
        }
        try await Self.move(posting.from, by: -posting.amount, key: posting.key, on: sql)
        try await Self.move(posting.to, by: posting.amount, key: posting.key, on: sql)
        return .posted
    }

    /// Earning postings in bulk (the accrual batch): per chunk of 100,000 one transaction, with
    /// multi-row inserts that skip keys already posted and one upsert of the balances. Large
    /// chunks matter: every commit rewrites the index pages it touched, and postings for
    /// thousands of workers touch most of the `to_account` index (docs/benchmarks.md, issue 6,
    /// compares chunk sizes). A chunk holds
    /// SQLite's write lock for a few seconds; writers meanwhile wait their turn. Earning only moves funders further below zero and workers further above it, so
    /// no floor can be crossed. Returns the postings that were new. Each chunk commits on its
    /// own: a batch cut off halfway and run again posts exactly what is missing.
    public static let earningsChunk = 100_000

    public func postEarnings(_ postings: [Posting], chunk: Int = earningsChunk) async throws -> [Posting] {
        var posted: [Posting] = []
        for p in postings {
            try p.validate()
            guard p.reason.isEarning else { throw LedgerError.invalid(p.key, field: "reason", "\(p.reason.rawValue) is not earning") }
        }
        // In key order, each chunk's keys sit next to each other in the unique index. The batch's
        // keys mostly arrive in order already; for shuffled keys, a Python sqlite3 check of the
        // same inserts took 19.0 s sorted against 33.5 s shuffled (438,000 rows).
        let ordered = postings.sorted { $0.key < $1.key }
        for start in stride(from: 0, to: ordered.count, by: chunk) {
            let part = Array(ordered[start..<min(start + chunk, ordered.count)])
            posted += try await database.writeTransaction { db in
                let sql = db.sql
                // SQLite's default page cache (2 MB) makes a large batch re-read its index pages
                // from disk over and over; 256 MB for this connection keeps them in memory.
                if sql.dialect.name == "sqlite" { try await sql.raw("PRAGMA cache_size = -262144").run() }
                let new = try await Self.insert(part, on: sql)
                let written = part.filter { new.contains($0.key) }
                try await Self.apply(Self.deltas(written), on: sql)
                return written
            }
        }
        return posted
    }
}

public struct LedgerStoreError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
