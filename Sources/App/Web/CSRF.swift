import Crypto
import Foundation
import Localization
import Passport
import Vapor

/// Cross-site request forgery protection: every form carries a token, and every form post must
/// send it back; a post from another site cannot know it.
///
/// A signed-in person's token is tied to their session. An anonymous visitor (the login and
/// sign-up forms) gets no session at all, so looking at a page writes nothing to the database:
/// their token is an HMAC, under a key of this process, of a random value in a cookie. Another
/// site can neither read the cookie nor, without the key, make a token that fits one it planted.
enum CSRF {
    static let sessionKey = "csrf"
    static let fieldName = "_csrf"
    static let cookieName = "loopbrug_form"

    /// The token for this request's forms, created on first use.
    static func token(for req: Request) -> String {
        if req.hasSession {
            if let existing = req.session.data[sessionKey] { return existing }
            let token = req.application.dependencies.token()
            req.session.data[sessionKey] = token
            return token
        }
        let value =
            req.cookies[cookieName]?.string ?? req.storage[NewCookie.self]
            ?? {
                let fresh = req.application.dependencies.token()
                req.storage[NewCookie.self] = fresh
                return fresh
            }()
        return sign(value, req.application)
    }

    static func isValid(_ req: Request) -> Bool {
        guard let sent = try? req.content.get(String.self, at: fieldName) else { return false }
        if req.hasSession, let expected = req.session.data[sessionKey] {
            return constantTimeEquals(Array(expected.utf8), Array(sent.utf8))
        }
        guard let value = req.cookies[cookieName]?.string, !value.isEmpty else { return false }
        return constantTimeEquals(Array(sign(value, req.application).utf8), Array(sent.utf8))
    }

    static func sign(_ value: String, _ app: Application) -> String {
        Base64URL.encode(Array(HMAC<SHA256>.authenticationCode(for: Data(value.utf8), using: app.formKey)))
    }

    private static func constantTimeEquals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// A cookie value made for this request, which the response must set.
    struct NewCookie: StorageKey { typealias Value = String }
}

/// Sets the anonymous visitor's form cookie when a page made one.
struct CSRFCookieMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: req)
        if let value = req.storage[CSRF.NewCookie.self] {
            response.cookies[CSRF.cookieName] = HTTPCookies.Value(
                string: value, path: "/", isSecure: req.application.config.secureCookies,
                isHTTPOnly: true, sameSite: .lax)
        }
        return response
    }
}

extension Application {
    private struct FormKey: StorageKey { typealias Value = SymmetricKey }

    /// The key anonymous form tokens are signed with, new for every process: a form shown before
    /// a restart says "reload the page" (several instances will share one; see issue 21).
    var formKey: SymmetricKey {
        get { storage[FormKey.self]! }
        set { storage[FormKey.self] = newValue }
    }
}

/// Rejects a form post without the session's CSRF token, before the handler runs.
struct CSRFMiddleware: AsyncMiddleware {
    /// The route's body limit: middleware runs before the route collects the body, so a form
    /// larger than one network read (a long list of ticked skills) must be collected here first.
    let maxBodyBytes: Int

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        _ = try await req.body.collect(max: maxBodyBytes).get()
        guard CSRF.isValid(req) else {
            throw Abort(
                .forbidden,
                reason: Lang.of(req).t(
                    "Dit formulier is verlopen of niet geldig. Laad de pagina opnieuw en probeer het nog eens.",
                    "This form has expired or is not valid. Reload the page and try again."))
        }
        return try await next.respond(to: req)
    }
}
