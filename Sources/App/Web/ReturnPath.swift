import Foundation

/// A page on this site to go back to after logging in or switching language (`?terug=`).
///
/// It ends up in a `Location` header, so it is parsed, not trusted: only `/` followed by URL
/// path and query characters (RFC 3986 pchar, `/`, `?`, `%`), so no control character can split
/// the header, and nothing a browser could read as another host: no `//` or `/\` at the start,
/// no backslash anywhere (browsers treat it as `/`), and no tab or newline, which browsers drop
/// before parsing (`/\t/evil.example` becomes `//evil.example`).
public struct ReturnPath: Hashable, Sendable, CustomStringConvertible {
    public let description: String

    /// Nil unless `raw` is a same-site path of at most 500 characters.
    init?(_ raw: String?) {
        guard let raw, raw.utf8.count <= 500, raw.utf8.first == UInt8(ascii: "/") else { return nil }
        guard raw.utf8.allSatisfy(Self.allowed) else { return nil }
        // "//host" is another host; "/%2F..." stays a path, but refuse it too: nothing here needs it.
        let second = raw.utf8.dropFirst().first
        guard second != UInt8(ascii: "/") else { return nil }
        guard !raw.lowercased().hasPrefix("/%2f"), !raw.lowercased().hasPrefix("/%5c") else { return nil }
        description = raw
    }

    /// Unreserved, sub-delims, ":", "@", "/", "?" and "%" (for escapes): printable ASCII only.
    private static func allowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return Self.punctuation.contains(byte)
        }
    }

    private static let punctuation = Set("-._~!$&'()*+,;=:@/?%".utf8)
}
