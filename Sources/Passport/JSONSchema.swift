import Days
import Foundation

/// A JSON Schema (draft 2020-12) validator for the keywords the Loopbrug standard uses. The
/// published schema file is loaded and compiled as it is, so Loopbrug enforces exactly what the
/// standard says; a keyword this validator does not know makes compiling fail rather than be
/// ignored. References: local `#/$defs/…` only.
public struct JSONSchema: Sendable {
    let root: Node
    public let id: String?

    public init(json: JSONValue) throws(SchemaCompileError) {
        let defs = json["$defs"]
        var compiler = Compiler(defs: defs)
        root = try compiler.compile(json, at: "#")
        id = json["$id"]?.stringValue
    }

    /// The first violation (the field's path and the reason), or nil when `value` is valid.
    public func firstViolation(in value: JSONValue, at path: String = "") -> (path: String, reason: String)? {
        var violation: (String, String)?
        var where_ = SchemaPath(prefix: path)
        _ = root.validate(value, path: &where_, first: &violation)
        return violation
    }
}

public struct SchemaCompileError: Error, CustomStringConvertible, Sendable {
    public let description: String
}

/// One compiled schema object. A class so that `$ref` cycles can share nodes.
final class Node: @unchecked Sendable {
    var types: [String]?
    var enumValues: [JSONValue]?
    var constValue: JSONValue?
    var required: [String] = []
    var properties: [String: Node] = [:]
    var additionalProperties: Node?
    var forbidAdditional = false
    var pattern: Pattern?
    var format: String?
    var minimum: Double?
    var maximum: Double?
    var exclusiveMinimum: Double?
    var minLength: Int?
    var maxLength: Int?
    var items: Node?
    var minItems: Int?
    var maxItems: Int?
    var uniqueItems = false
    var allOf: [Node] = []
    var anyOf: [Node] = []
    var ifNode: Node?
    var thenNode: Node?
    var elseNode: Node?
    var ref: Node?
    var alwaysFalse = false

    /// Validates; on failure stores the first violation and returns false.
    func validate(_ value: JSONValue, path: inout SchemaPath, first: inout (String, String)?) -> Bool {
        if alwaysFalse { return fail(path, "is not allowed here", &first) }
        if let ref, !ref.validate(value, path: &path, first: &first) { return false }
        if let types {
            let actual = value.typeName
            let ok = types.contains(actual) || (actual == "integer" && types.contains("number"))
            if !ok { return fail(path, "must be \(types.joined(separator: " or ")), not \(actual)", &first) }
        }
        if let constValue, value != constValue { return fail(path, "must be \(constValue.serialized())", &first) }
        if let enumValues, !enumValues.contains(value) {
            return fail(path, "must be one of \(enumValues.map { $0.serialized() }.joined(separator: ", "))", &first)
        }
        switch value {
        case .string(let s):
            let length = s.unicodeScalars.count
            if let minLength, length < minLength { return fail(path, minLength == 1 ? "must not be empty" : "must be at least \(minLength) characters", &first) }
            if let maxLength, length > maxLength { return fail(path, "must be at most \(maxLength) characters", &first) }
            if let pattern, !pattern.matches(s) { return fail(path, "does not match the pattern \(pattern.text)", &first) }
            if let format, let reason = FormatCheck.problem(format: format, value: s) { return fail(path, reason, &first) }
        case .number(let n):
            if let minimum, n < minimum { return fail(path, "must be at least \(JSONValue.number(minimum).serialized())", &first) }
            if let maximum, n > maximum { return fail(path, "must be at most \(JSONValue.number(maximum).serialized())", &first) }
            if let exclusiveMinimum, n <= exclusiveMinimum { return fail(path, "must be more than \(JSONValue.number(exclusiveMinimum).serialized())", &first) }
        case .array(let elements):
            if let minItems, elements.count < minItems { return fail(path, minItems == 1 ? "must not be empty" : "must have at least \(minItems) items", &first) }
            if let maxItems, elements.count > maxItems { return fail(path, "must have at most \(maxItems) items", &first) }
            if uniqueItems, Set(elements).count != elements.count { return fail(path, "must not repeat an item", &first) }
            if let items {
                for (index, element) in elements.enumerated() {
                    path.parts.append(.index(index))
                    defer { path.parts.removeLast() }
                    if !items.validate(element, path: &path, first: &first) { return false }
                }
            }
        case .object(let members):
            for name in required where members[name] == nil {
                path.parts.append(.name(name))
                defer { path.parts.removeLast() }
                return fail(path, "is required", &first)
            }
            // Members in dictionary order first (fast); only when one fails, again in name order,
            // so the reported violation is the same on every run.
            var probe: (String, String)?
            if !validateMembers(members, in: members.keys, path: &path, first: &probe) {
                return validateMembers(members, in: members.keys.sorted(), path: &path, first: &first)
            }
        default: break
        }
        for node in allOf where !node.validate(value, path: &path, first: &first) { return false }
        if !anyOf.isEmpty {
            var ignored: (String, String)?
            if !anyOf.contains(where: { $0.validate(value, path: &path, first: &ignored) }) {
                if first == nil { first = (ignored?.0 ?? path.description, ignored?.1 ?? "matches none of the allowed forms") }
                return false
            }
        }
        if let ifNode {
            var ignored: (String, String)?
            if ifNode.validate(value, path: &path, first: &ignored) {
                if let thenNode, !thenNode.validate(value, path: &path, first: &first) { return false }
            } else if let elseNode, !elseNode.validate(value, path: &path, first: &first) {
                return false
            }
        }
        return true
    }

    private func validateMembers(
        _ members: [String: JSONValue], in names: some Sequence<String>, path: inout SchemaPath,
        first: inout (String, String)?
    ) -> Bool {
        for name in names {
            path.parts.append(.name(name))
            defer { path.parts.removeLast() }
            if let node = properties[name] {
                if !node.validate(members[name]!, path: &path, first: &first) { return false }
            } else if forbidAdditional {
                return fail(path, "is not a field of this standard", &first)
            } else if let additionalProperties, !additionalProperties.validate(members[name]!, path: &path, first: &first) {
                return false
            }
        }
        return true
    }

    private func fail(_ path: SchemaPath, _ reason: String, _ first: inout (String, String)?) -> Bool {
        if first == nil { first = (path.description, reason) }
        return false
    }
}

/// Where the validator is in the document, joined into text ("a.b[2].c") only for a violation.
struct SchemaPath: CustomStringConvertible {
    enum Part { case name(String), index(Int) }
    let prefix: String
    var parts: [Part] = []

    init(prefix: String) { self.prefix = prefix }

    var description: String {
        var text = prefix
        for part in parts {
            switch part {
            case .name(let name): text += text.isEmpty ? name : "." + name
            case .index(let i): text += "[\(i)]"
            }
        }
        return text
    }
}

private struct Compiler {
    let defs: JSONValue?
    var compiledDefs: [String: Node] = [:]

    static let annotations: Set<String> = ["$schema", "$id", "$defs", "$comment", "title", "description", "examples", "default", "deprecated", "readOnly", "writeOnly"]

    init(defs: JSONValue?) { self.defs = defs }

    mutating func compile(_ json: JSONValue, at location: String) throws(SchemaCompileError) -> Node {
        let node = Node()
        if case .bool(let allowed) = json { node.alwaysFalse = !allowed; return node }
        guard case .object(let keywords) = json else { throw SchemaCompileError(description: "\(location): a schema must be an object or a boolean") }
        for (keyword, value) in keywords {
            let here = "\(location)/\(keyword)"
            switch keyword {
            case _ where Compiler.annotations.contains(keyword): continue
            case "type":
                if let one = value.stringValue { node.types = [one] } else { node.types = try strings(value, here) }
            case "enum": node.enumValues = value.arrayValue
            case "const": node.constValue = value
            case "required": node.required = try strings(value, here)
            case "properties":
                guard case .object(let props) = value else { throw SchemaCompileError(description: "\(here) must be an object") }
                for (name, schema) in props { node.properties[name] = try compile(schema, at: "\(here)/\(name)") }
            case "additionalProperties":
                if value == .bool(false) { node.forbidAdditional = true } else { node.additionalProperties = try compile(value, at: here) }
            case "pattern":
                guard let text = value.stringValue, let regex = try? NSRegularExpression(pattern: text) else { throw SchemaCompileError(description: "\(here) is not a regular expression") }
                node.pattern = Pattern(regex: regex, text: text)
            case "format": node.format = value.stringValue
            case "minimum": node.minimum = value.numberValue
            case "maximum": node.maximum = value.numberValue
            case "exclusiveMinimum": node.exclusiveMinimum = value.numberValue
            case "minLength": node.minLength = value.numberValue.map { Int($0) }
            case "maxLength": node.maxLength = value.numberValue.map { Int($0) }
            case "minItems": node.minItems = value.numberValue.map { Int($0) }
            case "maxItems": node.maxItems = value.numberValue.map { Int($0) }
            case "uniqueItems": node.uniqueItems = value == .bool(true)
            case "items": node.items = try compile(value, at: here)
            case "allOf": node.allOf = try list(value, here)
            case "anyOf": node.anyOf = try list(value, here)
            case "if": node.ifNode = try compile(value, at: here)
            case "then": node.thenNode = try compile(value, at: here)
            case "else": node.elseNode = try compile(value, at: here)
            case "$ref":
                guard let target = value.stringValue, target.hasPrefix("#/$defs/") else {
                    throw SchemaCompileError(description: "\(here): only local references (#/$defs/…) are supported")
                }
                node.ref = try definition(String(target.dropFirst("#/$defs/".count)), at: here)
            default:
                throw SchemaCompileError(description: "\(here): the keyword \"\(keyword)\" is not supported by Loopbrug's validator")
            }
        }
        return node
    }

    mutating func definition(_ name: String, at location: String) throws(SchemaCompileError) -> Node {
        if let done = compiledDefs[name] { return done }
        guard let json = defs?[name] else { throw SchemaCompileError(description: "\(location): no definition named \(name)") }
        let node = try compile(json, at: "#/$defs/\(name)")
        compiledDefs[name] = node
        return node
    }

    mutating func list(_ value: JSONValue, _ here: String) throws(SchemaCompileError) -> [Node] {
        guard let items = value.arrayValue else { throw SchemaCompileError(description: "\(here) must be an array") }
        var nodes: [Node] = []
        for (i, item) in items.enumerated() { nodes.append(try compile(item, at: "\(here)/\(i)")) }
        return nodes
    }

    func strings(_ value: JSONValue, _ here: String) throws(SchemaCompileError) -> [String] {
        guard let items = value.arrayValue else { throw SchemaCompileError(description: "\(here) must be an array of strings") }
        var out: [String] = []
        for item in items {
            guard let s = item.stringValue else { throw SchemaCompileError(description: "\(here) must be an array of strings") }
            out.append(s)
        }
        return out
    }
}

/// A compiled `pattern` that remembers its answers. Records repeat the same values (ESCO URIs,
/// sector codes, dates), and Foundation's regular expressions convert every string to UTF-16.
final class Pattern: @unchecked Sendable {
    let regex: NSRegularExpression
    let text: String
    private var known: [String: Bool] = [:]
    private let lock = NSLock()
    static let memoryLimit = 8192

    init(regex: NSRegularExpression, text: String) {
        self.regex = regex
        self.text = text
    }

    func matches(_ s: String) -> Bool {
        lock.lock()
        let cached = known[s]
        lock.unlock()
        if let cached { return cached }
        let result = regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
        lock.lock()
        if known.count < Pattern.memoryLimit { known[s] = result }
        lock.unlock()
        return result
    }
}

/// The `format` values the standard uses, checked strictly (JSON Schema leaves them optional).
enum FormatCheck {
    static func problem(format: String, value: String) -> String? {
        switch format {
        case "date": return Day(iso: value, latestYear: Day.latestRecordYear) == nil ? "must be a real date written YYYY-MM-DD" : nil
        case "date-time": return Timestamp.parse(value) == nil ? "must be a date and time like 2025-03-01T09:00:00Z" : nil
        case "uri":
            guard let colon = value.firstIndex(of: ":"), value.startIndex != colon,
                value[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }),
                !value.contains(" ")
            else { return "must be an absolute URI" }
            return nil
        default: return nil
        }
    }
}
