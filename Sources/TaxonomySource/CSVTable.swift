/// A problem in a CSV file, with the physical line it starts on (1-based).
public struct CSVError: Error, Sendable, Equatable {
    public let line: Int
    public let reason: String
}

/// An RFC 4180 CSV file read into memory: a header and records of UTF-8 strings.
///
/// Quoted fields may hold commas, doubled quotes and line breaks (ESCO puts alternative labels
/// on separate lines inside one field), so a record can span several physical lines; each
/// record remembers the line it starts on for error messages.
public struct CSVTable: Sendable {
    public let header: [String]
    public let records: [[String]]
    public let lines: [Int]

    public init(bytes: [UInt8]) throws(CSVError) {
        var records: [[String]] = []
        var lines: [Int] = []
        var field: [UInt8] = []
        var record: [String] = []
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var fieldWasQuoted = false
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0 // a UTF-8 byte order mark is not data

        func endField() throws(CSVError) {
            guard let text = String(validating: field, as: UTF8.self) else {
                throw CSVError(line: line, reason: "field \(record.count + 1) is not valid UTF-8")
            }
            record.append(text)
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        func endRecord() throws(CSVError) {
            try endField()
            if !(record.count == 1 && record[0].isEmpty) { // skip blank lines
                records.append(record)
                lines.append(recordLine)
            }
            record = []
        }

        while i < bytes.count {
            let b = bytes[i]
            if inQuotes {
                if b == UInt8(ascii: "\"") {
                    if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\"") {
                        field.append(b)
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if b == UInt8(ascii: "\n") { line += 1 }
                    field.append(b)
                }
            } else {
                switch b {
                case UInt8(ascii: "\""):
                    guard field.isEmpty, !fieldWasQuoted else {
                        throw CSVError(line: line, reason: "a quote inside an unquoted field (field \(record.count + 1))")
                    }
                    inQuotes = true
                    fieldWasQuoted = true
                case UInt8(ascii: ","):
                    try endField()
                case UInt8(ascii: "\r"):
                    break // CRLF line ends: the LF ends the record
                case UInt8(ascii: "\n"):
                    try endRecord()
                    line += 1
                    recordLine = line
                default:
                    if fieldWasQuoted {
                        throw CSVError(line: line, reason: "text after a closing quote (field \(record.count + 1))")
                    }
                    field.append(b)
                }
            }
            i += 1
        }
        if inQuotes { throw CSVError(line: recordLine, reason: "a quoted field is never closed") }
        if !field.isEmpty || !record.isEmpty || fieldWasQuoted { try endRecord() }

        guard let header = records.first else { throw CSVError(line: 1, reason: "the file is empty") }
        let width = header.count
        for (record, line) in zip(records.dropFirst(), lines.dropFirst()) where record.count != width {
            throw CSVError(line: line, reason: "\(record.count) fields where the header has \(width)")
        }
        self.header = header
        self.records = Array(records.dropFirst())
        self.lines = Array(lines.dropFirst())
    }

    /// The position of each named column; throws naming the first one that is missing.
    public func columns(_ names: [String]) throws(CSVError) -> [String: Int] {
        var result: [String: Int] = [:]
        for name in names {
            guard let index = header.firstIndex(of: name) else {
                throw CSVError(line: 1, reason: "column \"\(name)\" is missing from the header")
            }
            result[name] = index
        }
        return result
    }
}
