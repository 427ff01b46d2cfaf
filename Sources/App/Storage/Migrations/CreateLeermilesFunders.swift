import Fluent
import SQLKit

/// Who the funders are (a name to show), which accounts act for them (a coach or an employer who
/// approves spending and sees the funder's figures), and which workers let the funders that pay
/// into their account see their courses by name.
struct CreateLeermilesFunders: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        try await sql.create(table: "leermiles_funders")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("name", type: .text, .notNull)
            .column("created_at", type: .timestamp, .notNull)
            .run()
        try await sql.create(table: "leermiles_funder_members")
            .column("user_id", type: .text, .notNull)
            .column("funder_id", type: .text, .notNull)
            .column("created_at", type: .timestamp, .notNull)
            .primaryKey("user_id", "funder_id")
            .run()
        try await sql.create(table: "leermiles_consent")
            .column("worker_id", type: .text, .primaryKey(autoIncrement: false))
            .column("created_at", type: .timestamp, .notNull)
            .run()
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        for table in ["leermiles_consent", "leermiles_funder_members", "leermiles_funders"] { try await sql.drop(table: table).ifExists().run() }
    }
}
