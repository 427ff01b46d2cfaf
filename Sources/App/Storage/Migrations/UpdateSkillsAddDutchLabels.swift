import Fluent
import SQLKit

/// Dutch skill labels (ESCO's partial Dutch file): empty until ESCO is imported again, which
/// `prepare` does when the distribution's files differ from the last import.
struct UpdateSkillsAddDutchLabels: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        try await sql.alter(table: "esco_skills").column("label_nl", type: .text, .notNull, .default("")).run()
        try await sql.alter(table: "esco_skills").column("alt_labels_nl", type: .text, .notNull, .default("")).run()
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        try await sql.alter(table: "esco_skills").dropColumn("label_nl").run()
        try await sql.alter(table: "esco_skills").dropColumn("alt_labels_nl").run()
    }
}
