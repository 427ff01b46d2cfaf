/// Splits a JSON Lines upload of compact JWS into numbered lines, and says what is wrong with
/// the file as a whole (empty, not UTF-8, too big) before any line is read.
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
        guard !bytes.isEmpty else { throw FileProblem("the file is empty") }
        guard bytes.count <= maxBytes else { throw FileProblem("the file is larger than 256 MB; split it into smaller files") }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }  // a byte order mark
        var result: [Line] = []
        // Split bytes, not Characters: Swift treats "\r\n" as one Character.
        for (offset, raw) in body.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            var line = raw.drop(while: { $0 == 0x20 || $0 == 0x09 })
            while let last = line.last, last == 0x20 || last == 0x09 || last == 0x0D { line = line.dropLast() }
            if line.isEmpty { continue }
            // Byte 0x0A never occurs inside a UTF-8 sequence, so checking line by line is enough.
            guard let text = String(validating: line, as: UTF8.self) else { throw FileProblem("the file is not UTF-8 text") }
            result.append(Line(number: offset + 1, text: Substring(text)))
        }
        guard !result.isEmpty else { throw FileProblem("the file has no credentials, only empty lines") }
        return result
    }
}

public struct FileProblem: Error, CustomStringConvertible, Sendable, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
