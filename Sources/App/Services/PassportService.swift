import Crypto
import Dispatch
import Foundation
import Identifiers
import Parallel
import Passport
import Taxonomy
import Vapor

/// One line of an import that was refused: where, which check, which field, why.
public struct LineProblem: Sendable, Codable, Equatable {
    public let line: Int
    public let check: String
    public let field: String?
    public let reason: String

    init(line: Int, _ problem: CredentialProblem) {
        self.line = line
        check = problem.check
        field = problem.field
        reason = problem.reason
    }

    public var text: String { "line \(line): \(check): \(reason)" }
}

/// The outcome of an import: everything stored, or nothing and every bad line.
public struct ImportReport: Sendable, Codable {
    public let accepted: Int
    public let problems: [LineProblem]
    /// The workers whose passports received records (empty when nothing was stored).
    public var workers: Set<String> = []
    public var succeeded: Bool { problems.isEmpty }
}

/// Who sends credentials: an admin importing for a named worker, or a platform through the API.
public enum ImportSender: Sendable {
    /// From the CLI or the admin: all records go to this worker.
    case admin(worker: WorkerID)
    /// A platform's API call: only its own credentials, for workers linked by a passport code.
    case issuer(issuerID: String)
}

/// Verifies, imports and reads work credentials. The checks live in the Passport library; this
/// service adds what needs the database: registered keys, duplicates, links and revocations.
public final class PassportService: Sendable {
    public let verifier: CredentialVerifier

    public init(standardDirectory: String) throws {
        let path = standardDirectory + "/work-record.schema.json"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError("cannot read the work record schema \(path); run Loopbrug from its folder or set LOOPBRUG_STANDARD_DIR")
        }
        do {
            verifier = CredentialVerifier(schema: try JSONSchema(json: try JSONValue.parse([UInt8](data))))
        } catch {
            throw ConfigError("\(path) is not a usable schema: \(error)")
        }
    }

    /// Verifies tokens on every core; results in input order.
    public func verifyAll(
        _ lines: [JSONLines.Line], keys: [String: [String: Ed25519JWK]], now: Date,
        isRevoked: (@Sendable (StatusEntry) -> Bool)?
    ) -> [Result<VerifiedCredential, CredentialProblem>] {
        let verifier = self.verifier
        // Keys are found by (issuer, kid), never by kid alone: a key id says nothing about who may use it.
        let lookup: @Sendable (String, String?) -> Result<IssuerKey, CredentialProblem> = { issuer, kid in
            guard let issuerKeys = keys[issuer] else { return .failure(.issuer("issuer urn:uuid:\(issuer) is not registered in Loopbrug")) }
            if let kid {
                guard let found = issuerKeys[kid] else { return .failure(.issuer("key \(kid) is not a registered key of issuer urn:uuid:\(issuer)")) }
                return .success(IssuerKey(issuerID: issuer, key: found.publicKey))
            }
            guard issuerKeys.count == 1, let only = issuerKeys.values.first else { return .failure(.issuer("the header has no kid and the issuer has several keys")) }
            return .success(IssuerKey(issuerID: issuer, key: only.publicKey))
        }
        return Parallel.map(count: lines.count) { verifier.verify(lines[$0].text, now: now, key: lookup, isRevoked: isRevoked) }
    }

    /// An ESCO URI the loaded taxonomy does not know, named by its field.
    func escoProblem(_ record: WorkRecord, _ taxonomy: TaxonomyIndex?, prefix: String = "credentialSubject.") -> CredentialProblem? {
        guard let taxonomy else { return nil }
        if let occupation = record.occupation, taxonomy.occupation(id: occupation) == nil {
            return .schema(path: prefix + "occupation", reason: "is not an occupation in ESCO \(taxonomy.version)")
        }
        for (i, skill) in record.skills.enumerated() where taxonomy.skill(uri: skill) == nil {
            return .schema(path: prefix + "skills[\(i)]", reason: "is not a skill in ESCO \(taxonomy.version)")
        }
        return nil
    }
}

/// Fixed-size storage that concurrent workers fill, a chunk at a time, at distinct ranges.
extension Application {
    private struct PassportKey: StorageKey { typealias Value = PassportService }

    /// The passport service, made on first use from the configured standard directory.
    public var passport: PassportService {
        get throws {
            if let service = storage[PassportKey.self] { return service }
            let service = try PassportService(standardDirectory: config.standardDirectory)
            storage[PassportKey.self] = service
            return service
        }
    }

    public var passportStore: PassportStore { PassportStore(database: db) }
}

extension PassportService {
    /// Verifies tokens against this Loopbrug: registered keys and the revocations it holds.
    public func verifyStored(_ lines: [JSONLines.Line], store: PassportStore, now: Date) async throws -> [Result<VerifiedCredential, CredentialProblem>] {
        let keys = try await store.activeKeys()
        let revoked = try await store.allRevokedEntries()
        return verifyAll(lines, keys: keys, now: now, isRevoked: { revoked.contains($0) })
    }
}
