import Archives

/// A W3C Bitstring Status List: one bit per credential, 1 = revoked. Published GZIP-compressed,
/// base64url-encoded with the multibase prefix "u" (Bitstring Status List v1.0 §2.1).
public struct StatusList: Sendable, Equatable {
    /// 131,072 bits (16 KB), the specification's minimum, so a list gives herd privacy.
    public static let size = 131_072

    /// Where an issuer's running status position lives: list 1 holds positions 0…131071, and so on.
    public static func location(ofPosition position: Int) -> (list: Int, index: Int) {
        (position / size + 1, position % size)
    }

    public private(set) var bytes: [UInt8]

    public init() { bytes = [UInt8](repeating: 0, count: StatusList.size / 8) }

    /// Bit 0 is the most significant bit of the first byte, as the specification orders them.
    public subscript(index: Int) -> Bool {
        get { bytes[index / 8] & (0x80 >> UInt8(index % 8)) != 0 }
        set {
            if newValue { bytes[index / 8] |= 0x80 >> UInt8(index % 8) } else { bytes[index / 8] &= ~(0x80 >> UInt8(index % 8)) }
        }
    }

    public func encoded() -> String { "u" + Base64URL.encode(gzip(bytes)) }

    /// Reads an `encodedList`; nil when it is not one.
    public init?(encoded: String) {
        guard encoded.hasPrefix("u"), let compressed = Base64URL.decode(encoded.dropFirst()),
            let raw = try? gunzip(compressed, limit: StatusList.size / 8), raw.count == StatusList.size / 8
        else { return nil }
        bytes = raw
    }
}
