import Fluent
import SQLKit

/// One row per successful ESCO import: which release, the file checksums and row counts.
struct CreateTaxonomyImports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql.create(table: "esco_imports")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("version", type: .text, .notNull)
            .column("checksums", type: .text, .notNull)
            .column("counts", type: .text, .notNull)
            .column("imported_at", type: .timestamp, .notNull)
            .run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(table: "esco_imports").run()
    }
}
