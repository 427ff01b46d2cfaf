import CZlib

/// A problem reading a zip or gzip file.
public struct ArchiveError: Error, Sendable, Equatable {
    public let reason: String
}

/// The most any one file may unpack to: ESCO's largest is about 50 MB. Without a cap, a
/// 509 KB gzip grew to 512 MB before it failed.
public let unpackLimit = 256 << 20

/// The uncompressed bytes of a gzip file (zlib checks its CRC and length), at most `limit` bytes.
public func gunzip(_ bytes: [UInt8], limit: Int = unpackLimit) throws(ArchiveError) -> [UInt8] {
    guard bytes.starts(with: [0x1F, 0x8B]) else { throw ArchiveError(reason: "not a gzip file") }
    return try inflate(bytes, windowBits: 16 + 15, expectedSize: bytes.count * 4, limit: limit)
}

/// CRC-32 as zip uses it.
public func crc32Of(_ bytes: [UInt8]) -> UInt32 {
    bytes.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
}

/// Inflates `input`; stops with an error as soon as the output would pass `limit` bytes.
func inflate(_ input: [UInt8], windowBits: Int32, expectedSize: Int, limit: Int) throws(ArchiveError) -> [UInt8] {
    var stream = z_stream()
    guard inflateInit2_(&stream, windowBits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
        throw ArchiveError(reason: "zlib could not start")
    }
    defer { inflateEnd(&stream) }
    var output = [UInt8]()
    output.reserveCapacity(min(max(expectedSize, 1024), limit + 1))
    var chunk = [UInt8](repeating: 0, count: 1 << 18)
    var status: Int32 = Z_OK
    var input = input
    input.withUnsafeMutableBufferPointer { inBuf in
        stream.next_in = inBuf.baseAddress
        stream.avail_in = uInt(inBuf.count)
        repeat {
            chunk.withUnsafeMutableBufferPointer { outBuf in
                stream.next_out = outBuf.baseAddress
                stream.avail_out = uInt(outBuf.count)
                status = CZlib.inflate(&stream, Z_NO_FLUSH)
                output.append(contentsOf: outBuf[0..<(outBuf.count - Int(stream.avail_out))])
            }
        } while status == Z_OK && output.count <= limit
    }
    guard output.count <= limit else { throw ArchiveError(reason: "it unpacks to more than \(limit >> 20 > 0 ? "\(limit >> 20) MB" : "\(limit) bytes")") }
    guard status == Z_STREAM_END else {
        throw ArchiveError(reason: status == Z_BUF_ERROR ? "the compressed data is truncated" : "the compressed data is damaged")
    }
    return output
}

/// A gzip file of `input` (best compression), as Bitstring Status Lists carry their bits.
public func gzip(_ input: [UInt8]) -> [UInt8] {
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
