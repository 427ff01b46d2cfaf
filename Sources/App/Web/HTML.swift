/// A tiny HTML builder: every text and attribute value is escaped when rendered, so a page
/// cannot be broken (or attacked) by what people type. Void elements get no closing tag.
public struct Node: Sendable {
    fileprivate enum Kind: Sendable {
        case element(String, [(String, String)], [Node])
        case text(String)
        case fragment([Node])
        case prerendered(String)
    }

    fileprivate let kind: Kind

    public func render() -> String {
        var out = ""
        out.reserveCapacity(4096)
        write(to: &out)
        return out
    }

    fileprivate func write(to out: inout String) {
        switch kind {
        case .text(let s):
            out += escapeHTML(s)
        case .fragment(let nodes):
            for n in nodes { n.write(to: &out) }
        case .prerendered(let html):
            out += html
        case .element(let name, let attributes, let children):
            out += "<" + name
            for (key, value) in attributes {
                out += " " + key
                if !value.isEmpty { out += "=\"" + escapeHTML(value) + "\"" }
            }
            out += ">"
            guard !voidElements.contains(name) else { return }
            for c in children { c.write(to: &out) }
            out += "</" + name + ">"
        }
    }
}

private let voidElements: Set<String> = ["meta", "link", "input", "br", "hr", "img"]

/// An element: `el("a", ["href": "/"], text("Home"))`. Attributes with an empty value render bare (`required`).
public func el(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], _ children: Node...) -> Node {
    Node(kind: .element(name, attributes.map { ($0.key, $0.value) }, children))
}

/// An element without attributes: `el("li", text("one"))`.
public func el(_ name: String, _ children: Node...) -> Node {
    Node(kind: .element(name, [], children))
}

/// An element with a computed list of children.
public func el(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], children: [Node]) -> Node {
    Node(kind: .element(name, attributes.map { ($0.key, $0.value) }, children))
}

/// An element whose attributes are computed (for optional ones).
public func el(_ name: String, attributes: [(String, String)], children: [Node] = []) -> Node {
    Node(kind: .element(name, attributes, children))
}

public func text(_ s: String) -> Node { Node(kind: .text(s)) }

public func fragment(_ nodes: [Node]) -> Node { Node(kind: .fragment(nodes)) }

/// HTML rendered from nodes once, to be put into pages again without rendering it again (the
/// only way to make one is from a `Node`, so it is escaped like any other).
public struct RenderedHTML: Sendable {
    fileprivate let html: String
    public init(_ node: Node) { html = node.render() }
    public var node: Node { Node(kind: .prerendered(html)) }
}

public func escapeHTML(_ s: String) -> String {
    // Checked on the UTF-8 bytes: walking Characters (grapheme clusters) is many times slower.
    guard s.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }) else { return s }
    var out = ""
    out.reserveCapacity(s.utf8.count + 16)
    for c in s.unicodeScalars {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.unicodeScalars.append(c)
        }
    }
    return out
}

/// A paragraph of text, with an optional class: `paragraph(ctx.t("…", "…"), class: "lead")`.
func paragraph(_ s: String, class name: String? = nil) -> Node {
    name.map { el("p", ["class": $0], text(s)) } ?? el("p", text(s))
}

/// A table's head row: one column header (`scope="col"`) per text.
func tableHead(_ columns: String...) -> Node {
    el("thead", el("tr", children: columns.map { el("th", ["scope": "col"], text($0)) }))
}
