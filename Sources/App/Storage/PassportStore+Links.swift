import Days
import Fluent
import Foundation
import Identifiers
import Passport
import SQLKit
import SQLiteNIO

/// Which worker an issuer's pairwise subject id means, and the one-time codes that make the link.
extension PassportStore {
    /// issuer+subject → worker id, for the given subjects.
    public func links(issuerID: String) async throws -> [String: String] {
        var map: [String: String] = [:]
        for row in try await sql.select().columns("subject_id", "worker_id").from("subject_links").where("issuer_id", .equal, issuerID).all() {
            map[try row.decode(column: "subject_id", as: String.self)] = try row.decode(column: "worker_id", as: String.self)
        }
        return map
    }

    public func link(issuerID: String, subjectID: String, worker: WorkerID, now: Date) async throws {
        try await sql.insert(into: "subject_links").columns("issuer_id", "subject_id", "worker_id", "created_at")
            .values(SQLBind(issuerID), SQLBind(subjectID), SQLBind(worker.string), SQLBind(now))
            .ignoringConflicts().run()
    }

    public func storeCode(hash: String, worker: WorkerID, expiresAt: Date) async throws {
        try await sql.insert(into: "passport_codes").columns("code_hash", "worker_id", "expires_at")
            .values(SQLBind(hash), SQLBind(worker.string), SQLBind(expiresAt)).run()
    }

    /// Uses a code once: the worker it belongs to, or nil when it is unknown, used or expired.
    public func redeemCode(hash: String, now: Date) async throws -> WorkerID? {
        let rows = try await sql.update("passport_codes").set("used_at", to: SQLBind(now))
            .where("code_hash", .equal, hash).where("used_at", .is, SQLLiteral.null).where("expires_at", .greaterThan, SQLBind(now))
            .returning("worker_id").all()
        return try rows.first.flatMap { WorkerID(try $0.decode(column: "worker_id", as: String.self)) }
    }
}
