import Vapor

/// The interface language of one request: Dutch unless the visitor chose English.
public struct Lang: Sendable {
    public let code: String

    public static let nl = Lang(code: "nl")
    public static let en = Lang(code: "en")

    public var isEnglish: Bool { code == "en" }

    /// Picks the Dutch or English text.
    public func t(_ dutch: String, _ english: String) -> String { isEnglish ? english : dutch }

    static let cookieName = "lang"

    static func of(_ req: Request) -> Lang {
        req.cookies[cookieName]?.string == "en" ? .en : .nl
    }
}
