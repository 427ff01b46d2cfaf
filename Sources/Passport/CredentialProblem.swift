/// Why a credential was refused: which check failed, and what exactly was wrong. The check
/// names are part of the standard (docs/standard/v0.1/spec.md, "Verification").
public enum CredentialProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not a compact JWS, or a header Loopbrug does not accept.
    case malformed(String)
    /// The issuer or its key is not registered.
    case issuer(String)
    case signature(String)
    /// The credential or its work record breaks the schema; `path` names the field.
    case schema(path: String, reason: String)
    /// Not yet valid, or expired.
    case validity(String)
    /// Revoked in the issuer's status list.
    case status(String)
    /// Already in Loopbrug (same credential id or status entry).
    case duplicate(String)
    /// The record cannot be linked to a worker.
    case subject(String)

    public var check: String {
        switch self {
        case .malformed: "format"
        case .issuer: "issuer"
        case .signature: "signature"
        case .schema: "schema"
        case .validity: "validity"
        case .status: "status"
        case .duplicate: "duplicate"
        case .subject: "subject"
        }
    }

    public var field: String? {
        if case .schema(let path, _) = self { return path }
        return nil
    }

    public var reason: String {
        switch self {
        case .malformed(let r), .issuer(let r), .signature(let r), .validity(let r), .status(let r), .duplicate(let r), .subject(let r): r
        case .schema(let path, let reason): path.isEmpty ? reason : "\(path): \(reason)"
        }
    }

    public var description: String { "\(check): \(reason)" }
}
