import Days
import Identifiers
import Fluent
import Foundation
import Passport
import SQLKit
import SQLiteNIO

/// An issuer as stored: a platform or organisation that signs work credentials.
public struct IssuerRow: Sendable, Codable {
    public let id: String
    public let name: String
    public let ownerUserID: String?

    enum CodingKeys: String, CodingKey { case id, name, ownerUserID = "owner_user_id" }
}

/// A record in a worker's passport, as stored.
public struct PassportRecordRow: Sendable, Codable {
    public let id: String
    public let workerID: String
    public let source: String
    public let issuerID: String?
    public let credentialID: String?
    public let subjectID: String?
    public let token: String?
    public let recordJSON: String
    public let kind: String
    public let roleTitle: String
    public let periodStart: String
    public let periodEnd: String?
    public let statusList: Int?
    public let statusIndex: Int?
    public let validFrom: Date?
    public let validUntil: Date?
    public let revokedAt: Date?
    public let createdAt: Date

    public var isVerified: Bool { source == "issued" }

    enum CodingKeys: String, CodingKey {
        case id, source, token, kind
        case workerID = "worker_id", issuerID = "issuer_id", credentialID = "credential_id", subjectID = "subject_id"
        case recordJSON = "record_json", roleTitle = "role_title", periodStart = "period_start", periodEnd = "period_end"
        case statusList = "status_list", statusIndex = "status_index", validFrom = "valid_from", validUntil = "valid_until"
        case revokedAt = "revoked_at", createdAt = "created_at"
    }

    static let columns = ["id", "worker_id", "source", "issuer_id", "credential_id", "subject_id", "token", "record_json", "kind",
                          "role_title", "period_start", "period_end", "status_list", "status_index", "valid_from", "valid_until",
                          "revoked_at", "created_at"]

    var values: [(any Encodable & Sendable)?] {
        [id, workerID, source, issuerID, credentialID, subjectID, token, recordJSON, kind, roleTitle, periodStart, periodEnd,
         statusList, statusIndex, validFrom, validUntil, revokedAt, createdAt]
    }

    /// The same values in SQLite's types (dates as seconds since 1970, as SQLiteNIO writes them).
    var sqliteValues: [SQLiteData] {
        func text(_ s: String?) -> SQLiteData { s.map(SQLiteData.text) ?? .null }
        func int(_ i: Int?) -> SQLiteData { i.map(SQLiteData.integer) ?? .null }
        func date(_ d: Date?) -> SQLiteData { d.map { .float($0.timeIntervalSince1970) } ?? .null }
        return [text(id), text(workerID), text(source), text(issuerID), text(credentialID), text(subjectID), text(token), text(recordJSON),
                text(kind), text(roleTitle), text(periodStart), text(periodEnd), int(statusList), int(statusIndex), date(validFrom),
                date(validUntil), date(revokedAt), date(createdAt)]
    }
}

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
           let bytes = Base64URL.decode(try row.decode(column: "value", as: String.self)) {
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
    public func createIssuer(id: String = UUID().idString, name: String, ownerUserID: UUID?, key: Ed25519JWK, now: Date) async throws -> String {
        if try await owner(ofKey: key.thumbprint) != nil { throw KeyOfAnotherIssuer(kid: key.thumbprint) }
        do {
            try await database.writeTransaction { db in
                let sql = db.sql
                try await sql.insert(into: "issuers").columns("id", "name", "owner_user_id", "next_status_position", "created_at")
                    .values(SQLBind(id), SQLBind(name), SQLBind(ownerUserID?.idString), SQLBind(0), SQLBind(now)).run()
                try await sql.insert(into: "issuer_keys").columns("issuer_id", "kid", "x", "created_at")
                    .values(SQLBind(id), SQLBind(key.thumbprint), SQLBind(Base64URL.encode(key.x)), SQLBind(now)).run()
            }
        } catch {
            // Registered by another issuer in the meantime: the unique key id decided.
            guard (error as? any DatabaseError)?.isConstraintFailure == true,
                  let owner = try await owner(ofKey: key.thumbprint), owner != id else { throw error }
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

    public func issuer(ownedBy user: UUID) async throws -> IssuerRow? {
        try await sql.select().columns("id", "name", "owner_user_id").from("issuers").where("owner_user_id", .equal, user.idString)
            .first(decoding: IssuerRow.self, with: Self.decoder)
    }

    /// Active keys: issuer id → key id → public key; all issuers, or only `issuerID`'s.
    public func activeKeys(issuerID: String? = nil) async throws -> [String: [String: Ed25519JWK]] {
        var query = sql.select().columns("issuer_id", "kid", "x").from("issuer_keys").where("retired_at", .is, SQLLiteral.null)
        if let issuerID { query = query.where("issuer_id", .equal, issuerID) }
        var keys: [String: [String: Ed25519JWK]] = [:]
        for row in try await query.all() {
            guard let bytes = Base64URL.decode(try row.decode(column: "x", as: String.self)),
                  let key = Ed25519JWK(publicKeyBytes: bytes) else { continue }
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

    // MARK: records

    /// Stores records and new subject links together, in one transaction.
    public func insertRecords(_ rows: [PassportRecordRow], links: [(issuer: String, subject: String, worker: String)], now: Date) async throws {
        try await database.writeTransaction { db in
            let store = PassportStore(database: db)
            try await store.insertLinks(links, now: now)
            try await store.insertRows(rows)
        }
    }

    /// Writes passport rows (no transaction of its own: call it inside one).
    func insertRows(_ rows: [PassportRecordRow]) async throws {
        if let sqlite = database as? any SQLiteDatabase {
            try await sqlite.insertRows("passport_records", PassportRecordRow.columns, rows.map(\.sqliteValues))
        } else {
            try await sql.insertRows("passport_records", PassportRecordRow.columns, rows.map(\.values))
        }
    }

    func insertLinks(_ links: [(issuer: String, subject: String, worker: String)], now: Date) async throws {
        try await sql.insertRows("subject_links", ["issuer_id", "subject_id", "worker_id", "created_at"], links.map { [$0.issuer, $0.subject, $0.worker, now] })
    }

    /// Which of these credential ids are stored already.
    public func existingCredentialIDs(_ ids: [String]) async throws -> Set<String> {
        var found = Set<String>()
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = Array(ids[start..<min(start + 500, ids.count)])
            for row in try await sql.select().column("credential_id").from("passport_records").where("credential_id", .in, chunk).all() {
                found.insert(try row.decode(column: "credential_id", as: String.self))
            }
        }
        return found
    }

    /// Status entries in use: issuer → list → indices.
    public func usedStatusIndices(issuerID: String, list: Int) async throws -> Set<Int> {
        Set(try await sql.select().column("status_index").from("passport_records")
            .where("issuer_id", .equal, issuerID).where("status_list", .equal, list).all()
            .map { try $0.decode(column: "status_index", as: Int.self) })
    }

    /// A record's `hours` read by the database's own JSON functions, so records need not travel
    /// as JSON to be summed or checked.
    static func recordHours(_ sql: any SQLDatabase) -> String {
        sql.dialect.name == "postgresql" ? "(record_json::jsonb ->> 'hours')::double precision" : "json_extract(record_json, '$.hours')"
    }

    /// The hours of each worker's issued, unrevoked records over their periods: what a new
    /// record's hours must fit beside (`DailyHours`). 500 workers per query.
    func hourSpans(workers: [String], today: Day) async throws -> [String: [DailyHours.Span]] {
        let hours = Self.recordHours(sql)
        var out: [String: [DailyHours.Span]] = [:]
        for start in stride(from: 0, to: workers.count, by: 500) {
            let chunk = workers[start..<min(start + 500, workers.count)]
            let rows = try await sql.raw("""
                SELECT worker_id, period_start, period_end, \(unsafeRaw: hours) AS hours FROM passport_records
                WHERE source = 'issued' AND revoked_at IS NULL AND worker_id IN (\(SQLList(chunk.map { SQLBind($0) })))
                """).all()
            for row in rows {
                guard let start = Day(iso: try row.decode(column: "period_start", as: String.self)),
                      let span = DailyHours.Span(start: start, end: try row.decode(column: "period_end", as: String?.self).flatMap { Day(iso: $0) },
                                                 hours: try row.decode(column: "hours", as: Double?.self), today: today) else { continue }
                out[try row.decode(column: "worker_id", as: String.self), default: []].append(span)
            }
        }
        return out
    }

    public func revokedIndices(issuerID: String, list: Int) async throws -> [Int] {
        try await sql.select().column("status_index").from("passport_records")
            .where("issuer_id", .equal, issuerID).where("status_list", .equal, list).where("revoked_at", .isNot, SQLLiteral.null).all()
            .map { try $0.decode(column: "status_index", as: Int.self) }
    }

    /// Every revoked status entry (revocations are few; the verifier checks membership).
    public func allRevokedEntries() async throws -> Set<StatusEntry> {
        Set(try await sql.select().columns("issuer_id", "status_list", "status_index").from("passport_records")
            .where("revoked_at", .isNot, SQLLiteral.null).where("issuer_id", .isNot, SQLLiteral.null).all()
            .map { StatusEntry(issuerID: try $0.decode(column: "issuer_id", as: String.self),
                               list: try $0.decode(column: "status_list", as: Int.self),
                               index: try $0.decode(column: "status_index", as: Int.self)) })
    }

    public func records(worker: UUID) async throws -> [PassportRecordRow] {
        try await sql.select().columns(PassportRecordRow.columns.map { SQLColumn($0) }).from("passport_records")
            .where("worker_id", .equal, worker.idString)
            .orderBy("period_start", .descending)
            .all(decoding: PassportRecordRow.self, with: Self.decoder)
    }

    /// The unrevoked records of the workers who chose to be found by employers, by worker: one
    /// join (the competence search once ran one query per worker).
    func recordsOfSearchableWorkers() async throws -> [String: [PassportRecordRow]] {
        let rows = try await sql.select().columns(PassportRecordRow.columns.map { SQLColumn($0, table: "passport_records") })
            .from("passport_records")
            .join("work_wishes", on: SQLColumn("worker_id", table: "work_wishes"), .equal, SQLColumn("worker_id", table: "passport_records"))
            .where(SQLColumn("searchable", table: "work_wishes"), .equal, SQLBind(true))
            .where(SQLColumn("revoked_at", table: "passport_records"), .is, SQLLiteral.null)
            .orderBy(SQLOrderBy(expression: SQLColumn("period_start", table: "passport_records"), direction: SQLDirection.descending))
            .all(decoding: PassportRecordRow.self, with: Self.decoder)
        return Dictionary(grouping: rows) { (row: PassportRecordRow) in row.workerID }
    }

    public func record(credentialID: String) async throws -> PassportRecordRow? {
        try await sql.select().columns(PassportRecordRow.columns.map { SQLColumn($0) }).from("passport_records")
            .where("credential_id", .equal, credentialID.lowercased())
            .first(decoding: PassportRecordRow.self, with: Self.decoder)
    }

    /// Marks a credential of this issuer revoked; returns the worker it was for, nil when the
    /// issuer has no such credential.
    public func revoke(issuerID: String, credentialID: String, now: Date) async throws -> String? {
        try await sql.update("passport_records").set("revoked_at", to: SQLBind(now))
            .where("issuer_id", .equal, issuerID).where("credential_id", .equal, credentialID.lowercased())
            .returning("worker_id").first()?.decode(column: "worker_id", as: String.self)
    }

    public func deleteSelfDeclared(id: String, worker: UUID) async throws -> Bool {
        let rows = try await sql.delete(from: "passport_records").where("id", .equal, id)
            .where("worker_id", .equal, worker.idString).where("source", .equal, "self")
            .returning("id").all()
        return !rows.isEmpty
    }

    // MARK: subject links and passport codes

    /// issuer+subject → worker id, for the given subjects.
    public func links(issuerID: String) async throws -> [String: String] {
        var map: [String: String] = [:]
        for row in try await sql.select().columns("subject_id", "worker_id").from("subject_links").where("issuer_id", .equal, issuerID).all() {
            map[try row.decode(column: "subject_id", as: String.self)] = try row.decode(column: "worker_id", as: String.self)
        }
        return map
    }

    public func link(issuerID: String, subjectID: String, worker: UUID, now: Date) async throws {
        try await sql.insert(into: "subject_links").columns("issuer_id", "subject_id", "worker_id", "created_at")
            .values(SQLBind(issuerID), SQLBind(subjectID), SQLBind(worker.idString), SQLBind(now))
            .ignoringConflicts().run()
    }

    public func storeCode(hash: String, worker: UUID, expiresAt: Date) async throws {
        try await sql.insert(into: "passport_codes").columns("code_hash", "worker_id", "expires_at")
            .values(SQLBind(hash), SQLBind(worker.idString), SQLBind(expiresAt)).run()
    }

    /// Uses a code once: the worker it belongs to, or nil when it is unknown, used or expired.
    public func redeemCode(hash: String, now: Date) async throws -> UUID? {
        let rows = try await sql.update("passport_codes").set("used_at", to: SQLBind(now))
            .where("code_hash", .equal, hash).where("used_at", .is, SQLLiteral.null).where("expires_at", .greaterThan, SQLBind(now))
            .returning("worker_id").all()
        return try rows.first.flatMap { UUID(uuidString: try $0.decode(column: "worker_id", as: String.self)) }
    }
}

/// A public key that another issuer registered first. A key belongs to one issuer: otherwise
/// one issuer could publish another's key and break the verification of its credentials.
public struct KeyOfAnotherIssuer: Error, CustomStringConvertible {
    public let kid: String
    public var description: String { "key \(kid) is registered by another issuer; make a new key pair for this issuer" }
}
