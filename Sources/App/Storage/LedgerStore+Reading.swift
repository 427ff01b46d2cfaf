import Fluent
import Foundation
import Leermiles
import SQLKit

/// Reading the ledger: balances, postings and everything for the audit.
extension LedgerStore {
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
            found += try await sql.raw(
                """
                SELECT \(unsafeRaw: Self.postingColumns.map { "p." + $0 }.joined(separator: ", ")) FROM ledger_postings p
                WHERE p.key IN (\(chunk)) AND NOT EXISTS (SELECT 1 FROM ledger_postings r WHERE r.reverses = p.key)
                """
            ).all().map(Self.decode)
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
        return try await database.sql.raw(
            """
            SELECT \(unsafeRaw: Self.postingColumns.joined(separator: ", ")) FROM ledger_postings
            WHERE from_account IN (\(list)) OR to_account IN (\(list)) ORDER BY seq
            """
        ).all().map(Self.decode)
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
}
