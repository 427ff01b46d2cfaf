import Fluent
import SQLKit

/// What the engine needs beyond ESCO: the shortage/growth table, the course catalogue,
/// vacancies and short jobs, and each worker's wishes (with the competence-search opt-in).
struct CreateEngineTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        let boolean = SQLDataType.custom(SQLRaw("BOOLEAN"))
        try await sql.create(table: "occupation_outlook")
            .column("key", type: .text, .notNull)
            .column("kind", type: .text, .notNull)
            .column("source", type: .text, .notNull)
            .column("source_date", type: .text, .notNull)
            .column("demo", type: boolean, .notNull)
            .primaryKey("key", "kind")
            .run()
        try await sql.create(table: "courses")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("title", type: .text, .notNull)
            .column("provider", type: .text, .notNull)
            .column("skill_uris", type: .text, .notNull)  // "|"-separated ESCO skill URIs
            .column("hours", type: .int, .notNull)
            .column("cost_eur", type: .custom(SQLRaw("DOUBLE PRECISION")), .notNull)
            .column("format", type: .text, .notNull)
            .column("place_id", type: .int)
            .column("start_dates", type: .text, .notNull)
            .column("url", type: .text)
            .column("demo", type: boolean, .notNull)
            .run()
        try await sql.create(table: "vacancies")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("kind", type: .text, .notNull)
            .column("title", type: .text, .notNull)
            .column("employer", type: .text, .notNull)
            // The account that posted it; null for imported and generated ones.
            .column("employer_user_id", type: .text)
            .column("occupation_uri", type: .text)
            .column("skill_uris", type: .text, .notNull)
            .column("hours_min", type: .int, .notNull)
            .column("hours_max", type: .int, .notNull)
            .column("place_id", type: .int, .notNull)
            .column("contract", type: .text, .notNull)
            .column("start_date", type: .text, .notNull)
            .column("sector", type: .text)
            .column("days", type: .int, .notNull)
            .column("created_at", type: .timestamp, .notNull)
            .run()
        try await sql.create(index: "vacancies_employer").on("vacancies").column("employer_user_id").run()
        try await sql.create(table: "work_wishes")
            .column("worker_id", type: .text, .primaryKey(autoIncrement: false))
            .column("max_hours", type: .int, .notNull)
            .column("days", type: .int, .notNull)
            .column("max_travel_km", type: .int, .notNull)
            .column("home_place_id", type: .int, .notNull)
            .column("contracts", type: .text, .notNull)
            .column("avoid_sectors", type: .text, .notNull)
            // Employers may find this worker in the competence search only when this is true.
            .column("searchable", type: boolean, .notNull)
            .column("updated_at", type: .timestamp, .notNull)
            .run()
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        for table in ["work_wishes", "vacancies", "courses", "occupation_outlook"] { try await sql.drop(table: table).run() }
    }
}
