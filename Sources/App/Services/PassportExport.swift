import Foundation
import Passport
import Vapor

/// A file of an export: its name and its bytes.
public struct ExportFile: Sendable {
    public let name: String
    public let bytes: Data
}

/// Everything Loopbrug holds in a worker's passport (GDPR art. 15 and 20): the records as JSON,
/// the credentials exactly as issued, and the KlusCV.
public func exportPassport(_ app: Application, worker: UUID) async throws -> [ExportFile] {
    let rows = try await app.passportStore.records(worker: worker)
    let records: [JSONValue] = rows.map { row in
        var members: [String: JSONValue] = [
            "source": .string(row.isVerified ? "verified" : "self-declared"),
            "record": (try? JSONValue.parse(row.recordJSON)) ?? .null,
            "addedAt": .string(Timestamp.format(row.createdAt)),
        ]
        if let id = row.credentialID { members["credentialId"] = .string(id) }
        if let issuer = row.issuerID { members["issuer"] = .string("urn:uuid:\(issuer)") }
        if let revoked = row.revokedAt { members["revokedAt"] = .string(Timestamp.format(revoked)) }
        return .object(members)
    }
    let passport = JSONValue.object([
        "standard": .string(WorkCredential.schemaID),
        "exportedAt": .string(Timestamp.format(app.dependencies.now())),
        "records": .array(records),
    ])
    let tokens = rows.compactMap(\.token).joined(separator: "\n")
    return [
        ExportFile(name: "passport.json", bytes: Data((passport.serialized() + "\n").utf8)),
        ExportFile(name: "credentials.jsonl", bytes: Data((tokens.isEmpty ? "" : tokens + "\n").utf8)),
    ]
}
