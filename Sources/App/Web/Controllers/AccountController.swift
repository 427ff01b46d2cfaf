import Accounts
import Fluent
import Vapor

/// The signed-in person's own page, and an issuer's API tokens.
enum AccountController {
    static func account(_ req: Request) throws -> Response {
        let ctx = PageContext(req)
        guard let user = ctx.user else { throw Abort(.unauthorized) }
        let roleName = ctx.lang.isEnglish ? user.role.englishName : user.role.dutchName
        var main: [Node] = [
            el("h1", text(ctx.t("Welkom, \(user.name)", "Welcome, \(user.name)"))),
            el("dl",
               el("dt", text(ctx.t("E-mailadres", "E-mail address"))), el("dd", text(user.email)),
               el("dt", text(ctx.t("Je rol", "Your role"))), el("dd", text(roleName))),
            el("h2", text(ctx.t("Wat je nu kunt doen", "What you can do now"))),
        ]
        var actions: [Node] = [el("li", el("a", ["href": SiteRoute.occupationSearch.link()],
                                           text(ctx.t("Zoek een beroep en bekijk de vaardigheden", "Search an occupation and see its skills"))))]
        switch user.role {
        case .issuer:
            actions.append(el("li", el("a", ["href": SiteRoute.tokens.link()], text(ctx.t("Beheer je API-sleutels", "Manage your API keys")))))
            actions.append(el("li", el("a", ["href": SiteRoute.issuerUploadForm.link()], text(ctx.t("Upload werkbewijzen (JSON Lines)", "Upload work credentials (JSON Lines)")))))
        case .admin:
            actions.append(el("li", el("a", ["href": SiteRoute.admin.link()], text(ctx.t("Beheer accounts en de beroepenlijst", "Manage accounts and the occupation list")))))
        case .analyst:
            actions.append(el("li", el("a", ["href": SiteRoute.insight.link()], text(ctx.t("Analyseer de kwetsbare werkenden in je gemeente", "Analyse the vulnerable workers in your municipality")))))
        case .worker:
            actions.append(el("li", el("a", ["href": SiteRoute.passport.link()], text(ctx.t("Bekijk je werkpaspoort", "See your work passport")))))
            actions.append(el("li", el("a", ["href": SiteRoute.passportExport.link()], text(ctx.t("Download al je gegevens (zip)", "Download all your data (zip)")))))
        default:
            break
        }
        actions.append(el("li", el("a", ["href": SiteRoute.passwordForm.link()], text(ctx.t("Wachtwoord veranderen", "Change password")))))
        actions.append(el("li", el("a", ["href": SiteRoute.accountDeleteForm.link()], text(ctx.t("Account verwijderen", "Delete account")))))
        main.append(el("ul", children: actions))
        return renderPage(ctx, title: ctx.t("Mijn account", "My account"), main)
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
            return try await tokensPage(req, newToken: nil, status: .badRequest,
                                        error: ctx.t("Geef de sleutel een naam van 1 tot 80 tekens.", "Give the key a name of 1 to 80 characters."))
        }
        let token = APITokens.prefix + req.application.dependencies.token()
        try await APITokenModel(userID: user.id, name: name, tokenHash: APITokens.hash(token),
                                createdAt: req.application.dependencies.now()).create(on: req.db)
        return try await tokensPage(req, newToken: token, error: nil)
    }

    static func revokeToken(_ req: Request) async throws -> Response {
        guard let user = req.user else { throw Abort(.unauthorized) }
        // Only the owner's own tokens: someone else's id is "not found", not "forbidden", to reveal nothing.
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
              let token = try await APITokenModel.query(on: req.db).filter(\.$id == id).filter(\.$userID == user.id).first() else {
            throw Abort(.notFound, reason: Lang.of(req).t("Deze sleutel bestaat niet.", "This key does not exist."))
        }
        if token.revokedAt == nil {
            token.revokedAt = req.application.dependencies.now()
            try await token.save(on: req.db)
        }
        return req.redirect(to: SiteRoute.tokens.link())
    }

    private static func tokensPage(_ req: Request, newToken: String?, status: HTTPStatus = .ok, error: String?) async throws -> Response {
        guard let user = req.user else { throw Abort(.unauthorized) }
        let ctx = PageContext(req)
        let tokens = try await APITokenModel.query(on: req.db).filter(\.$userID == user.id).sort(\.$createdAt, .descending).all()
        let title = ctx.t("API-sleutels", "API keys")
        var main: [Node] = [
            el("h1", text(title)),
            el("p", text(ctx.t("Met een API-sleutel stuurt jouw platform werkgegevens naar Loopbrug. Deel een sleutel nooit.",
                               "With an API key your platform sends work records to Loopbrug. Never share a key."))),
        ]
        if let newToken {
            main.append(el("div", ["class": "ok", "role": "status"],
                           el("p", text(ctx.t("Je nieuwe sleutel. Kopieer hem nu: je ziet hem maar één keer.", "Your new key. Copy it now: you see it only once."))),
                           el("p", el("code", ["class": "token"], text(newToken)))))
        }
        if let error { main.append(el("p", ["class": "notice", "role": "alert"], text(error))) }
        main.append(el("form", ["method": "post", "action": SiteRoute.tokenCreate.link()],
                       ctx.csrfField,
                       formField(id: "name", label: ctx.t("Naam van de nieuwe sleutel", "Name of the new key"), autocomplete: "off",
                                 hint: ctx.t("Bijvoorbeeld: koppeling productie", "For example: production link")),
                       el("button", ["type": "submit"], text(ctx.t("Sleutel maken", "Create key")))))
        if !tokens.isEmpty {
            main.append(el("h2", text(ctx.t("Je sleutels", "Your keys"))))
            main.append(el("table",
                           el("thead", el("tr", el("th", ["scope": "col"], text(ctx.t("Naam", "Name"))),
                                           el("th", ["scope": "col"], text(ctx.t("Status", "Status"))),
                                           el("th", ["scope": "col"], text(ctx.t("Actie", "Action"))))),
                           el("tbody", children: tokens.map { token in
                               let revoked = token.revokedAt != nil
                               return el("tr",
                                         el("td", text(token.name)),
                                         el("td", text(revoked ? ctx.t("ingetrokken", "revoked") : ctx.t("actief", "active"))),
                                         el("td", revoked ? text("–") : el("form", ["method": "post", "action": SiteRoute.tokenRevoke.link(token.id?.uuidString ?? "")],
                                                                         ctx.csrfField,
                                                                         el("button", ["type": "submit", "class": "secondary",
                                                                                       "aria-label": ctx.t("Trek sleutel \(token.name) in", "Revoke key \(token.name)")],
                                                                            text(ctx.t("Intrekken", "Revoke"))))))
                           })))
        }
        return renderPage(ctx, title: title, status: status, main)
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
        return IssuerInfo(id: user.id, name: user.name, role: user.role.rawValue)
    }
}
