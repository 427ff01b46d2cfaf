import Localization
import Vapor

extension Lang {
    static let cookieName = "lang"

    /// The language of one request: the `lang` cookie, Dutch without one.
    static func of(_ req: Request) -> Lang {
        req.cookies[cookieName]?.string == "en" ? .en : .nl
    }
}
