import Fluent
import SQLKit

/// A worker's accounts are looked up by the prefix "worker:ID:" (their pots). PostgreSQL uses a
/// b-tree index for LIKE 'prefix%' only in the C collation or with `text_pattern_ops`; without it,
/// every balance and overview read the whole table. SQLite needs nothing: its GLOB uses the
/// primary key as it is (see `LedgerStore.isPot`).
struct UpdateLedgerBalancesAddPatternIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        guard sql.dialect.name == "postgresql" else { return }
        try await sql.raw("CREATE INDEX ledger_balances_account_pattern ON ledger_balances (account text_pattern_ops)").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        guard sql.dialect.name == "postgresql" else { return }
        try await sql.raw("DROP INDEX IF EXISTS ledger_balances_account_pattern").run()
    }
}
