import Fluent
import Foundation
import Identifiers
import Passport
import SQLKit

/// A share link as stored, with how often and when it was last opened.
public struct ShareRow: Sendable, Codable {
    public let id: String
    public let workerID: String
    public let label: String
    public let showEarnings: Bool
    public let createdAt: Date
    public let expiresAt: Date
    public let revokedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, label
        case workerID = "worker_id", showEarnings = "show_earnings", createdAt = "created_at", expiresAt = "expires_at", revokedAt = "revoked_at"
    }

    static let columns = ["id", "worker_id", "label", "show_earnings", "created_at", "expires_at", "revoked_at"]

    /// Whether the link still opens at `now`.
    public func isLive(at now: Date) -> Bool { revokedAt == nil && expiresAt > now }
}

/// SQL for share links; the same statements run on SQLite and PostgreSQL.
public struct ShareStore: Sendable {
    let database: any Database
    var sql: any SQLDatabase { database.sql }

    public init(database: any Database) { self.database = database }

    public func create(_ share: ShareRow, recordIDs: [String]) async throws {
        try await database.writeTransaction { db in
            let sql = db.sql
            try await sql.insertRows(
                "shares", ShareRow.columns,
                [
                    [
                        share.id, share.workerID, share.label, share.showEarnings,
                        share.createdAt, share.expiresAt, share.revokedAt,
                    ]
                ])
            try await sql.insertRows("share_records", ["share_id", "record_id"], recordIDs.map { [share.id, $0] })
        }
    }

    public func share(id: String) async throws -> ShareRow? {
        try await sql.select().columns(ShareRow.columns.map { SQLColumn($0) }).from("shares").where("id", .equal, id)
            .first(decoding: ShareRow.self, with: PassportStore.decoder)
    }

    public func shares(worker: WorkerID) async throws -> [ShareRow] {
        try await sql.select().columns(ShareRow.columns.map { SQLColumn($0) }).from("shares")
            .where("worker_id", .equal, worker.string).orderBy("created_at", .descending)
            .all(decoding: ShareRow.self, with: PassportStore.decoder)
    }

    /// The records a share shows that still exist (a worker may have removed one since), newest first.
    public func records(shareID: String) async throws -> [PassportRecordRow] {
        try await sql.select().columns(PassportRecordRow.columns.map { SQLColumn($0, table: "r") })
            .from(SQLAlias(SQLIdentifier("passport_records"), as: SQLIdentifier("r")))
            .join(
                SQLAlias(SQLIdentifier("share_records"), as: SQLIdentifier("s")), method: SQLJoinMethod.inner,
                on: SQLColumn("record_id", table: "s"), .equal, SQLColumn("id", table: "r")
            )
            .where(SQLColumn("share_id", table: "s"), SQLBinaryOperator.equal, SQLBind(shareID))
            .orderBy(SQLColumn("period_start", table: "r"), SQLDirection.descending)
            .all(decoding: PassportRecordRow.self, with: PassportStore.decoder)
    }

    /// How many still-existing records each of a worker's shares holds, in one query.
    public func recordCounts(worker: WorkerID) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        let rows = try await sql.select()
            .column(SQLColumn("share_id", table: "s"))
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(SQLAlias(SQLIdentifier("share_records"), as: SQLIdentifier("s")))
            .join(
                SQLAlias(SQLIdentifier("passport_records"), as: SQLIdentifier("r")), method: SQLJoinMethod.inner,
                on: SQLColumn("id", table: "r"), .equal, SQLColumn("record_id", table: "s")
            )
            .where(SQLColumn("worker_id", table: "r"), SQLBinaryOperator.equal, SQLBind(worker.string))
            .groupBy(SQLColumn("share_id", table: "s"))
            .all()
        for row in rows { counts[try row.decode(column: "share_id", as: String.self)] = try row.decode(column: "n", as: Int.self) }
        return counts
    }

    /// Ends a share of this worker; false when the worker has no such live share.
    public func revoke(id: String, worker: WorkerID, now: Date) async throws -> Bool {
        let rows = try await sql.update("shares").set("revoked_at", to: SQLBind(now))
            .where("id", .equal, id).where("worker_id", .equal, worker.string).where("revoked_at", .is, SQLLiteral.null)
            .returning("id").all()
        return !rows.isEmpty
    }

    /// Notes that a share was opened in the minute `minute` (a second opening in the same minute adds nothing).
    public func logOpen(shareID: String, minute: Date) async throws {
        try await sql.insert(into: "share_opens").columns("share_id", "opened_at").values(SQLBind(shareID), SQLBind(minute))
            .ignoringConflicts().run()
    }

    /// The moments a share was opened, newest first, at most `limit`.
    public func opens(shareID: String, limit: Int = 20) async throws -> [Date] {
        try await sql.select().column("opened_at").from("share_opens").where("share_id", .equal, shareID)
            .orderBy("opened_at", .descending).limit(limit).all()
            .map { try $0.decode(column: "opened_at", as: Date.self) }
    }
}
