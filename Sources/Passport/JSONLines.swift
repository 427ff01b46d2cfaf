/// Splits a JSON Lines upload of compact JWS into numbered lines, and says what is wrong with
/// the file as a whole (empty, not UTF-8, too big) before any line is read.
///
/// Memory: the lines are found by scanning the bytes where they lie (an upload's buffer, no
/// copy), and only non-empty lines become strings, so a file costs about its own size once
/// more. (Splitting into an array of slices first cost 32 bytes per line: a 16 MB file of
/// newlines took 544 MB.)
public enum JSONLines {
    public static let maxBytes = 256 * 1024 * 1024

    public struct Line: Sendable {
        public let number: Int
        public let text: Substring

        public init(number: Int, text: Substring) {
            self.number = number
            self.text = text
        }
    }

    public static func lines(_ bytes: [UInt8]) throws(FileProblem) -> [Line] {
        let result = bytes.withUnsafeBytes { raw in Result { () throws(FileProblem) in try lines(in: raw) } }
        return try result.get()
    }

    /// The lines of the bytes in `raw` (for example a request body's buffer).
    public static func lines(in raw: UnsafeRawBufferPointer) throws(FileProblem) -> [Line] {
        guard !raw.isEmpty else { throw FileProblem("the file is empty") }
        guard raw.count <= maxBytes else { throw FileProblem("the file is larger than 256 MB; split it into smaller files") }
        let bytes = raw.bindMemory(to: UInt8.self)
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0  // a byte order mark
        var result: [Line] = []
        var number = 0
        // Bytes, not Characters: Swift treats "\r\n" as one Character.
        while start <= bytes.count {
            number += 1
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            var lo = start, hi = end
            while lo < hi, bytes[lo] == 0x20 || bytes[lo] == 0x09 { lo += 1 }
            while hi > lo, bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09 || bytes[hi - 1] == 0x0D { hi -= 1 }
            if lo < hi {
                // Byte 0x0A never occurs inside a UTF-8 sequence, so checking line by line is enough.
                guard let text = String(validating: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self) else {
                    throw FileProblem("the file is not UTF-8 text")
                }
                result.append(Line(number: number, text: Substring(text)))
            }
            start = end + 1
        }
        guard !result.isEmpty else { throw FileProblem("the file has no credentials, only empty lines") }
        return result
    }
}

public struct FileProblem: Error, CustomStringConvertible, Sendable, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
