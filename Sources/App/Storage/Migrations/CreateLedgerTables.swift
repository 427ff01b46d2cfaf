import Fluent
import SQLKit

/// The leermiles ledger: postings (append-only; the key makes a repeat harmless), the balance
/// kept beside each account (updated in the same transaction, with the account's floor in the
/// UPDATE itself so concurrent spends cannot overspend), and reservations.
struct CreateLedgerTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        // The order postings were written in: BIGSERIAL, or SQLite's INTEGER PRIMARY KEY (the rowid).
        let serial: SQLDataType = sql.dialect.name == "postgresql" ? .custom(SQLRaw("BIGSERIAL")) : .int
        try await sql.create(table: "ledger_postings")
            .column("seq", type: serial, .primaryKey(autoIncrement: false))
            .column("key", type: .text, .notNull, .unique)
            .column("from_account", type: .text, .notNull)
            .column("to_account", type: .text, .notNull)
            .column("amount", type: .bigint, .notNull)  // hundredths of a mile, always positive
            .column("reason", type: .text, .notNull)
            .column("cause", type: .text, .notNull)
            .column("at", type: .timestamp, .notNull)
            .column("reverses", type: .text, .unique)
            .column("reservation", type: .text)
            .run()
        try await sql.create(index: "ledger_postings_from").on("ledger_postings").column("from_account").run()
        try await sql.create(index: "ledger_postings_to").on("ledger_postings").column("to_account").run()
        try await sql.create(table: "ledger_balances")
            .column("account", type: .text, .primaryKey(autoIncrement: false))
            .column("balance", type: .bigint, .notNull)
            .run()
        try await sql.create(table: "ledger_reservations")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("worker_id", type: .text, .notNull)
            .column("course_id", type: .text, .notNull)
            .column("amount", type: .bigint, .notNull)
            .column("state", type: .text, .notNull)
            .column("created_at", type: .timestamp, .notNull)
            .column("updated_at", type: .timestamp, .notNull)
            .run()
        try await sql.create(index: "ledger_reservations_worker").on("ledger_reservations").column("worker_id").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        for table in ["ledger_reservations", "ledger_balances", "ledger_postings"] { try await sql.drop(table: table).ifExists().run() }
    }
}
