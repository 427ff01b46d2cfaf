import Foundation
import Vapor

/// Cross-site request forgery protection: every form carries a random token tied to the
/// session, and every form post must send it back. A post from another site cannot know it.
enum CSRF {
    static let sessionKey = "csrf"
    static let fieldName = "_csrf"

    /// The session's token, created (with the session) on first use.
    static func token(for req: Request) -> String {
        if let existing = req.session.data[sessionKey] { return existing }
        let token = req.application.dependencies.token()
        req.session.data[sessionKey] = token
        return token
    }

    static func isValid(_ req: Request) -> Bool {
        guard req.hasSession, let expected = req.session.data[sessionKey],
              let sent = try? req.content.get(String.self, at: fieldName) else { return false }
        return constantTimeEquals(Array(expected.utf8), Array(sent.utf8))
    }

    private static func constantTimeEquals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
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
            throw Abort(.forbidden, reason: Lang.of(req).t(
                "Dit formulier is verlopen of niet geldig. Laad de pagina opnieuw en probeer het nog eens.",
                "This form has expired or is not valid. Reload the page and try again."))
        }
        return try await next.respond(to: req)
    }
}
