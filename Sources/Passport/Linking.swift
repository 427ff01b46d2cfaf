import Crypto
import Foundation
import Identifiers

/// How a platform learns which worker a record is for, and nothing more. The worker shows the
/// platform a one-time passport code; the platform redeems it and gets a subject identifier that
/// is different for every platform (pairwise), so two platforms cannot match their records of the
/// same person, and the identifier reveals no name, e-mail or Loopbrug account id.
public enum PairwiseSubject {
    public static let prefix = "urn:loopbrug:subject:"

    /// HMAC-SHA256 over worker and issuer under Loopbrug's secret, 130 bits in base32.
    public static func identifier(worker: WorkerID, issuerID: String, secret: SymmetricKey) -> String {
        let message = Data("loopbrug-subject-v1|\(worker.string)|\(issuerID.lowercased())".utf8)
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: secret)
        return prefix + String(base32(Array(mac)).prefix(26))
    }

    public static func isWellFormed(_ text: String) -> Bool {
        text.hasPrefix(prefix) && text.count == prefix.count + 26 && text.dropFirst(prefix.count).allSatisfy { base32Alphabet.contains($0) }
    }

    static let base32Alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")

    static func base32(_ bytes: [UInt8]) -> String {
        var out = ""
        var buffer = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                out.append(base32Alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { out.append(base32Alphabet[(buffer << (5 - bits)) & 31]) }
        return out
    }
}

/// A one-time passport code: eight characters without look-alikes (no 0/O, 1/I/L, U), shown as
/// ABCD-EFGH, valid for a short time, stored only as a hash.
public enum PassportCode {
    static let alphabet = Array("ABCDEFGHJKMNPQRSTVWXYZ23456789")
    public static let lifetime: TimeInterval = 30 * 60

    public static func make<R: RandomNumberGenerator>(using random: inout R) -> String {
        let chars = (0..<8).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] }
        return String(chars[0..<4]) + "-" + String(chars[4..<8])
    }

    /// Upper case without spaces and dashes; nil when it cannot be a code.
    public static func normalise(_ input: String) -> String? {
        let cleaned = input.uppercased().filter { $0 != "-" && $0 != " " }
        guard cleaned.count == 8, cleaned.allSatisfy({ alphabet.contains($0) }) else { return nil }
        return cleaned
    }

    public static func hash(_ normalised: String) -> String {
        SHA256.hash(data: Data(normalised.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
