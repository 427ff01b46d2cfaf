import Fluent
import SQLKit

/// A public key belongs to one issuer. Key ids were unique per issuer only, so issuer B could
/// register issuer A's public key: A's credentials then failed verification and B's JWKS
/// published A's key. The key id is the key's RFC 7638 thumbprint, so one owner per key id is
/// one owner per key. Where a database already holds a key twice, the first registration keeps
/// it (the later one could only have copied it).
struct UpdateIssuerKeysOneOwner: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        try await sql.raw(
            """
            DELETE FROM issuer_keys WHERE EXISTS (
                SELECT 1 FROM issuer_keys AS first WHERE first.kid = issuer_keys.kid
                AND (first.created_at < issuer_keys.created_at
                     OR (first.created_at = issuer_keys.created_at AND first.issuer_id < issuer_keys.issuer_id)))
            """
        ).run()
        try await sql.create(index: "issuer_keys_one_owner").unique().on("issuer_keys").column("kid").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "issuer_keys_one_owner").run()
    }
}
