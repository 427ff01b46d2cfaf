import Fluent
import Foundation
import Leermiles
import SQLKit

/// The SQL under the ledger's reads and writes, shared by every way in.
extension LedgerStore {
    /// One multi-row INSERT that skips keys posted before; returns the keys it wrote.
    static func insert(_ postings: [Posting], on sql: any SQLDatabase) async throws -> Set<String> {
        if sql.dialect.name == "postgresql" { return try await insertByArrays(postings, on: sql) }
        var inserted = Set<String>()
        for start in stride(from: 0, to: postings.count, by: 2_000) {
            let rows = postings[start..<min(start + 2_000, postings.count)].map { p -> any SQLExpression in
                SQLGroupExpression(
                    [
                        SQLBind(p.key), SQLBind(p.from.description), SQLBind(p.to.description), SQLBind(p.amount.hundredths), SQLBind(p.reason.rawValue),
                        SQLBind(p.cause), SQLBind(p.at), p.reverses.map { SQLBind($0) } ?? SQLLiteral.null, p.reservation.map { SQLBind($0) } ?? SQLLiteral.null,
                    ]
                        as [any SQLExpression])
            }
            for row in try await sql.raw(
                """
                INSERT INTO ledger_postings (key, from_account, to_account, amount, reason, cause, at, reverses, reservation)
                VALUES \(SQLList(rows)) ON CONFLICT DO NOTHING RETURNING key
                """
            ).all() {
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
            for row in try await sql.raw(
                """
                INSERT INTO ledger_postings (key, from_account, to_account, amount, reason, cause, at, reverses, reservation)
                SELECT k, f, t, a, r, c, w, NULLIF(rv, ''), NULLIF(rs, '')
                FROM unnest(\(bind: part.map(\.key))::text[], \(bind: part.map(\.from.description))::text[], \(bind: part.map(\.to.description))::text[],
                            \(bind: part.map(\.amount.hundredths))::bigint[], \(bind: part.map(\.reason.rawValue))::text[], \(bind: part.map(\.cause))::text[],
                            \(bind: part.map(\.at))::timestamptz[], \(bind: part.map { $0.reverses ?? "" })::text[], \(bind: part.map { $0.reservation ?? "" })::text[])
                     AS u(k, f, t, a, r, c, w, rv, rs)
                ON CONFLICT DO NOTHING RETURNING key
                """
            ).all() {
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
            try await sql.raw(
                """
                INSERT INTO ledger_balances (account, balance) VALUES \(SQLList(rows))
                ON CONFLICT (account) DO UPDATE SET balance = ledger_balances.balance + excluded.balance
                """
            ).run()
        }
    }

    /// Current balances of these accounts (missing ones are zero); locked until the transaction ends on PostgreSQL.
    static func balances(_ accounts: Set<AccountID>, on sql: any SQLDatabase, lock: Bool) async throws -> [AccountID: Miles] {
        let names = accounts.map(\.description).sorted()
        return try balances(
            from: try await sql.raw(
                """
                SELECT account, balance FROM ledger_balances WHERE account IN (\(SQLList(names.map { SQLBind($0) })))\(unsafeRaw: forUpdate(lock, sql))
                """
            ).all())
    }

    /// A worker's free points, pots and reservation account; locked on PostgreSQL with `lock`.
    static func accounts(worker: String, on sql: any SQLDatabase, lock: Bool) async throws -> [AccountID: Miles] {
        let free = AccountID.worker(worker).description
        return try balances(
            from: try await sql.raw(
                """
                SELECT account, balance FROM ledger_balances
                WHERE account = \(bind: free) OR \(isPot("account", of: worker, sql)) OR account = \(bind: AccountID.reserved(worker).description)\(unsafeRaw: forUpdate(lock, sql))
                """
            ).all())
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
            let reason = PostingReason(rawValue: try row.decode(column: "reason", as: String.self))
        else {
            throw LedgerStoreError("posting \(key) has an account or reason that does not parse")
        }
        return Posting(
            key: key, from: from, to: to, amount: Miles(hundredths: try row.decode(column: "amount", as: Int64.self)), reason: reason,
            cause: try row.decode(column: "cause", as: String.self), at: try row.decode(column: "at", as: Date.self),
            reverses: try row.decode(column: "reverses", as: String?.self), reservation: try row.decode(column: "reservation", as: String?.self))
    }

    /// Changes an account's balance by `delta`, refusing (by throwing) a change past its floor.
    static func move(_ account: AccountID, by delta: Miles, key: String, on sql: any SQLDatabase) async throws {
        let towardFloor = account.isDebitNormal ? delta < .zero : delta > .zero
        guard towardFloor else { return try await apply([account: delta.hundredths], on: sql) }
        let guardClause = account.isDebitNormal ? "balance + \(delta.hundredths) >= 0" : "balance + \(delta.hundredths) <= 0"
        let updated = try await sql.raw(
            """
            UPDATE ledger_balances SET balance = balance + \(bind: delta.hundredths)
            WHERE account = \(bind: account.description) AND \(unsafeRaw: guardClause) RETURNING balance
            """
        ).all()
        if updated.isEmpty {
            let current = try await sql.select().column("balance").from("ledger_balances").where("account", .equal, account.description).first()
            throw LedgerError.insufficient(
                key, account: account, balance: Miles(hundredths: try current?.decode(column: "balance", as: Int64.self) ?? 0),
                needed: Miles(hundredths: abs(delta.hundredths)))
        }
    }
}
