/// A problem in a CSV file: the physical line it is on (1-based), the field (1-based) when one
/// field is to blame, and what is wrong.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What can be wrong with the file itself, typed so that pages can say it in Dutch.
    public enum Kind: Sendable, Equatable {
        case notUTF8
        case unclosedQuote
        case textAfterClosingQuote
        case quoteInUnquotedField
        case empty
        case fieldCount(Int, header: Int)
        case missingColumn(String)
    }

    public let line: Int
    public let field: Int?
    public let kind: Kind

    public init(line: Int, field: Int? = nil, _ kind: Kind) {
        self.line = line
        self.field = field
        self.kind = kind
    }

    /// What is wrong, in English, without the place ("not valid UTF-8").
    public var problem: String {
        switch kind {
        case .notUTF8: "not valid UTF-8"
        case .unclosedQuote: "a quoted field is never closed"
        case .textAfterClosingQuote: "text after a closing quote"
        case .quoteInUnquotedField: "a quote inside an unquoted field"
        case .empty: "the file is empty"
        case .fieldCount(let count, let header): "\(count) fields where the header has \(header)"
        case .missingColumn(let name): "column \"\(name)\" is missing from the header"
        }
    }

    /// The problem with its field: "not valid UTF-8 (field 2)".
    public var reason: String { field.map { "\(problem) (field \($0))" } ?? problem }

    public var description: String { "line \(line): \(reason)" }
}
