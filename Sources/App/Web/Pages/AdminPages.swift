import Accounts
import Foundation

/// What the admin's overview shows: the imported taxonomy and one page of accounts.
struct AdminOverview {
    struct Taxonomy {
        let version: String
        let importedAt: Date
        let occupations: Int
        let skills: Int
        let relations: Int
    }

    struct Account {
        let id: String
        let name: String
        let email: String
        let role: String
    }

    static let pageSize = 100

    /// Nil until ESCO is imported.
    let taxonomy: Taxonomy?
    let search: String
    let page: Int
    let total: Int
    let accounts: [Account]
}

/// The admin's overview: the taxonomy import and the accounts, with role changes.
enum AdminPages {
    static func overview(_ ctx: PageContext, _ o: AdminOverview) -> Node {
        var main: [Node] = [
            el("h1", text(ctx.t("Beheer", "Admin"))),
            el(
                "p",
                el(
                    "a", ["href": SiteRoute.adminCareer.link],
                    text(ctx.t("Tekortberoepen, cursussen en vacatures bijwerken", "Update shortage occupations, courses and vacancies")))),
        ]
        main.append(el("h2", text(ctx.t("Beroepenlijst (ESCO)", "Occupation list (ESCO)"))))
        if let t = o.taxonomy {
            let locale = Locale(identifier: ctx.lang.isEnglish ? "en_GB" : "nl_NL")
            func number(_ n: Int) -> String { n.formatted(.number.locale(locale)) }
            let date = t.importedAt.formatted(.dateTime.day().month(.wide).year().hour().minute().locale(locale))
            main.append(
                paragraph(
                    ctx.t(
                        "ESCO \(t.version): \(number(t.occupations)) beroepen, \(number(t.skills)) vaardigheden, \(number(t.relations)) koppelingen. Ingelezen op \(date).",
                        "ESCO \(t.version): \(number(t.occupations)) occupations, \(number(t.skills)) skills, \(number(t.relations)) links. Imported on \(date).")))
        } else {
            main.append(paragraph(ctx.t("Nog niet ingelezen. Gebruik: loopbrug taxonomy import", "Not imported yet. Use: loopbrug taxonomy import"), class: "notice"))
        }
        main.append(el("h2", text(ctx.t("Accounts", "Accounts"))))
        main.append(
            el(
                "form", ["method": "get", "action": SiteRoute.admin().link, "class": "search", "role": "search"],
                el("label", ["for": "zoek"], text(ctx.t("Zoek op e-mail of naam", "Search by e-mail or name"))),
                el("input", ["id": "zoek", "name": "zoek", "type": "search", "value": o.search, "autocomplete": "off"]),
                el("button", ["type": "submit"], text(ctx.t("Zoeken", "Search")))))
        main.append(pager(ctx, o))
        main.append(
            el(
                "table", ["class": "stack"],
                tableHead(ctx.t("Naam", "Name"), ctx.t("E-mail", "E-mail"), ctx.t("Rol", "Role")),
                el("tbody", children: o.accounts.map { accountRow(ctx, $0) })))
        return layout(ctx, title: ctx.t("Beheer", "Admin"), main)
    }

    private static func accountRow(_ ctx: PageContext, _ user: AdminOverview.Account) -> Node {
        let options = Role.allCases.map { role -> Node in
            var a: [(String, String)] = [("value", role.rawValue)]
            if role.rawValue == user.role { a.append(("selected", "")) }
            return el("option", attributes: a, children: [text(ctx.lang.isEnglish ? role.englishName : role.dutchName)])
        }
        return el(
            "tr",
            el("td", text(user.name)),
            el("td", text(user.email)),
            el(
                "td",
                el(
                    "form", ["method": "post", "action": SiteRoute.adminSetRole(userID: user.id).link, "class": "search"],
                    ctx.csrfField,
                    el("label", ["for": "role-\(user.id)", "class": "skip"], text(ctx.t("Rol van \(user.name)", "Role of \(user.name)"))),
                    el("select", ["id": "role-\(user.id)", "name": "role"], children: options),
                    el("button", ["type": "submit", "class": "secondary"], text(ctx.t("Opslaan", "Save"))))))
    }

    /// "Accounts 101–200 of 1,234" with links to the pages before and after.
    static func pager(_ ctx: PageContext, _ o: AdminOverview) -> Node {
        let size = AdminOverview.pageSize
        let first = o.accounts.isEmpty ? 0 : (o.page - 1) * size + 1, last = (o.page - 1) * size + o.accounts.count
        var nodes: [Node] = [text(ctx.t("Accounts \(first)–\(last) van \(o.total)", "Accounts \(first)–\(last) of \(o.total)"))]
        func link(_ to: Int, _ label: String) -> Node {
            fragment([text(" · "), el("a", ["href": SiteRoute.admin(page: to, search: o.search).link], text(label))])
        }
        if o.page > 1 { nodes.append(link(o.page - 1, ctx.t("vorige", "previous"))) }
        if last < o.total { nodes.append(link(o.page + 1, ctx.t("volgende", "next"))) }
        return el("p", ["class": "meta"], children: nodes)
    }
}
