import Fluent
import Foundation
import Identifiers
import Passport
import Taxonomy

extension PassportService {
    /// Checks a work record the way an import will (schema, record rules, ESCO URIs) and throws
    /// the first problem, so Loopbrug never signs or stores a record it would refuse.
    @discardableResult
    public func validate(record: JSONValue, taxonomy: TaxonomyIndex?) throws(CredentialProblem) -> WorkRecord {
        if let violation = verifier.schema.firstViolation(in: record) { throw .schema(path: violation.path, reason: violation.reason) }
        let parsed = try WorkRecord(validated: record)
        if let problem = escoProblem(parsed, taxonomy, prefix: "") { throw problem }
        return parsed
    }

    /// Signs `records` for a registered issuer: reserves status positions, then makes one compact
    /// JWS per record. The key must be one of the issuer's registered keys.
    public func sign(
        records: [JSONValue], issuer: IssuerRow, key: Ed25519JWK, store: PassportStore,
        baseURL: String, now: Date, validUntil: Date? = nil
    ) async throws -> [String] {
        guard let privateKey = key.privateKey else { throw ConfigError("the key has no private part (d); signing needs the private JWK") }
        guard try await store.activeKeys(issuerID: issuer.id)[issuer.id]?[key.thumbprint] != nil else {
            throw ConfigError("key \(key.thumbprint) is not a registered key of issuer \(issuer.id); register its public half first")
        }
        let positions = try await store.reserveStatusPositions(issuerID: issuer.id, count: records.count)
        return try zip(records, positions).map { record, position in
            let payload = WorkCredential.payload(
                issuerID: issuer.id, issuerName: issuer.name, record: record, validFrom: now,
                validUntil: validUntil, statusPosition: position, baseURL: baseURL)
            return try CompactJWS.sign(payload: payload.serialized(), key: privateKey, keyID: key.thumbprint)
        }
    }
}

/// Finds a worker by account id or e-mail address, for the CLI.
public func findWorker(_ idOrEmail: String, on database: any Database) async throws -> WorkerRef {
    let user: UserModel?
    if let id = UUID(uuidString: idOrEmail) {
        user = try await UserModel.find(id, on: database)
    } else {
        user = try await UserModel.query(on: database).filter(\.$email == idOrEmail.lowercased()).first()
    }
    guard let user else { throw ConfigError("no account with id or e-mail \(idOrEmail)") }
    guard user.role == "worker" else { throw ConfigError("\(idOrEmail) is not a worker account (role \(user.role))") }
    return WorkerRef(id: WorkerID(try user.requireID()), name: user.name, email: user.email)
}

/// A worker account as the CLI needs it.
public struct WorkerRef: Sendable {
    public let id: WorkerID
    public let name: String
    public let email: String
}
