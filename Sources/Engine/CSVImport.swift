import CSV
import Days
import Foundation

/// A problem in one row of an imported CSV file: the line, the column and what is wrong.
public struct RowProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    public let field: String
    public let problem: InputProblem

    public init(line: Int, field: String, _ problem: InputProblem) {
        self.line = line
        self.field = field
        self.problem = problem
    }

    /// In English, for the CLI and tests; pages translate `problem`.
    public var message: String { problem.english }

    public var description: String { field.isEmpty ? "line \(line): \(message)" : "line \(line), \(field): \(message)" }
}

/// The outcome of checking a whole file: every good row, or every problem (and nothing is saved).
public enum CSVImportResult<Row: Sendable>: Sendable {
    case rows([Row])
    case problems([RowProblem])
}

/// Reads a CSV file with a fixed set of columns (any order, header on line 1) row by row,
/// collecting problems instead of stopping at the first, so one upload shows all of them.
public struct CSVRows {
    public let table: CSVTable
    private let column: [String: Int]
    /// At most this many problems are reported; a file with thousands of bad rows says so once.
    public static let problemLimit = 200

    /// Checks the file and its header; problems here mean no row can be read.
    public static func open(_ bytes: [UInt8], required: [String], optional: [String] = []) -> Result<CSVRows, RowProblem> {
        guard !bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
            return .failure(RowProblem(line: 1, field: "", .fileEmpty))
        }
        let table: CSVTable
        do { table = try CSVTable(bytes: bytes) } catch {
            return .failure(RowProblem(line: error.line, field: "", .unreadable(error)))
        }
        let header = table.header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if let missing = required.first(where: { !header.contains($0) }) {
            return .failure(RowProblem(line: 1, field: missing, .missingColumn(missing, required: required)))
        }
        if let unknown = header.first(where: { !required.contains($0) && !optional.contains($0) }) {
            return .failure(RowProblem(line: 1, field: unknown, .unknownColumn(unknown, allowed: required + optional)))
        }
        var duplicates = Set<String>()
        if let twice = header.first(where: { !duplicates.insert($0).inserted }) {
            return .failure(RowProblem(line: 1, field: twice, .duplicateColumn(twice)))
        }
        guard !table.records.isEmpty else { return .failure(RowProblem(line: 2, field: "", .noRows)) }
        return .success(CSVRows(table: table, column: Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0) })))
    }

    /// Calls `read` for every row; a `FieldProblem` it throws becomes a problem on that row's line.
    public func map<Row>(_ read: (CSVRow) throws(FieldProblem) -> Row) -> CSVImportResult<Row> {
        var rows: [Row] = [], problems: [RowProblem] = []
        for (i, record) in table.records.enumerated() {
            let line = table.lines[i]
            guard record.count == table.header.count else {
                problems.append(RowProblem(line: line, field: "", .fieldCount(record.count, header: table.header.count)))
                continue
            }
            do { rows.append(try read(CSVRow(values: record, column: column, line: line))) } catch {
                problems.append(RowProblem(line: line, field: error.field, error.problem))
            }
            if problems.count >= Self.problemLimit { break }
        }
        return problems.isEmpty ? .rows(rows) : .problems(problems)
    }
}

/// One row, read by column name; every reader names the column in its complaint.
public struct CSVRow {
    let values: [String]
    let column: [String: Int]
    public let line: Int

    /// A form's fields read the same way as a CSV row (line 0).
    public init(fields: [String: String]) {
        let names = Array(fields.keys)
        values = names.map { fields[$0]! }
        column = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        line = 0
    }

    init(values: [String], column: [String: Int], line: Int) {
        self.values = values
        self.column = column
        self.line = line
    }

    public func text(_ name: String) -> String {
        column[name].map { values[$0].trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
    }

    public func required(_ name: String, maxLength: Int = 200) throws(FieldProblem) -> String {
        let value = text(name)
        guard !value.isEmpty else { throw FieldProblem(name, .empty) }
        guard value.count <= maxLength else { throw FieldProblem(name, .tooLong(max: maxLength)) }
        return value
    }

    public func integer(_ name: String, in range: ClosedRange<Int>) throws(FieldProblem) -> Int {
        guard let n = Int(text(name)) else { throw FieldProblem(name, .notWholeNumber(text(name))) }
        guard range.contains(n) else { throw FieldProblem(name, .outOfRange(n, range)) }
        return n
    }

    /// An amount in euros: "12.50" or "12,50".
    public func euros(_ name: String) throws(FieldProblem) -> Double {
        let raw = text(name).replacingOccurrences(of: ",", with: ".")
        guard let value = Double(raw), value >= 0, value < 1_000_000, value.isFinite else {
            throw FieldProblem(name, .notEuros(text(name)))
        }
        return value
    }

    /// yyyy-mm-dd, a real date.
    public func date(_ name: String) throws(FieldProblem) -> String {
        let value = text(name)
        guard Day(iso: value, latestYear: Day.latestRecordYear) != nil else { throw FieldProblem(name, .notDate(value)) }
        return value
    }

    public func yesNo(_ name: String) throws(FieldProblem) -> Bool {
        switch text(name).lowercased() {
        case "yes", "ja", "true", "1": return true
        case "no", "nee", "false", "0", "": return false
        default: throw FieldProblem(name, .notYesNo(text(name)))
        }
    }

    /// A list separated by "|".
    public func list(_ name: String) -> [String] {
        text(name).split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
