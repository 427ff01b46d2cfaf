import Fluent
import SQLKit

/// What the accrual batch reads besides the passport: the rules (added, never edited: a change is
/// a new rule with a later start), unused leave hours converted into points, and the workers
/// without a starting qualification who get the yearly top-up.
struct CreateLeermilesRules: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        try await sql.create(table: "leermiles_rules")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("kind", type: .text, .notNull)
            .column("rate", type: .bigint, .notNull)  // hundredths per hour, year or payment
            .column("every", type: .text)  // contributions: once, monthly or yearly
            .column("funder", type: .text, .notNull)
            .column("from_day", type: .text, .notNull)
            .column("until_day", type: .text)
            .column("restriction", type: .text)
            .column("requires_approval", type: .custom(SQLRaw("BOOLEAN")), .notNull)
            .column("created_at", type: .timestamp, .notNull)
            .run()
        try await sql.create(table: "leermiles_leave")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("worker_id", type: .text, .notNull)
            .column("hours", type: .real, .notNull)
            .column("on_day", type: .text, .notNull)
            .column("created_at", type: .timestamp, .notNull)
            .run()
        try await sql.create(index: "leermiles_leave_worker").on("leermiles_leave").column("worker_id").run()
        try await sql.create(table: "leermiles_top_up")
            .column("worker_id", type: .text, .primaryKey(autoIncrement: false))
            .column("created_at", type: .timestamp, .notNull)
            .run()
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        for table in ["leermiles_top_up", "leermiles_leave", "leermiles_rules"] { try await sql.drop(table: table).ifExists().run() }
    }
}
