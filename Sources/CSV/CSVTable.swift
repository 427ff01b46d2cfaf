/// An RFC 4180 CSV file read into memory (by `CSVReader`): a header and records of UTF-8
/// strings, each with the line it starts on for error messages, all as wide as the header.
public struct CSVTable: Sendable {
    public let header: [String]
    public let records: [[String]]
    public let lines: [Int]

    /// Reads the whole file; the first problem stops it.
    public init(bytes: [UInt8]) throws(CSVError) {
        var reader = CSVReader(bytes)
        var records: [[String]] = []
        var lines: [Int] = []
        while let record = try reader.next() {
            records.append(record)
            lines.append(reader.recordLine)
        }
        guard let header = records.first else { throw CSVError(line: 1, .empty) }
        let width = header.count
        for (record, line) in zip(records.dropFirst(), lines.dropFirst()) where record.count != width {
            throw CSVError(line: line, .fieldCount(record.count, header: width))
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
                throw CSVError(line: 1, .missingColumn(name))
            }
            result[name] = index
        }
        return result
    }
}
