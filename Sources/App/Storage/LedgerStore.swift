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
        let reversed = targets.isEmpty ? [] : try await sql.select().column("reverses").from("ledger_postings").where("reverses", .in, targets).all()
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
        let inserted = try await sql.raw("""
            INSERT INTO ledger_postings (key, from_account, to_account, amount, reason, cause, at, reverses, reservation)
            VALUES (\(bind: posting.key), \(bind: posting.from.description), \(bind: posting.to.description), \(bind: posting.amount.hundredths),
                    \(bind: posting.reason.rawValue), \(bind: posting.cause), \(bind: posting.at), \(bind: posting.reverses), \(bind: posting.reservation))
            ON CONFLICT DO NOTHING RETURNING seq
            """).all()
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
    /// thousands of workers touch most of the `to_account` index (2,000 per commit took 2.3×
    /// as long as 25,000; 100,000 writes 300,000 records in 17.3 s against 21.0 s). A chunk holds
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

    /// Which of these keys are posted already.
    public func existingKeys(_ keys: [String]) async throws -> Set<String> {
        let sql = database.sql
        var found = Set<String>()
        for start in stride(from: 0, to: keys.count, by: 1_000) {
            let chunk = Array(keys[start..<min(start + 1_000, keys.count)])
            for row in try await sql.select().column("key").from("ledger_postings").where("key", .in, chunk).all() {
                found.insert(try row.decode(column: "key", as: String.self))
            }
        }
        return found
    }

    /// The postings with these keys that no reversal has undone yet.
    public func unreversed(keys: [String]) async throws -> [Posting] {
        let sql = database.sql
        var found: [Posting] = []
        for start in stride(from: 0, to: keys.count, by: 500) {
            let chunk = SQLList(keys[start..<min(start + 500, keys.count)].map { SQLBind($0) })
            found += try await sql.raw("""
                SELECT \(unsafeRaw: Self.postingColumns.map { "p." + $0 }.joined(separator: ", ")) FROM ledger_postings p
                WHERE p.key IN (\(chunk)) AND NOT EXISTS (SELECT 1 FROM ledger_postings r WHERE r.reverses = p.key)
                """).all().map(Self.decode)
        }
        return found
    }

    public func balance(_ account: AccountID) async throws -> Miles {
        let sql = database.sql
        let row = try await sql.select().column("balance").from("ledger_balances").where("account", .equal, account.description).first()
        return Miles(hundredths: try row?.decode(column: "balance", as: Int64.self) ?? 0)
    }

    /// A worker's accounts: free points, each restricted pot, and what is reserved.
    public func accounts(worker: String) async throws -> [AccountID: Miles] {
        try await Self.accounts(worker: worker, on: database.sql, lock: false)
    }

    /// Every posting into or out of a worker's accounts (free points, pots, reserved), in the order
    /// written. Every account that was ever posted to has a balance row, so the worker's accounts
    /// come from there (by prefix, on an index) and the postings by exact account names, which
    /// both databases find on the account indexes whatever their collation.
    public func postings(worker: String) async throws -> [Posting] {
        try await postings(accounts: Array(try await accounts(worker: worker).keys))
    }

    /// Every posting into or out of these accounts, in the order written (a caller that has read
    /// the worker's accounts already need not read them again).
    public func postings(accounts: [AccountID]) async throws -> [Posting] {
        guard !accounts.isEmpty else { return [] }
        let list = SQLList(accounts.map(\.description).sorted().map { SQLBind($0) })
        return try await database.sql.raw("""
            SELECT \(unsafeRaw: Self.postingColumns.joined(separator: ", ")) FROM ledger_postings
            WHERE from_account IN (\(list)) OR to_account IN (\(list)) ORDER BY seq
            """).all().map(Self.decode)
    }

    /// Everything the audit needs: every posting in the order written, every stored balance, every reservation.
    public func everything() async throws -> (postings: [Posting], balances: [AccountID: Miles], reservations: [LedgerAudit.StoredReservation]) {
        let sql = database.sql
        let postings = try await sql.select().columns(Self.postingColumns.map { SQLColumn($0) }).from("ledger_postings").orderBy("seq").all()
            .map(Self.decode)
        let balances = try Self.balances(from: try await sql.select().columns("account", "balance").from("ledger_balances").all())
        let reservations = try await sql.select().columns(ReservationStore.columns.map { SQLColumn($0) }).from("ledger_reservations").all()
            .map { try ReservationStore.decode($0).stored }
        return (postings, balances, reservations)
    }

    // MARK: - SQL

    /// One multi-row INSERT that skips keys posted before; returns the keys it wrote.
    static func insert(_ postings: [Posting], on sql: any SQLDatabase) async throws -> Set<String> {
        if sql.dialect.name == "postgresql" { return try await insertByArrays(postings, on: sql) }
        var inserted = Set<String>()
        for start in stride(from: 0, to: postings.count, by: 2_000) {
            let rows = postings[start..<min(start + 2_000, postings.count)].map { p -> any SQLExpression in
                SQLGroupExpression([SQLBind(p.key), SQLBind(p.from.description), SQLBind(p.to.description), SQLBind(p.amount.hundredths), SQLBind(p.reason.rawValue),
                                    SQLBind(p.cause), SQLBind(p.at), p.reverses.map { SQLBind($0) } ?? SQLLiteral.null, p.reservation.map { SQLBind($0) } ?? SQLLiteral.null]
                                   as [any SQLExpression])
            }
            for row in try await sql.raw("""
                INSERT INTO ledger_postings (key, from_account, to_account, amount, reason, cause, at, reverses, reservation)
                VALUES \(SQLList(rows)) ON CONFLICT DO NOTHING RETURNING key
                """).all() {
                inserted.insert(try row.decode(column: "key", as: String.self))
            }
        }
        return inserted
    }

    /// PostgreSQL: one array per column and `unnest`, nine parameters for any number of rows.
    /// A VALUES list of 2,000 rows has 18,000 parameters to encode, send and plan; the arrays went
    /// through in a fraction of that. '' stands for NULL (no key, reversal or reservation is empty).
    static func insertByArrays(_ postings: [Posting], on sql: any SQLDatabase) async throws -> Set<String> {
        var inserted = Set<String>()
        for start in stride(from: 0, to: postings.count, by: 25_000) {
            let part = postings[start..<min(start + 25_000, postings.count)]
            for row in try await sql.raw("""
                INSERT INTO ledger_postings (key, from_account, to_account, amount, reason, cause, at, reverses, reservation)
                SELECT k, f, t, a, r, c, w, NULLIF(rv, ''), NULLIF(rs, '')
                FROM unnest(\(bind: part.map(\.key))::text[], \(bind: part.map(\.from.description))::text[], \(bind: part.map(\.to.description))::text[],
                            \(bind: part.map(\.amount.hundredths))::bigint[], \(bind: part.map(\.reason.rawValue))::text[], \(bind: part.map(\.cause))::text[],
                            \(bind: part.map(\.at))::timestamptz[], \(bind: part.map { $0.reverses ?? "" })::text[], \(bind: part.map { $0.reservation ?? "" })::text[])
                     AS u(k, f, t, a, r, c, w, rv, rs)
                ON CONFLICT DO NOTHING RETURNING key
                """).all() {
                inserted.insert(try row.decode(column: "key", as: String.self))
            }
        }
        return inserted
    }

    static func deltas(_ postings: [Posting]) -> [AccountID: Int64] {
        var deltas: [AccountID: Int64] = [:]
        for p in postings {
            deltas[p.from, default: 0] -= p.amount.hundredths
            deltas[p.to, default: 0] += p.amount.hundredths
        }
        return deltas
    }

    /// All balance changes in one upsert per 2,000 accounts, in account order (so two writers
    /// on PostgreSQL lock rows in the same order and cannot deadlock).
    static func apply(_ deltas: [AccountID: Int64], on sql: any SQLDatabase) async throws {
        let sorted = deltas.sorted { $0.key < $1.key }
        for start in stride(from: 0, to: sorted.count, by: 2_000) {
            let rows = sorted[start..<min(start + 2_000, sorted.count)].map { SQLGroupExpression([SQLBind($0.key.description), SQLBind($0.value)] as [any SQLExpression]) as any SQLExpression }
            try await sql.raw("""
                INSERT INTO ledger_balances (account, balance) VALUES \(SQLList(rows))
                ON CONFLICT (account) DO UPDATE SET balance = ledger_balances.balance + excluded.balance
                """).run()
        }
    }

    /// Current balances of these accounts (missing ones are zero); locked until the transaction ends on PostgreSQL.
    static func balances(_ accounts: Set<AccountID>, on sql: any SQLDatabase, lock: Bool) async throws -> [AccountID: Miles] {
        let names = accounts.map(\.description).sorted()
        return try balances(from: try await sql.raw("""
            SELECT account, balance FROM ledger_balances WHERE account IN (\(SQLList(names.map { SQLBind($0) })))\(unsafeRaw: forUpdate(lock, sql))
            """).all())
    }

    /// A worker's free points, pots and reservation account; locked on PostgreSQL with `lock`.
    static func accounts(worker: String, on sql: any SQLDatabase, lock: Bool) async throws -> [AccountID: Miles] {
        let free = AccountID.worker(worker).description
        return try balances(from: try await sql.raw("""
            SELECT account, balance FROM ledger_balances
            WHERE account = \(bind: free) OR \(isPot("account", of: worker, sql)) OR account = \(bind: AccountID.reserved(worker).description)\(unsafeRaw: forUpdate(lock, sql))
            """).all())
    }

    /// `account, balance` rows as a dictionary; an account that does not parse means the table was tampered with.
    static func balances(from rows: [any SQLRow]) throws -> [AccountID: Miles] {
        var out: [AccountID: Miles] = [:]
        for row in rows {
            let text = try row.decode(column: "account", as: String.self)
            guard let account = AccountID(parsing: text) else { throw LedgerStoreError("ledger_balances holds an account that does not parse: \(text)") }
            out[account] = Miles(hundredths: try row.decode(column: "balance", as: Int64.self))
        }
        return out
    }

    /// `column` names one of the worker's pots ("worker:ID:FUNDER"). SQLite's LIKE ignores case,
    /// so it cannot use the index and scans the whole table; GLOB is exact and searches the index
    /// as a range. PostgreSQL's LIKE uses the `text_pattern_ops` index on balances. Either pattern
    /// has the id's wildcards escaped, so an id matches only itself.
    static func isPot(_ column: String, of worker: String, _ sql: any SQLDatabase) -> SQLQueryString {
        let prefix = AccountID.worker(worker).description + ":"
        if sql.dialect.name == "sqlite" {
            let escaped = prefix.map { "*?[".contains($0) ? "[\($0)]" : String($0) }.joined()
            return "\(unsafeRaw: column) GLOB \(bind: escaped + "*")"
        }
        let escaped = prefix.map { "\\%_".contains($0) ? "\\\($0)" : String($0) }.joined()
        return "\(unsafeRaw: column) LIKE \(bind: escaped + "%")"
    }

    static func forUpdate(_ lock: Bool, _ sql: any SQLDatabase) -> String { lock && sql.dialect.name == "postgresql" ? " FOR UPDATE" : "" }

    static let postingColumns = ["key", "from_account", "to_account", "amount", "reason", "cause", "at", "reverses", "reservation"]

    static func posting(key: String, on sql: any SQLDatabase) async throws -> Posting? {
        try await sql.select().columns(postingColumns.map { SQLColumn($0) }).from("ledger_postings").where("key", .equal, key).first().map(decode)
    }

    static func decode(_ row: any SQLRow) throws -> Posting {
        let key = try row.decode(column: "key", as: String.self)
        guard let from = AccountID(parsing: try row.decode(column: "from_account", as: String.self)),
              let to = AccountID(parsing: try row.decode(column: "to_account", as: String.self)),
              let reason = PostingReason(rawValue: try row.decode(column: "reason", as: String.self)) else {
            throw LedgerStoreError("posting \(key) has an account or reason that does not parse")
        }
        return Posting(key: key, from: from, to: to, amount: Miles(hundredths: try row.decode(column: "amount", as: Int64.self)), reason: reason,
                       cause: try row.decode(column: "cause", as: String.self), at: try row.decode(column: "at", as: Date.self),
                       reverses: try row.decode(column: "reverses", as: String?.self), reservation: try row.decode(column: "reservation", as: String?.self))
    }

    /// Changes an account's balance by `delta`, refusing (by throwing) a change past its floor.
    static func move(_ account: AccountID, by delta: Miles, key: String, on sql: any SQLDatabase) async throws {
        let towardFloor = account.isDebitNormal ? delta < .zero : delta > .zero
        guard towardFloor else { return try await apply([account: delta.hundredths], on: sql) }
        let guardClause = account.isDebitNormal ? "balance + \(delta.hundredths) >= 0" : "balance + \(delta.hundredths) <= 0"
        let updated = try await sql.raw("""
            UPDATE ledger_balances SET balance = balance + \(bind: delta.hundredths)
            WHERE account = \(bind: account.description) AND \(unsafeRaw: guardClause) RETURNING balance
            """).all()
        if updated.isEmpty {
            let current = try await sql.select().column("balance").from("ledger_balances").where("account", .equal, account.description).first()
            throw LedgerError.insufficient(key, account: account, balance: Miles(hundredths: try current?.decode(column: "balance", as: Int64.self) ?? 0),
                                           needed: Miles(hundredths: abs(delta.hundredths)))
        }
    }
}

public struct LedgerStoreError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
