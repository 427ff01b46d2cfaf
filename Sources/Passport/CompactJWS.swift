import Crypto
import Foundation

/// A JWS in compact serialisation (RFC 7515 §7.1): header.payload.signature, base64url each.
/// Loopbrug signs and accepts only Ed25519 (`alg: EdDSA`) with `typ: vc+jwt` (VC-JOSE-COSE).
public struct CompactJWS: Sendable {
    public static let mediaType = "vc+jwt"
    public static let maxLength = 64 * 1024

    public let header: JSONValue
    public let payload: [UInt8]
    public let signature: [UInt8]
    /// The ASCII bytes "header.payload" that the signature covers.
    let signingInput: Substring

    public var keyID: String? { header["kid"]?.stringValue }

    /// Splits and decodes the token; the reason says which part is wrong.
    public init(_ token: Substring) throws(CredentialProblem) {
        guard token.utf8.count <= CompactJWS.maxLength else { throw .malformed("the credential is longer than 64 KB") }
        // Split on the byte '.', not on Characters: grapheme breaking over a 2 KB token is slow.
        let dots = token.utf8.indices.filter { token.utf8[$0] == UInt8(ascii: ".") }
        guard dots.count == 2 else { throw .malformed("a compact JWS has three parts separated by '.', this has \(dots.count + 1)") }
        let parts = [token[token.startIndex..<dots[0]], token[token.utf8.index(after: dots[0])..<dots[1]], token[token.utf8.index(after: dots[1])...]]
        guard let headerBytes = Base64URL.decode(parts[0]) else { throw .malformed("the header is not base64url") }
        guard let header = try? JSONValue.parse(headerBytes), case .object = header else { throw .malformed("the header is not a JSON object") }
        guard let payload = Base64URL.decode(parts[1]) else { throw .malformed("the payload is not base64url") }
        guard let signature = Base64URL.decode(parts[2]) else { throw .malformed("the signature is not base64url") }
        guard header["alg"] == .string("EdDSA") || header["alg"] == .string("Ed25519") else {
            throw .malformed("alg must be EdDSA (Ed25519), the header says \(header["alg"]?.serialized() ?? "nothing")")
        }
        guard header["typ"] == .string(CompactJWS.mediaType) else {
            throw .malformed("typ must be \"vc+jwt\", the header says \(header["typ"]?.serialized() ?? "nothing")")
        }
        if header["crit"] != nil { throw .malformed("the header has crit extensions Loopbrug does not understand") }
        guard signature.count == 64 else { throw .signature("an Ed25519 signature is 64 bytes, this one is \(signature.count)") }
        self.header = header
        self.payload = payload
        self.signature = signature
        self.signingInput = token[token.startIndex..<parts[1].endIndex]
    }

    /// The key id in a token's header, reading only the header: for tokens stored after they were
    /// verified, where decoding the payload and signature again would be wasted.
    public static func keyID(of token: String) -> String? {
        guard let dot = token.utf8.firstIndex(of: UInt8(ascii: ".")),
            let bytes = Base64URL.decode(token[..<dot]), let header = try? JSONValue.parse(bytes)
        else { return nil }
        return header["kid"]?.stringValue
    }

    /// True when `key` made the signature.
    public func isSigned(by key: Curve25519.Signing.PublicKey) -> Bool {
        var input = signingInput
        return input.withUTF8 { key.isValidSignature(signature, for: UnsafeRawBufferPointer($0)) }
    }

    /// Signs `payload` (already serialised JSON) with an Ed25519 key; the key id goes in `kid`.
    public static func sign(payload: String, key: Curve25519.Signing.PrivateKey, keyID: String) throws -> String {
        let header = JSONValue.object(["alg": .string("EdDSA"), "typ": .string(mediaType), "kid": .string(keyID)]).serialized()
        let input = Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(payload.utf8))
        let signature = try key.signature(for: Data(input.utf8))
        return input + "." + Base64URL.encode(signature)
    }
}
