import Days
import Fluent
import Foundation
import Identifiers
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

    static let columns = [
        "id", "worker_id", "source", "issuer_id", "credential_id", "subject_id", "token", "record_json", "kind",
        "role_title", "period_start", "period_end", "status_list", "status_index", "valid_from", "valid_until",
        "revoked_at", "created_at",
    ]

    var values: [(any Encodable & Sendable)?] {
        [
            id, workerID, source, issuerID, credentialID, subjectID, token, recordJSON, kind, roleTitle, periodStart, periodEnd,
            statusList, statusIndex, validFrom, validUntil, revokedAt, createdAt,
        ]
    }

    /// The same values in SQLite's types (dates as seconds since 1970, as SQLiteNIO writes them).
    var sqliteValues: [SQLiteData] {
        func text(_ s: String?) -> SQLiteData { s.map(SQLiteData.text) ?? .null }
        func int(_ i: Int?) -> SQLiteData { i.map(SQLiteData.integer) ?? .null }
        func date(_ d: Date?) -> SQLiteData { d.map { .float($0.timeIntervalSince1970) } ?? .null }
        return [
            text(id), text(workerID), text(source), text(issuerID), text(credentialID), text(subjectID), text(token), text(recordJSON),
            text(kind), text(roleTitle), text(periodStart), text(periodEnd), int(statusList), int(statusIndex), date(validFrom),
            date(validUntil), date(revokedAt), date(createdAt),
        ]
    }
}
