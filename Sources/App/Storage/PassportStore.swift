import Days
import Fluent
import Foundation
import Identifiers
import Passport
import SQLKit
import SQLiteNIO

/// SQL for the passport tables; the same statements run on SQLite and PostgreSQL.
public struct PassportStore: Sendable {
    let database: any Database
    var sql: any SQLDatabase { database.sql }

    public init(database: any Database) { self.database = database }

    static let decoder = SQLRowDecoder()

    // MARK: secrets

    /// A named secret, made once with `make` and kept in the database.
    func secret(named name: String, make: () -> [UInt8]) async throws -> [UInt8] {
        if let row = try await sql.select().column("value").from("app_secrets").where("name", .equal, name).first(),
            let bytes = Base64URL.decode(try row.decode(column: "value", as: String.self))
        {
            return bytes
        }
        let bytes = make()
        try await sql.insert(into: "app_secrets").columns("name", "value").values(SQLBind(name), SQLBind(Base64URL.encode(bytes)))
            .ignoringConflicts().run()
        // Another process may have won the race: read back what is stored.
        return try await secret(named: name) { bytes }
    }

    // MARK: issuers and keys

    /// - Throws: `KeyOfAnotherIssuer` when another issuer registered this public key.
    public func createIssuer(id: String = UUID().idString, name: String, ownerUserID: UserID?, key: Ed25519JWK, now: Date) async throws -> String {
        if try await owner(ofKey: key.thumbprint) != nil { throw KeyOfAnotherIssuer(kid: key.thumbprint) }
        do {
            try await database.writeTransaction { db in
                let sql = db.sql
                try await sql.insert(into: "issuers").columns("id", "name", "owner_user_id", "next_status_position", "created_at")
                    .values(SQLBind(id), SQLBind(name), SQLBind(ownerUserID?.string), SQLBind(0), SQLBind(now)).run()
                try await sql.insert(into: "issuer_keys").columns("issuer_id", "kid", "x", "created_at")
                    .values(SQLBind(id), SQLBind(key.thumbprint), SQLBind(Base64URL.encode(key.x)), SQLBind(now)).run()
            }
        } catch {
            // Registered by another issuer in the meantime: the unique key id decided.
            guard (error as? any DatabaseError)?.isConstraintFailure == true,
                let owner = try await owner(ofKey: key.thumbprint), owner != id
            else { throw error }
            throw KeyOfAnotherIssuer(kid: key.thumbprint)
        }
        return id
    }

    /// Adds a key to an issuer; adding its own key again changes nothing.
    /// - Throws: `KeyOfAnotherIssuer` when another issuer registered this public key.
    public func addKey(issuerID: String, key: Ed25519JWK, now: Date) async throws {
        try await sql.insert(into: "issuer_keys").columns("issuer_id", "kid", "x", "created_at")
            .values(SQLBind(issuerID), SQLBind(key.thumbprint), SQLBind(Base64URL.encode(key.x)), SQLBind(now))
            .ignoringConflicts().run()
        if let owner = try await owner(ofKey: key.thumbprint), owner != issuerID {
            throw KeyOfAnotherIssuer(kid: key.thumbprint)
        }
    }

    /// The issuer a key id is registered to (retired keys included: a key is never handed on).
    func owner(ofKey kid: String) async throws -> String? {
        try await sql.select().column("issuer_id").from("issuer_keys").where("kid", .equal, kid).first()?
            .decode(column: "issuer_id", as: String.self)
    }

    public func issuer(id: String) async throws -> IssuerRow? {
        try await sql.select().columns("id", "name", "owner_user_id").from("issuers").where("id", .equal, id.lowercased())
            .first(decoding: IssuerRow.self, with: Self.decoder)
    }

    public func issuer(ownedBy user: UserID) async throws -> IssuerRow? {
        try await sql.select().columns("id", "name", "owner_user_id").from("issuers").where("owner_user_id", .equal, user.string)
            .first(decoding: IssuerRow.self, with: Self.decoder)
    }

    /// Active keys: issuer id → key id → public key; all issuers, or only `issuerID`'s.
    public func activeKeys(issuerID: String? = nil) async throws -> [String: [String: Ed25519JWK]] {
        var query = sql.select().columns("issuer_id", "kid", "x").from("issuer_keys").where("retired_at", .is, SQLLiteral.null)
        if let issuerID { query = query.where("issuer_id", .equal, issuerID) }
        var keys: [String: [String: Ed25519JWK]] = [:]
        for row in try await query.all() {
            guard let bytes = Base64URL.decode(try row.decode(column: "x", as: String.self)),
                let key = Ed25519JWK(publicKeyBytes: bytes)
            else { continue }
            keys[try row.decode(column: "issuer_id", as: String.self), default: [:]][try row.decode(column: "kid", as: String.self)] = key
        }
        return keys
    }

    /// Hands out `count` unused status positions of an issuer, atomically.
    public func reserveStatusPositions(issuerID: String, count: Int) async throws -> Range<Int> {
        try await database.writeTransaction { db in
            let sql = db.sql
            for _ in 0..<20 {
                guard let row = try await sql.select().column("next_status_position").from("issuers").where("id", .equal, issuerID).first() else {
                    throw ConfigError("no issuer with id \(issuerID)")
                }
                let start = try row.decode(column: "next_status_position", as: Int.self)
                // Compare-and-set: only one writer moves the counter from `start`.
                let updated = try await sql.update("issuers").set("next_status_position", to: SQLBind(start + count))
                    .where("id", .equal, issuerID).where("next_status_position", .equal, start)
                    .returning("next_status_position").all()
                if !updated.isEmpty { return start..<(start + count) }
            }
            throw ConfigError("could not reserve status positions for issuer \(issuerID): too many writers")
        }
    }
}

/// A public key that another issuer registered first. A key belongs to one issuer: otherwise
/// one issuer could publish another's key and break the verification of its credentials.
public struct KeyOfAnotherIssuer: Error, CustomStringConvertible {
    public let kid: String
    public var description: String { "key \(kid) is registered by another issuer; make a new key pair for this issuer" }
}
