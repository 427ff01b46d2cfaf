import Accounts
import Fluent
import Localization
import Vapor

/// The signed-in person's own page, and an issuer's API tokens.
enum AccountController {
    static func account(_ req: Request) throws -> Response {
        let ctx = PageContext(req)
        guard let user = ctx.user else { throw Abort(.unauthorized) }
        return .html(AccountPages.account(ctx, user: user))
    }

    // MARK: API tokens (issuers)

    struct TokenForm: Content { var name: String? }

    static func tokens(_ req: Request) async throws -> Response {
        try await tokensPage(req, newToken: nil, error: nil)
    }

    static func createToken(_ req: Request) async throws -> Response {
        guard let user = req.user else { throw Abort(.unauthorized) }
        let ctx = PageContext(req)
        let name = ((try? req.content.decode(TokenForm.self))?.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 80 else {
            return try await tokensPage(
                req, newToken: nil, status: .badRequest,
                error: ctx.t("Geef de sleutel een naam van 1 tot 80 tekens.", "Give the key a name of 1 to 80 characters."))
        }
        let token = APITokens.prefix + req.application.dependencies.token()
        try await APITokenModel(
            userID: user.id.uuid, name: name, tokenHash: APITokens.hash(token),
            createdAt: req.application.dependencies.now()
        ).create(on: req.db)
        return try await tokensPage(req, newToken: token, error: nil)
    }

    static func revokeToken(_ req: Request) async throws -> Response {
        guard let user = req.user else { throw Abort(.unauthorized) }
        // Only the owner's own tokens: someone else's id is "not found", not "forbidden", to reveal nothing.
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
            let token = try await APITokenModel.query(on: req.db).filter(\.$id == id).filter(\.$userID == user.id.uuid).first()
        else {
            throw Abort(.notFound, reason: Lang.of(req).t("Deze sleutel bestaat niet.", "This key does not exist."))
        }
        if token.revokedAt == nil {
            token.revokedAt = req.application.dependencies.now()
            try await token.save(on: req.db)
        }
        return req.redirect(to: SiteRoute.tokens.link)
    }

    private static func tokensPage(_ req: Request, newToken: String?, status: HTTPStatus = .ok, error: String?) async throws -> Response {
        guard let user = req.user else { throw Abort(.unauthorized) }
        let tokens = try await APITokenModel.query(on: req.db).filter(\.$userID == user.id.uuid).sort(\.$createdAt, .descending).all()
        let rows = tokens.map { TokenRow(id: $0.id?.uuidString ?? "", name: $0.name, revoked: $0.revokedAt != nil) }
        return .html(AccountPages.tokens(PageContext(req), tokens: rows, newToken: newToken, error: error), status: status)
    }

    // MARK: API

    struct IssuerInfo: Content {
        let id: UUID
        let name: String
        let role: String
    }

    /// Who an API token belongs to: lets a platform check its key works.
    static func issuerMe(_ req: Request) throws -> IssuerInfo {
        guard let user = req.user else { throw Abort(.unauthorized) }
        return IssuerInfo(id: user.id.uuid, name: user.name, role: user.role.rawValue)
    }
}
