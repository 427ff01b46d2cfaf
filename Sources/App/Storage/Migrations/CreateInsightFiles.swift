import Fluent
import SQLKit

/// Microdata files an analyst chose to keep for a later run. A file that is not kept is never
/// written anywhere: it lives in memory for the length of its run.
struct CreateInsightFiles: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        try await sql.create(table: "insight_files")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("owner_user_id", type: .text, .notNull)
            .column("name", type: .text, .notNull)
            .column("size_bytes", type: .bigint, .notNull)
            .column("uploaded_at", type: .timestamp, .notNull)
            .column("content", type: .blob, .notNull)
            .run()
        try await sql.create(index: "insight_files_owner").on("insight_files").column("owner_user_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(table: "insight_files").ifExists().run()
    }
}
