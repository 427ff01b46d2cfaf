/// A problem in a CSV file: the physical line it is on (1-based), the field (1-based) when one
/// field is to blame, and what is wrong.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    public let field: Int?
    /// What is wrong, without the place ("not valid UTF-8").
    public let problem: String

    public init(line: Int, field: Int? = nil, problem: String) {
        self.line = line
        self.field = field
        self.problem = problem
    }

    /// The problem with its field: "not valid UTF-8 (field 2)".
    public var reason: String { field.map { "\(problem) (field \($0))" } ?? problem }

    public var description: String { "line \(line): \(reason)" }
}
