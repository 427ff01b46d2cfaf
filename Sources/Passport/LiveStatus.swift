import Foundation

/// Where a record in a passport stands now, as a verifier would find it today. The signature of
/// an issued record was checked when it arrived and cannot change; what can change is whether
/// the issuer revoked it, withdrew the key that signed it, or its validity period ran out.
public enum LiveStatus: Sendable, Equatable {
    case valid
    case selfDeclared
    case revoked(Date)
    case keyWithdrawn
    case expired(Date)
    case notYetValid(Date)

    public static func of(issued: Bool, revokedAt: Date?, keyActive: Bool, validFrom: Date?, validUntil: Date?, now: Date) -> LiveStatus {
        guard issued else { return .selfDeclared }
        if let revokedAt { return .revoked(revokedAt) }
        if !keyActive { return .keyWithdrawn }
        if let validUntil, validUntil <= now { return .expired(validUntil) }
        if let validFrom, validFrom > now { return .notYetValid(validFrom) }
        return .valid
    }

    /// A short machine-readable name, as the verification API reports it.
    public var code: String {
        switch self {
        case .valid: "valid"
        case .selfDeclared: "self-declared"
        case .revoked: "revoked"
        case .keyWithdrawn: "key-withdrawn"
        case .expired: "expired"
        case .notYetValid: "not-yet-valid"
        }
    }
}
