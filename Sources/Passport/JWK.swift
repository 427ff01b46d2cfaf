import Crypto
import Foundation

/// An Ed25519 key as an OKP JSON Web Key (RFC 8037). `d` is present only in a private key.
public struct Ed25519JWK: Sendable, Equatable {
    public let x: [UInt8]
    public let d: [UInt8]?

    public init(publicKey: Curve25519.Signing.PublicKey) {
        x = [UInt8](publicKey.rawRepresentation)
        d = nil
    }

    /// A public key from its 32 raw bytes, as stored; nil when they are not an Ed25519 key.
    public init?(publicKeyBytes: [UInt8]) {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKeyBytes) else { return nil }
        self.init(publicKey: key)
    }

    public init(privateKey: Curve25519.Signing.PrivateKey) {
        x = [UInt8](privateKey.publicKey.rawRepresentation)
        d = [UInt8](privateKey.rawRepresentation)
    }

    /// Parses a JWK; the reason names the member that is wrong.
    public init(json: [UInt8]) throws(KeyError) {
        guard case .object(let members)? = try? JSONValue.parse(json) else { throw KeyError("the key is not a JSON object") }
        guard case .string("OKP")? = members["kty"] else { throw KeyError("kty must be \"OKP\" (an Ed25519 key, RFC 8037)") }
        guard case .string("Ed25519")? = members["crv"] else { throw KeyError("crv must be \"Ed25519\"") }
        if let alg = members["alg"], alg != .string("EdDSA"), alg != .string("Ed25519") {
            throw KeyError("alg must be \"EdDSA\" when present")
        }
        guard case .string(let xText)? = members["x"], let x = Base64URL.decode(xText), x.count == 32 else {
            throw KeyError("x must be the 32-byte public key in base64url")
        }
        var d: [UInt8]?
        if let dValue = members["d"] {
            guard case .string(let dText) = dValue, let bytes = Base64URL.decode(dText), bytes.count == 32 else {
                throw KeyError("d must be the 32-byte private key in base64url")
            }
            guard let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: bytes),
                [UInt8](key.publicKey.rawRepresentation) == x
            else {
                throw KeyError("d does not belong to x (the private and public halves do not match)")
            }
            d = bytes
        }
        guard (try? Curve25519.Signing.PublicKey(rawRepresentation: x)) != nil else { throw KeyError("x is not an Ed25519 public key") }
        self.x = x
        self.d = d
    }

    public var publicKey: Curve25519.Signing.PublicKey {
        // x was checked when this value was made.
        try! Curve25519.Signing.PublicKey(rawRepresentation: x)
    }

    public var privateKey: Curve25519.Signing.PrivateKey? {
        d.flatMap { try? Curve25519.Signing.PrivateKey(rawRepresentation: $0) }
    }

    public var publicOnly: Ed25519JWK { Ed25519JWK(publicKey: publicKey) }

    /// The RFC 7638 thumbprint (SHA-256 over the required members in lexical order): the key id.
    public var thumbprint: String {
        let canonical = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"\(Base64URL.encode(x))\"}"
        return Base64URL.encode(SHA256.hash(data: Data(canonical.utf8)))
    }

    /// The JWK as JSON; `includePrivate` adds `d`.
    public func json(includePrivate: Bool = false) -> String {
        var members: [String: JSONValue] = [
            "kty": .string("OKP"), "crv": .string("Ed25519"), "x": .string(Base64URL.encode(x)),
            "kid": .string(thumbprint), "alg": .string("EdDSA"), "use": .string("sig"),
        ]
        if includePrivate, let d { members["d"] = .string(Base64URL.encode(d)) }
        return JSONValue.object(members).serialized()
    }
}

/// A key that cannot be used, with the reason.
public struct KeyError: Error, CustomStringConvertible, Sendable, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
