import Fluent
import Foundation
import Identifiers
import SQLKit

/// A kept microdata file, without its content.
public struct InsightFileRow: Sendable, Codable, Equatable {
    public let id: String
    public let ownerUserID: String
    public let name: String
    public let sizeBytes: Int
    public let uploadedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, name
        case ownerUserID = "owner_user_id", sizeBytes = "size_bytes", uploadedAt = "uploaded_at"
    }

    static let columns = ["id", "owner_user_id", "name", "size_bytes", "uploaded_at"]
}

/// SQL for kept microdata files. Every statement names the owner, so one analyst can never read
/// or delete another's file.
public struct InsightFileStore: Sendable {
    let database: any Database
    var sql: any SQLDatabase { database.sql }

    public init(database: any Database) { self.database = database }

    public func save(_ row: InsightFileRow, content: [UInt8]) async throws {
        try await sql.insert(into: "insight_files").columns(InsightFileRow.columns + ["content"])
            .values(
                SQLBind(row.id), SQLBind(row.ownerUserID), SQLBind(row.name), SQLBind(row.sizeBytes), SQLBind(row.uploadedAt),
                SQLBind(Data(content))
            )
            .run()
    }

    public func files(owner: UserID) async throws -> [InsightFileRow] {
        try await sql.select().columns(InsightFileRow.columns.map { SQLColumn($0) }).from("insight_files")
            .where("owner_user_id", .equal, owner.string).orderBy("uploaded_at", .descending)
            .all(decoding: InsightFileRow.self, with: PassportStore.decoder)
    }

    /// The file and its bytes, when it exists and belongs to `owner`.
    public func file(id: String, owner: UserID) async throws -> (row: InsightFileRow, content: [UInt8])? {
        guard
            let row = try await sql.select().columns((InsightFileRow.columns + ["content"]).map { SQLColumn($0) }).from("insight_files")
                .where("id", .equal, id).where("owner_user_id", .equal, owner.string).first()
        else { return nil }
        let file = try row.decode(model: InsightFileRow.self, with: PassportStore.decoder)
        return (file, Array(try row.decode(column: "content", as: Data.self)))
    }

    /// Whether a file was deleted.
    @discardableResult
    public func delete(id: String, owner: UserID) async throws -> Bool {
        try await sql.delete(from: "insight_files").where("id", .equal, id)
            .where("owner_user_id", .equal, owner.string).returning("id").all().count > 0
    }
}
