import Fluent
import SQLKit

/// Issuers and their keys, the records in each worker's passport, the links between a
/// platform's pairwise subject ids and workers, one-time passport codes, and Loopbrug's secrets.
struct CreatePassportTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        try await sql.create(table: "app_secrets")
            .column("name", type: .text, .primaryKey(autoIncrement: false))
            .column("value", type: .text, .notNull)
            .run()
        try await sql.create(table: "issuers")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("name", type: .text, .notNull)
            .column("owner_user_id", type: .text)
            // The next free position in the issuer's status lists (list = position / 131072 + 1).
            .column("next_status_position", type: .bigint, .notNull)
            .column("created_at", type: .timestamp, .notNull)
            .run()
        try await sql.create(table: "issuer_keys")
            .column("issuer_id", type: .text, .notNull, .references("issuers", "id", onDelete: .cascade))
            .column("kid", type: .text, .notNull)
            .column("x", type: .text, .notNull)
            .column("created_at", type: .timestamp, .notNull)
            .column("retired_at", type: .timestamp)
            .primaryKey("issuer_id", "kid")
            .run()
        try await sql.create(table: "passport_records")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("worker_id", type: .text, .notNull)
            // "issued" (a signed credential) or "self" (added by the worker, self-declared).
            .column("source", type: .text, .notNull)
            .column("issuer_id", type: .text)
            .column("credential_id", type: .text)
            .column("subject_id", type: .text)
            .column("token", type: .text)
            .column("record_json", type: .text, .notNull)
            .column("kind", type: .text, .notNull)
            .column("role_title", type: .text, .notNull)
            .column("period_start", type: .text, .notNull)
            .column("period_end", type: .text)
            .column("status_list", type: .int)
            .column("status_index", type: .int)
            .column("valid_from", type: .timestamp)
            .column("valid_until", type: .timestamp)
            .column("revoked_at", type: .timestamp)
            .column("created_at", type: .timestamp, .notNull)
            .unique("credential_id")
            .unique("issuer_id", "status_list", "status_index")
            .run()
        try await sql.create(index: "passport_records_worker").on("passport_records").column("worker_id").run()
        try await sql.create(table: "subject_links")
            .column("issuer_id", type: .text, .notNull)
            .column("subject_id", type: .text, .notNull)
            .column("worker_id", type: .text, .notNull)
            .column("created_at", type: .timestamp, .notNull)
            .primaryKey("issuer_id", "subject_id")
            .run()
        try await sql.create(table: "passport_codes")
            .column("code_hash", type: .text, .primaryKey(autoIncrement: false))
            .column("worker_id", type: .text, .notNull)
            .column("expires_at", type: .timestamp, .notNull)
            .column("used_at", type: .timestamp)
            .run()
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        for table in ["passport_codes", "subject_links", "passport_records", "issuer_keys", "issuers", "app_secrets"] {
            try await sql.drop(table: table).run()
        }
    }
}
