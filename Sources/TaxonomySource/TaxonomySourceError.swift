/// Why the ESCO files could not be read, naming the file (and the entry and line inside it).
public struct TaxonomySourceError: Error, Sendable, CustomStringConvertible, Equatable {
    public let file: String
    public let line: Int?
    public let reason: String

    public init(file: String, line: Int? = nil, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String {
        if let line { return "\(file), line \(line): \(reason)" }
        return "\(file): \(reason)"
    }
}
