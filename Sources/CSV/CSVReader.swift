/// Reads RFC 4180 CSV one record at a time, where the bytes lie: quoted fields may hold commas,
/// doubled quotes and line breaks (ESCO puts alternative labels on separate lines inside one
/// field), so a record can span several physical lines; `recordLine` is the line it starts on.
///
/// Blank lines are skipped, a UTF-8 byte order mark at the start is not data, and CRLF line ends
/// are read like LF. A malformed record throws, and reading goes on with the next record, so a
/// caller can name every bad line of a file.
public struct CSVReader {
    private let bytes: [UInt8]
    private var i: Int
    private var line = 1
    /// The physical line the record last returned (or refused) starts on.
    public private(set) var recordLine = 1

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// The next record's fields; nil at the end of the file.
    public mutating func next() throws(CSVError) -> [String]? {
        while i < bytes.count {
            recordLine = line
            var fields: [String] = []
            var problem: CSVError?
            while true {
                let (field, ended) = readField(number: fields.count + 1, problem: &problem)
                fields.append(field)
                if ended { break }
            }
            if let problem { throw problem }
            if fields.count == 1, fields[0].isEmpty { continue }  // a blank line
            return fields
        }
        return nil
    }

    /// Reads one field and the separator after it; `ended` is true at the end of the record.
    private mutating func readField(number: Int, problem: inout CSVError?) -> (String, ended: Bool) {
        func note(_ kind: CSVError.Kind) { if problem == nil { problem = CSVError(line: line, field: number, kind) } }
        func text(_ raw: ArraySlice<UInt8>) -> String {
            guard let s = String(validating: raw, as: UTF8.self) else { note(.notUTF8); return "" }
            return s
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "\"") {
            i += 1
            var raw: [UInt8] = []
            while true {
                guard i < bytes.count else {
                    problem = problem ?? CSVError(line: recordLine, .unclosedQuote)
                    return (text(raw[...]), true)
                }
                let b = bytes[i]
                i += 1
                if b == UInt8(ascii: "\"") {
                    if i < bytes.count, bytes[i] == UInt8(ascii: "\"") { raw.append(b); i += 1 } else { break }
                } else {
                    if b == UInt8(ascii: "\n") { line += 1 }
                    raw.append(b)
                }
            }
            let field = text(raw[...])
            // After the closing quote: a separator, a line end or the end of the file.
            if i < bytes.count, bytes[i] == UInt8(ascii: "\r") { i += 1 }
            guard i < bytes.count else { return (field, true) }
            switch bytes[i] {
            case UInt8(ascii: ","): i += 1; return (field, false)
            case UInt8(ascii: "\n"): i += 1; line += 1; return (field, true)
            default:
                note(.textAfterClosingQuote)
                skipLine()
                return (field, true)
            }
        }
        // Unquoted: the bytes up to the next comma or line end, decoded where they lie.
        let start = i
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: ","):
                defer { i += 1 }
                return (text(bytes[start..<i]), false)
            case UInt8(ascii: "\n"):
                let end = i > start && bytes[i - 1] == UInt8(ascii: "\r") ? i - 1 : i
                defer { i += 1; line += 1 }
                return (text(bytes[start..<end]), true)
            case UInt8(ascii: "\""):
                note(.quoteInUnquotedField)
                skipLine()
                return ("", true)
            default:
                i += 1
            }
        }
        let end = i > start && bytes[i - 1] == UInt8(ascii: "\r") ? i - 1 : i
        return (text(bytes[start..<end]), true)
    }

    /// Goes on after the next line end: where a malformed record stops.
    private mutating func skipLine() {
        while i < bytes.count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
        if i < bytes.count { i += 1; line += 1 }
    }
}
