import Fluent
import SQLKit

/// The ESCO tables, keyed by concept URI. Multi-valued labels are stored one per line, as ESCO ships them.
struct CreateTaxonomyTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        try await sql.create(table: "esco_occupations")
            .column("uri", type: .text, .primaryKey(autoIncrement: false))
            .column("code", type: .text, .notNull)
            .column("isco_group", type: .text, .notNull)
            .column("label_en", type: .text, .notNull)
            .column("label_nl", type: .text, .notNull)
            .column("alt_labels_en", type: .text, .notNull)
            .column("alt_labels_nl", type: .text, .notNull)
            .column("hidden_labels_en", type: .text, .notNull)
            .column("hidden_labels_nl", type: .text, .notNull)
            .column("description_en", type: .text, .notNull)
            .column("description_nl", type: .text, .notNull)
            .run()
        try await sql.create(table: "esco_skills")
            .column("uri", type: .text, .primaryKey(autoIncrement: false))
            .column("skill_type", type: .text)
            .column("reuse_level", type: .text)
            .column("label_en", type: .text, .notNull)
            .column("alt_labels_en", type: .text, .notNull)
            .column("description_en", type: .text, .notNull)
            .run()
        try await sql.create(table: "esco_occupation_skills")
            .column("occupation_uri", type: .text, .notNull)
            .column("skill_uri", type: .text, .notNull)
            .column("relevance", type: .text, .notNull)
            .primaryKey("occupation_uri", "skill_uri")
            .run()
        try await sql.create(table: "esco_isco_groups")
            .column("uri", type: .text, .primaryKey(autoIncrement: false))
            .column("code", type: .text, .notNull)
            .column("label_en", type: .text, .notNull)
            .column("description_en", type: .text, .notNull)
            .run()
        try await sql.create(table: "esco_skill_groups")
            .column("uri", type: .text, .primaryKey(autoIncrement: false))
            .column("code", type: .text, .notNull)
            .column("label_en", type: .text, .notNull)
            .run()
        try await sql.create(table: "esco_skill_broader")
            .column("uri", type: .text, .notNull)
            .column("broader_uri", type: .text, .notNull)
            .run()
        try await sql.create(table: "esco_skill_relations")
            .column("skill_uri", type: .text, .notNull)
            .column("related_skill_uri", type: .text, .notNull)
            .column("relevance", type: .text, .notNull)
            .run()
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        for table in TaxonomyStore.tables.reversed() { try await sql.drop(table: table).run() }
    }
}
