/// Reads entries from a zip archive held in memory (stored or deflated entries, CRC-checked).
public struct ZipArchive: Sendable {
    public struct Entry: Sendable {
        let name: String
        let method: UInt16
        let crc: UInt32
        let compressedSize: Int
        let size: Int
        let localHeaderOffset: Int
    }

    let bytes: [UInt8]
    public let entries: [Entry]

    public init(bytes: [UInt8]) throws(ArchiveError) {
        self.bytes = bytes
        // The end-of-central-directory record sits in the last 64 KiB + 22 bytes.
        let minStart = max(0, bytes.count - 65_557)
        var eocd = -1
        var i = bytes.count - 22
        while i >= minStart {
            if readUInt32(bytes, i) == 0x0605_4B50 { eocd = i; break }
            i -= 1
        }
        guard eocd >= 0 else { throw ArchiveError(reason: "not a zip archive (no end-of-directory record)") }
        let count = Int(readUInt16(bytes, eocd + 10))
        var offset = Int(readUInt32(bytes, eocd + 16))
        var entries: [Entry] = []
        for _ in 0..<count {
            guard offset + 46 <= bytes.count, readUInt32(bytes, offset) == 0x0201_4B50 else {
                throw ArchiveError(reason: "the zip directory is damaged")
            }
            let nameLength = Int(readUInt16(bytes, offset + 28))
            let extraLength = Int(readUInt16(bytes, offset + 30))
            let commentLength = Int(readUInt16(bytes, offset + 32))
            guard offset + 46 + nameLength <= bytes.count else { throw ArchiveError(reason: "the zip directory is damaged") }
            entries.append(
                Entry(
                    name: String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self),
                    method: readUInt16(bytes, offset + 10),
                    crc: readUInt32(bytes, offset + 16),
                    compressedSize: Int(readUInt32(bytes, offset + 20)),
                    size: Int(readUInt32(bytes, offset + 24)),
                    localHeaderOffset: Int(readUInt32(bytes, offset + 42))))
            offset += 46 + nameLength + extraLength + commentLength
        }
        self.entries = entries
    }

    /// The uncompressed bytes of the entry called `name`.
    public func read(_ name: String) throws(ArchiveError) -> [UInt8] {
        guard let entry = entries.first(where: { $0.name == name }) else {
            throw ArchiveError(reason: "\(name) is not in the archive")
        }
        let header = entry.localHeaderOffset
        guard header + 30 <= bytes.count, readUInt32(bytes, header) == 0x0403_4B50 else {
            throw ArchiveError(reason: "\(name): damaged local header")
        }
        let start = header + 30 + Int(readUInt16(bytes, header + 26)) + Int(readUInt16(bytes, header + 28))
        guard start + entry.compressedSize <= bytes.count else { throw ArchiveError(reason: "\(name): truncated") }
        let data = Array(bytes[start..<(start + entry.compressedSize)])
        let output: [UInt8]
        switch entry.method {
        case 0: output = data
        case 8:
            guard entry.size <= unpackLimit else { throw ArchiveError(reason: "\(name): unpacks to more than \(unpackLimit >> 20) MB") }
            output = try inflate(data, windowBits: -15, expectedSize: entry.size, limit: entry.size)
        default: throw ArchiveError(reason: "\(name): unsupported compression method \(entry.method)")
        }
        guard output.count == entry.size else { throw ArchiveError(reason: "\(name): size does not match the directory") }
        guard crc32Of(output) == entry.crc else { throw ArchiveError(reason: "\(name): CRC check failed, the data is damaged") }
        return output
    }
}

private func readUInt16(_ b: [UInt8], _ i: Int) -> UInt16 {
    guard i + 2 <= b.count else { return 0 }
    return UInt16(b[i]) | UInt16(b[i + 1]) << 8
}

private func readUInt32(_ b: [UInt8], _ i: Int) -> UInt32 {
    guard i + 4 <= b.count else { return 0 }
    return UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
}
