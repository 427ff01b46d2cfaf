import Fluent
import SQLKit

/// Share links (which records, until when, revocable), the moments they were opened, and the
/// receipts of deleted accounts.
struct CreateShareTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        try await sql.create(table: "shares")
            // The id is the secret in the link: 128 random bits, base64url.
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("worker_id", type: .text, .notNull)
            .column("label", type: .text, .notNull)
            .column("show_earnings", type: .custom(SQLRaw("BOOLEAN")), .notNull)
            .column("created_at", type: .timestamp, .notNull)
            .column("expires_at", type: .timestamp, .notNull)
            .column("revoked_at", type: .timestamp)
            .run()
        try await sql.create(index: "shares_worker").on("shares").column("worker_id").run()
        try await sql.create(table: "share_records")
            .column("share_id", type: .text, .notNull)
            .column("record_id", type: .text, .notNull)
            .primaryKey("share_id", "record_id")
            .run()
        // When a link was opened, to the minute; nothing about who opened it.
        try await sql.create(table: "share_opens")
            .column("share_id", type: .text, .notNull)
            .column("opened_at", type: .timestamp, .notNull)
            .primaryKey("share_id", "opened_at")
            .run()
        // Proof that an account was deleted, without personal data (GDPR art. 17 and 5(2)).
        try await sql.create(table: "deletion_receipts")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("deleted_at", type: .timestamp, .notNull)
            .column("records_deleted", type: .int, .notNull)
            .column("shares_deleted", type: .int, .notNull)
            .run()
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        for table in ["deletion_receipts", "share_opens", "share_records", "shares"] { try await sql.drop(table: table).run() }
    }
}
