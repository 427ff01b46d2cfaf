import Crypto
import Foundation

/// A credential that passed every check, with the token as received.
public struct VerifiedCredential: Sendable {
    public let credential: WorkCredential
    public let token: String
    public let keyID: String
}

/// Checks a compact JWS work credential in a fixed order and names the first check that fails:
/// format → issuer (is it registered, is the key its key) → signature → schema → validity →
/// status. The signature is checked before the content, so a tampered record reports
/// "signature", never a misleading schema error.
public struct CredentialVerifier: Sendable {
    public let schema: JSONSchema

    public init(schema: JSONSchema) { self.schema = schema }

    /// `key` finds the registered key for an issuer UUID and key id (nil key id: the issuer's only
    /// key), or says why there is none. `isRevoked` reads the status list; nil skips that check.
    public func verify(_ token: Substring, now: Date,
                       key: (_ issuerID: String, _ keyID: String?) -> Result<Curve25519.Signing.PublicKey, CredentialProblem>,
                       isRevoked: ((StatusEntry) -> Bool)?) -> Result<VerifiedCredential, CredentialProblem> {
        do {
            let jws = try CompactJWS(token)
            let payload: JSONValue
            do { payload = try JSONValue.parse(jws.payload) } catch { throw CredentialProblem.malformed("the payload is not JSON: \(error)") }
            guard let issuerID = WorkCredential.issuerUUID(of: payload) else {
                throw CredentialProblem.issuer("the credential does not name its issuer as urn:uuid:…")
            }
            let publicKey = try key(issuerID, jws.keyID).get()
            guard jws.isSigned(by: publicKey) else {
                throw CredentialProblem.signature("the signature does not match the issuer's key (the credential was changed, or signed with another key)")
            }
            let credential = try WorkCredential(payload: payload, schema: schema)
            if credential.validFrom > now { throw CredentialProblem.validity("not valid before \(Timestamp.format(credential.validFrom))") }
            if let until = credential.validUntil, until <= now { throw CredentialProblem.validity("expired at \(Timestamp.format(until))") }
            if let isRevoked, isRevoked(credential.status) { throw CredentialProblem.status("revoked by the issuer") }
            let keyID = jws.keyID ?? ""
            return .success(VerifiedCredential(credential: credential, token: String(token), keyID: keyID))
        } catch let problem as CredentialProblem {
            return .failure(problem)
        } catch {
            return .failure(.malformed("\(error)"))
        }
    }
}
