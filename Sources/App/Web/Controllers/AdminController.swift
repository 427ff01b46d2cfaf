import Foundation
import Accounts
import Fluent
import Vapor

/// The admin's overview: the taxonomy import and the accounts, with role changes.
enum AdminController {
    struct RoleForm: Content { var role: String? }

    static func overview(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        // All accounts, a page at a time, or those whose e-mail or name holds the search text
        // (the page once showed only the first 500).
        let search = String((req.query[String.self, at: "zoek"] ?? "").trimmingCharacters(in: .whitespaces).prefix(100))
        let page = max(1, min(req.query[Int.self, at: "pagina"] ?? 1, 100_000))
        func matching() -> QueryBuilder<UserModel> {
            let query = UserModel.query(on: req.db)
            guard !search.isEmpty else { return query }
            return query.group(.or) { $0.filter(\.$email ~~ search.lowercased()).filter(\.$name ~~ search) }
        }
        let total = try await matching().count()
        let users = try await matching().sort(\.$email).range(((page - 1) * Self.pageSize)..<(page * Self.pageSize)).all()
        let lastImport = try await TaxonomyStore(database: req.db).latestImport()
        let index = req.application.taxonomy.index
        var main: [Node] = [el("h1", text(ctx.t("Beheer", "Admin"))),
                            el("p", el("a", ["href": SiteRoute.adminCareer.link()],
                                       text(ctx.t("Tekortberoepen, cursussen en vacatures bijwerken", "Update shortage occupations, courses and vacancies"))))]
        main.append(el("h2", text(ctx.t("Beroepenlijst (ESCO)", "Occupation list (ESCO)"))))
        if let lastImport, let index {
            let locale = Locale(identifier: ctx.lang.isEnglish ? "en_GB" : "nl_NL")
            func number(_ n: Int) -> String { n.formatted(.number.locale(locale)) }
            let date = lastImport.importedAt.formatted(.dateTime.day().month(.wide).year().hour().minute().locale(locale))
            main.append(el("p", text(ctx.t(
                "ESCO \(lastImport.version): \(number(index.occupations.count)) beroepen, \(number(index.skillCount)) vaardigheden, \(number(index.relationCount)) koppelingen. Ingelezen op \(date).",
                "ESCO \(lastImport.version): \(number(index.occupations.count)) occupations, \(number(index.skillCount)) skills, \(number(index.relationCount)) links. Imported on \(date)."))))
        } else {
            main.append(el("p", ["class": "notice"], text(ctx.t("Nog niet ingelezen. Gebruik: loopbrug taxonomy import", "Not imported yet. Use: loopbrug taxonomy import"))))
        }
        main.append(el("h2", text(ctx.t("Accounts", "Accounts"))))
        main.append(el("form", ["method": "get", "action": SiteRoute.admin.link(), "class": "search", "role": "search"],
                       el("label", ["for": "zoek"], text(ctx.t("Zoek op e-mail of naam", "Search by e-mail or name"))),
                       el("input", ["id": "zoek", "name": "zoek", "type": "search", "value": search, "autocomplete": "off"]),
                       el("button", ["type": "submit"], text(ctx.t("Zoeken", "Search")))))
        main.append(pager(ctx, search: search, page: page, shown: users.count, total: total))
        main.append(el("table", ["class": "stack"],
                       el("thead", el("tr", el("th", ["scope": "col"], text(ctx.t("Naam", "Name"))),
                                       el("th", ["scope": "col"], text(ctx.t("E-mail", "E-mail"))),
                                       el("th", ["scope": "col"], text(ctx.t("Rol", "Role"))))),
                       el("tbody", children: users.map { user in
                           let id = user.id?.uuidString ?? ""
                           let options = Role.allCases.map { role -> Node in
                               var a: [(String, String)] = [("value", role.rawValue)]
                               if role.rawValue == user.role { a.append(("selected", "")) }
                               return el("option", attributes: a, children: [text(ctx.lang.isEnglish ? role.englishName : role.dutchName)])
                           }
                           return el("tr",
                                     el("td", text(user.name)),
                                     el("td", text(user.email)),
                                     el("td", el("form", ["method": "post", "action": SiteRoute.adminSetRole.link(id), "class": "search"],
                                                 ctx.csrfField,
                                                 el("label", ["for": "role-\(id)", "class": "skip"], text(ctx.t("Rol van \(user.name)", "Role of \(user.name)"))),
                                                 el("select", ["id": "role-\(id)", "name": "role"], children: options),
                                                 el("button", ["type": "submit", "class": "secondary"], text(ctx.t("Opslaan", "Save"))))))
                       })))
        return renderPage(ctx, title: ctx.t("Beheer", "Admin"), main)
    }

    static let pageSize = 100

    /// "Accounts 101–200 of 1,234" with links to the pages before and after.
    static func pager(_ ctx: PageContext, search: String, page: Int, shown: Int, total: Int) -> Node {
        let first = shown == 0 ? 0 : (page - 1) * pageSize + 1, last = (page - 1) * pageSize + shown
        var nodes: [Node] = [text(ctx.t("Accounts \(first)–\(last) van \(total)", "Accounts \(first)–\(last) of \(total)"))]
        func link(_ to: Int, _ label: String) -> Node {
            var query = "?pagina=\(to)"
            if !search.isEmpty { query += "&zoek=" + (search.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") }
            return fragment([text(" · "), el("a", ["href": SiteRoute.admin.link() + query], text(label))])
        }
        if page > 1 { nodes.append(link(page - 1, ctx.t("vorige", "previous"))) }
        if last < total { nodes.append(link(page + 1, ctx.t("volgende", "next"))) }
        return el("p", ["class": "meta"], children: nodes)
    }

    static func setRole(_ req: Request) async throws -> Response {
        guard let admin = req.user else { throw Abort(.unauthorized) }
        let lang = Lang.of(req)
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
              let user = try await UserModel.find(id, on: req.db) else {
            throw Abort(.notFound, reason: lang.t("Dit account bestaat niet.", "This account does not exist."))
        }
        guard let roleText = (try? req.content.decode(RoleForm.self))?.role, let role = Role(rawValue: roleText) else {
            throw Abort(.badRequest, reason: lang.t("Kies een bestaande rol.", "Choose an existing role."))
        }
        // An admin cannot demote themselves: the site must never be left without an admin by accident.
        guard !(user.id == admin.id && role != .admin) else {
            throw Abort(.badRequest, reason: lang.t("Je kunt je eigen beheerdersrol niet weghalen.", "You cannot remove your own admin role."))
        }
        user.role = role.rawValue
        try await user.save(on: req.db)
        return req.redirect(to: SiteRoute.admin.link())
    }
}
