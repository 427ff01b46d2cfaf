import Crypto
import Foundation

/// A credential that passed every check, with the token as received.
public struct VerifiedCredential: Sendable {
    public let credential: WorkCredential
    public let token: String
    public let keyID: String
    /// The work record written back as JSON (sorted keys), made here because verification runs
    /// on every core and storing it does not.
    public let recordJSON: String
}

/// Checks a compact JWS work credential in a fixed order and names the first check that fails:
/// format → issuer (is it registered, is the key its key) → signature → schema → validity →
/// status. The signature is checked before the content, so a tampered record reports
/// "signature", never a misleading schema error.
public struct CredentialVerifier: Sendable {
    public let schema: JSONSchema

    public init(schema: JSONSchema) { self.schema = schema }

    /// `key` finds a registered key by the issuer UUID the credential names and the key id (the
    /// JWK thumbprint) in its header, or the issuer's only key when the header has none; it says
    /// why there is none. A key is never found by its id alone: another issuer could have
    /// registered the same key id. `isRevoked` reads the status list; nil skips that check.
    public func verify(
        _ token: Substring, now: Date,
        key: (_ issuerID: String, _ keyID: String?) -> Result<IssuerKey, CredentialProblem>,
        isRevoked: ((StatusEntry) -> Bool)?
    ) -> Result<VerifiedCredential, CredentialProblem> {
        do {
            let jws = try CompactJWS(token)
            // The issuer is read before the signature is checked, to find its key; a payload that no
            // longer reads as JSON was changed after signing (issuers sign JSON), so it is a signature failure.
            guard let payload = try? JSONValue.parse(jws.payload) else {
                throw CredentialProblem.signature("the payload does not read as JSON: the credential was changed after it was signed")
            }
            guard let issuerID = WorkCredential.issuerUUID(of: payload) else {
                throw CredentialProblem.issuer("the credential does not name its issuer as urn:uuid:…")
            }
            let found = try key(issuerID, jws.keyID).get()
            guard jws.isSigned(by: found.key) else {
                throw CredentialProblem.signature("the signature does not match the issuer's key (the credential was changed, or signed with another key)")
            }
            // The signature is checked before the record is: a changed record reports "signature",
            // not whatever the change broke.
            let credential = try WorkCredential(payload: payload, schema: schema)
            if credential.validFrom > now { throw CredentialProblem.validity("not valid before \(Timestamp.format(credential.validFrom))") }
            if let until = credential.validUntil, until <= now { throw CredentialProblem.validity("expired at \(Timestamp.format(until))") }
            if let isRevoked, isRevoked(credential.status) { throw CredentialProblem.status("revoked by the issuer") }
            return .success(
                VerifiedCredential(
                    credential: credential, token: String(token), keyID: jws.keyID ?? "",
                    recordJSON: credential.record.json.serialized()))
        } catch let problem as CredentialProblem {
            return .failure(problem)
        } catch {
            return .failure(.malformed("\(error)"))
        }
    }
}

/// A registered public key and the issuer it belongs to.
public struct IssuerKey: Sendable {
    public let issuerID: String
    public let key: Curve25519.Signing.PublicKey

    public init(issuerID: String, key: Curve25519.Signing.PublicKey) {
        self.issuerID = issuerID
        self.key = key
    }
}
