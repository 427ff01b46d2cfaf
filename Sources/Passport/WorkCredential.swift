import Foundation
import Identifiers

/// Where a credential's revocation bit lives: a W3C Bitstring Status List entry.
public struct StatusEntry: Sendable, Hashable {
    public let issuerID: String
    public let list: Int
    public let index: Int

    public init(issuerID: String, list: Int, index: Int) {
        self.issuerID = issuerID
        self.list = list
        self.index = index
    }
}

/// A work credential (W3C VC 2.0) whose envelope and record have been read and checked.
public struct WorkCredential: Sendable {
    public static let contexts = ["https://www.w3.org/ns/credentials/v2", "https://loopbrug.nl/standard/v0.1/context.jsonld"]
    public static let types = ["VerifiableCredential", "WorkRecordCredential"]
    public static let schemaID = "https://loopbrug.nl/standard/v0.1/work-record.schema.json"

    /// `urn:uuid:…`
    public let id: String
    /// The issuer's UUID (lower case); the credential says `urn:uuid:<this>`.
    public let issuerID: String
    public let issuerName: String?
    public let validFrom: Date
    public let validUntil: Date?
    public let status: StatusEntry
    public let record: WorkRecord

    /// Reads the VC envelope and checks the work record against the schema. Every problem is a
    /// `.schema` problem naming the field.
    public init(payload: JSONValue, schema: JSONSchema) throws(CredentialProblem) {
        guard case .object = payload else { throw .schema(path: "", reason: "the credential must be a JSON object") }
        guard let contexts = payload["@context"]?.arrayValue?.compactMap(\.stringValue), contexts.first == WorkCredential.contexts[0] else {
            throw .schema(path: "@context", reason: "must be an array starting with \"\(WorkCredential.contexts[0])\"")
        }
        guard contexts.contains(WorkCredential.contexts[1]) else { throw .schema(path: "@context", reason: "must include \"\(WorkCredential.contexts[1])\"") }
        guard let types = payload["type"]?.arrayValue?.compactMap(\.stringValue), Set(WorkCredential.types).isSubset(of: types) else {
            throw .schema(path: "type", reason: "must contain \"VerifiableCredential\" and \"WorkRecordCredential\"")
        }
        guard let id = payload["id"]?.stringValue, WorkCredential.isUUIDURN(id) else { throw .schema(path: "id", reason: "must be a urn:uuid: identifier") }
        self.id = id.lowercased()
        guard let issuerID = WorkCredential.issuerUUID(of: payload) else { throw .schema(path: "issuer", reason: "must be urn:uuid:… or an object with that id") }
        self.issuerID = issuerID
        issuerName = payload["issuer"]?["name"]?.stringValue
        guard let fromText = payload["validFrom"]?.stringValue, let from = Timestamp.parse(fromText) else {
            throw .schema(path: "validFrom", reason: "is required, as a date and time like 2025-03-01T09:00:00Z")
        }
        validFrom = from
        if let untilValue = payload["validUntil"] {
            guard let text = untilValue.stringValue, let until = Timestamp.parse(text) else { throw .schema(path: "validUntil", reason: "must be a date and time like 2027-03-01T09:00:00Z") }
            guard until > from else { throw .schema(path: "validUntil", reason: "is not after validFrom") }
            validUntil = until
        } else {
            validUntil = nil
        }
        if let credentialSchema = payload["credentialSchema"], credentialSchema["id"]?.stringValue != WorkCredential.schemaID {
            throw .schema(path: "credentialSchema.id", reason: "must be \"\(WorkCredential.schemaID)\"")
        }
        status = try WorkCredential.statusEntry(payload["credentialStatus"], issuerID: issuerID)
        guard let subject = payload["credentialSubject"] else { throw .schema(path: "credentialSubject", reason: "is required") }
        if let violation = schema.firstViolation(in: subject, at: "credentialSubject") {
            throw .schema(path: violation.path, reason: violation.reason)
        }
        do {
            record = try WorkRecord(validated: subject)
        } catch {
            if case .schema(let path, let reason) = error { throw .schema(path: "credentialSubject.\(path)", reason: reason) }
            throw error
        }
    }

    /// The issuer's UUID from `issuer` (a string or an object with `id`), without reading the rest.
    public static func issuerUUID(of payload: JSONValue) -> String? {
        let text = payload["issuer"]?.stringValue ?? payload["issuer"]?["id"]?.stringValue
        guard let text, isUUIDURN(text) else { return nil }
        return String(text.dropFirst("urn:uuid:".count)).lowercased()
    }

    static func isUUIDURN(_ text: String) -> Bool {
        text.count == 45 && text.lowercased().hasPrefix("urn:uuid:") && UUID(uuidString: String(text.dropFirst(9))) != nil
    }

    /// Reads `credentialStatus`; its list URL must end in `/status/<issuer>/<list>`.
    static func statusEntry(_ value: JSONValue?, issuerID: String) throws(CredentialProblem) -> StatusEntry {
        guard let value else { throw .schema(path: "credentialStatus", reason: "is required (a BitstringStatusListEntry, so the record can be revoked)") }
        guard value["type"]?.stringValue == "BitstringStatusListEntry" else { throw .schema(path: "credentialStatus.type", reason: "must be \"BitstringStatusListEntry\"") }
        guard value["statusPurpose"]?.stringValue == "revocation" else { throw .schema(path: "credentialStatus.statusPurpose", reason: "must be \"revocation\"") }
        guard let indexText = value["statusListIndex"]?.stringValue, let index = Int(indexText), index >= 0, index < StatusList.size,
            String(index) == indexText
        else {
            throw .schema(path: "credentialStatus.statusListIndex", reason: "must be a whole number from 0 to \(StatusList.size - 1), written as a string")
        }
        guard let url = value["statusListCredential"]?.stringValue else { throw .schema(path: "credentialStatus.statusListCredential", reason: "is required") }
        let parts = url.split(separator: "/")
        guard parts.count >= 3, parts[parts.count - 3] == "status", parts[parts.count - 2].lowercased() == issuerID,
            let list = Int(parts[parts.count - 1]), list >= 1
        else {
            throw .schema(path: "credentialStatus.statusListCredential", reason: "must be this issuer's Loopbrug status list URL (…/status/\(issuerID)/1)")
        }
        return StatusEntry(issuerID: issuerID, list: list, index: index)
    }

    /// The credential to sign for `record`, with status entry `position` (a running number per
    /// issuer; list = position / size + 1). `baseURL` is the Loopbrug that hosts the status list.
    public static func payload(
        id: UUID = UUID(), issuerID: String, issuerName: String?, record: JSONValue, validFrom: Date,
        validUntil: Date? = nil, statusPosition: Int, baseURL: String
    ) -> JSONValue {
        let (list, index) = StatusList.location(ofPosition: statusPosition)
        let listURL = "\(baseURL)/status/\(issuerID)/\(list)"
        var issuer: [String: JSONValue] = ["id": .string("urn:uuid:\(issuerID)")]
        if let issuerName { issuer["name"] = .string(issuerName) }
        var members: [String: JSONValue] = [
            "@context": .array(contexts.map(JSONValue.string)),
            "id": .string("urn:uuid:\(id.idString)"),
            "type": .array(types.map(JSONValue.string)),
            "issuer": .object(issuer),
            "validFrom": .string(Timestamp.format(validFrom)),
            "credentialSchema": .object(["id": .string(schemaID), "type": .string("JsonSchema")]),
            "credentialStatus": .object([
                "id": .string("\(listURL)#\(index)"),
                "type": .string("BitstringStatusListEntry"),
                "statusPurpose": .string("revocation"),
                "statusListIndex": .string(String(index)),
                "statusListCredential": .string(listURL),
            ]),
            "credentialSubject": record,
        ]
        if let validUntil { members["validUntil"] = .string(Timestamp.format(validUntil)) }
        return .object(members)
    }
}
