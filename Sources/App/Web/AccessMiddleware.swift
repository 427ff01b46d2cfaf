import Crypto
import Fluent
import Foundation
import Localization
import Vapor

/// Enforces a route's `Access` before its handler runs.
/// Pages send a visitor who is not signed in to the login page and answer a wrong role with 403;
/// the API answers 401 without a valid token and 403 for a token of another role.
struct AccessMiddleware: AsyncMiddleware {
    let route: SiteRoute

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            if let redirect = try await check(req) { return redirect }
        } catch {
            // Read (up to 1 MB of) a refused request's body first: answering before the client has
            // sent it makes the server drop the connection, and the client never sees why.
            _ = try? await req.body.collect(max: 1 << 20).get()
            throw error
        }
        return try await next.respond(to: req)
    }

    /// Nil when the request may go on; a redirect to the login form for a page; throws when refused.
    private func check(_ req: Request) async throws -> Response? {
        switch route.access {
        case .everyone:
            break
        case .signedIn(let roles):
            guard let user = req.user else {
                if route.method == .GET {
                    return req.redirect(to: SiteRoute.loginForm(returnTo: ReturnPath(req.url.path)).link, redirectType: .normal)
                }
                throw Abort(.unauthorized, reason: Lang.of(req).t("Log eerst in.", "Please log in first."))
            }
            if let roles, !roles.contains(user.role) {
                throw Abort(.forbidden, reason: Lang.of(req).t("Je hebt geen toegang tot deze pagina.", "You do not have access to this page."))
            }
        case .apiToken(let role):
            guard let bearer = req.headers.bearerAuthorization?.token, !bearer.isEmpty else {
                throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer"], reason: "an API token is required (Authorization: Bearer …)")
            }
            guard let user = try await APITokens.user(for: bearer, on: req.db, now: req.application.dependencies.now()) else {
                throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer"], reason: "the API token is unknown or revoked")
            }
            guard user.role == role else { throw Abort(.forbidden, reason: "this token's account is not a \(role.rawValue)") }
            req.user = user
        }
        return nil
    }
}

/// Issuing and checking API tokens. Tokens are random; only their SHA-256 is stored.
enum APITokens {
    static let prefix = "lbk_"

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func user(for token: String, on db: any Database, now: Date) async throws -> SignedInUser? {
        guard token.hasPrefix(prefix), token.count < 200,
            let record = try await APITokenModel.query(on: db)
                .filter(\.$tokenHash == hash(token)).filter(\.$revokedAt == nil).first(),
            let user = try await UserModel.find(record.userID, on: db)?.signedIn
        else { return nil }
        record.lastUsedAt = now
        try await record.save(on: db)
        return user
    }
}
