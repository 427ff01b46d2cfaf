import CZlib

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

    public func encoded() -> String { "u" + Base64URL.encode(StatusList.gzip(bytes)) }

    /// Reads an `encodedList`; nil when it is not one.
    public init?(encoded: String) {
        guard encoded.hasPrefix("u"), let compressed = Base64URL.decode(encoded.dropFirst()),
              let raw = StatusList.gunzip(compressed, limit: StatusList.size / 8), raw.count == StatusList.size / 8 else { return nil }
        bytes = raw
    }

    static func gzip(_ input: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        // windowBits 15 + 16: write a gzip header and trailer.
        guard deflateInit2_(&stream, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return [] }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(input.count))) + 32)
        var source = input
        let produced: Int = source.withUnsafeMutableBufferPointer { src in
            output.withUnsafeMutableBufferPointer { dst in
                stream.next_in = src.baseAddress
                stream.avail_in = UInt32(src.count)
                stream.next_out = dst.baseAddress
                stream.avail_out = UInt32(dst.count)
                _ = deflate(&stream, Z_FINISH)
                return dst.count - Int(stream.avail_out)
            }
        }
        return Array(output[..<produced])
    }

    static func gunzip(_ input: [UInt8], limit: Int) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: limit + 1)
        var source = input
        let (status, produced): (Int32, Int) = source.withUnsafeMutableBufferPointer { src in
            output.withUnsafeMutableBufferPointer { dst in
                stream.next_in = src.baseAddress
                stream.avail_in = UInt32(src.count)
                stream.next_out = dst.baseAddress
                stream.avail_out = UInt32(dst.count)
                let status = inflate(&stream, Z_FINISH)
                return (status, dst.count - Int(stream.avail_out))
            }
        }
        guard status == Z_STREAM_END, produced <= limit else { return nil }
        return Array(output[..<produced])
    }
}
