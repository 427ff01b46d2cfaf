import Foundation
import Localization

/// What every page needs to know, as plain values: a page is a function of this context and its
/// view model, so it renders in a test without a server or a request.
struct PageContext {
    let lang: Lang
    let user: SignedInUser?
    /// The page's own path and query, for the language switch to come back to.
    let returnPath: ReturnPath?
    /// The CSRF token for forms, made on first use: making one sets a cookie, and a page without
    /// a form should not set one.
    let formToken: () -> String

    init(lang: Lang, user: SignedInUser?, returnPath: ReturnPath?, formToken: @escaping () -> String) {
        self.lang = lang
        self.user = user
        self.returnPath = returnPath
        self.formToken = formToken
    }

    func t(_ dutch: String, _ english: String) -> String { lang.t(dutch, english) }

    /// A hidden CSRF field for a form in this page.
    var csrfField: Node {
        el("input", ["type": "hidden", "name": CSRF.fieldName, "value": formToken()])
    }
}

/// Wraps a page's main content in the site shell: header, language switch, footer.
func layout(_ ctx: PageContext, title: String, _ main: [Node]) -> Node {
    let otherLanguage = ctx.lang.isEnglish ? ("nl", "Nederlands") : ("en", "English")
    let languageLink = SiteRoute.language(code: otherLanguage.0, returnTo: ctx.returnPath).link

    var nav: [Node] = [
        el("li", el("a", ["href": SiteRoute.occupationSearch.link], text(ctx.t("Beroepen zoeken", "Search occupations"))))
    ]
    if let user = ctx.user {
        if user.role == .worker {
            nav.append(el("li", el("a", ["href": SiteRoute.passport.link], text(ctx.t("Mijn paspoort", "My passport")))))
            nav.append(el("li", el("a", ["href": SiteRoute.careerPaths.link], text(ctx.t("Waar kan ik naartoe?", "Where can I go?")))))
            nav.append(el("li", el("a", ["href": SiteRoute.work.link], text(ctx.t("Werk dat past", "Work that fits")))))
            nav.append(el("li", el("a", ["href": SiteRoute.leermiles().link], text(ctx.t("Leermiles", "Leermiles")))))
        }
        if user.role == .coach || user.role == .employer {
            nav.append(el("li", el("a", ["href": SiteRoute.funder().link], text(ctx.t("Leerfonds", "Learning fund")))))
        }
        if user.role == .employer {
            nav.append(el("li", el("a", ["href": SiteRoute.employerVacancies.link], text(ctx.t("Vacatures", "Vacancies")))))
            nav.append(el("li", el("a", ["href": SiteRoute.employerSearch.link], text(ctx.t("Mensen zoeken", "Find people")))))
        }
        if user.role == .analyst {
            nav.append(el("li", el("a", ["href": SiteRoute.insight.link], text(ctx.t("Analyse", "Analysis")))))
        }
        nav.append(el("li", el("a", ["href": SiteRoute.account.link], text(ctx.t("Mijn account", "My account")))))
        if user.role == .admin {
            nav.append(el("li", el("a", ["href": SiteRoute.admin().link], text(ctx.t("Beheer", "Admin")))))
        }
        nav.append(
            el(
                "li",
                el(
                    "form", ["method": "post", "action": SiteRoute.logout.link, "class": "inline"],
                    ctx.csrfField,
                    el("button", ["type": "submit", "class": "link"], text(ctx.t("Uitloggen", "Log out"))))))
    } else {
        nav.append(el("li", el("a", ["href": SiteRoute.loginForm().link], text(ctx.t("Inloggen", "Log in")))))
        nav.append(el("li", el("a", ["href": SiteRoute.registerForm.link], text(ctx.t("Account maken", "Sign up")))))
    }
    nav.append(el("li", el("a", ["href": languageLink, "lang": otherLanguage.0, "hreflang": otherLanguage.0], text(otherLanguage.1))))

    let document = el(
        "html", ["lang": ctx.lang.code],
        el(
            "head",
            el("meta", ["charset": "utf-8"]),
            el("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"]),
            el("title", text("\(title) · Loopbrug")),
            el("link", ["rel": "stylesheet", "href": SiteRoute.stylesheet.link])),
        el(
            "body",
            el("a", ["href": "#inhoud", "class": "skip"], text(ctx.t("Naar de inhoud", "Skip to content"))),
            el(
                "header", ["class": "site"],
                el("a", ["href": SiteRoute.home.link, "class": "brand"], text("Loopbrug")),
                el("nav", ["aria-label": ctx.t("Hoofdmenu", "Main menu")], el("ul", children: nav))),
            el("main", ["id": "inhoud"], children: main),
            el(
                "footer", ["class": "site"],
                el(
                    "p", text(ctx.t("Beroepen en vaardigheden: ", "Occupations and skills: ")),
                    el("a", ["href": "https://esco.ec.europa.eu"], text("ESCO classification, v1.1.1, © European Union")),
                    text(".")),
                paragraph(ctx.t("Loopbrug is open source.", "Loopbrug is open source.")))))
    return document
}

/// A file size for people: "128 MB", "1.2 MB", "64 kB" (binary units, as upload limits are set).
func sizeText(_ bytes: Int) -> String {
    if bytes >= 10 << 20 { return "\(bytes >> 20) MB" }
    if bytes >= 1 << 20 { return String(format: "%.1f MB", Double(bytes) / Double(1 << 20)) }
    return "\(max(1, bytes >> 10)) kB"
}

/// A labelled form field with an optional error message tied to it for screen readers.
func formField(
    id: String, label: String, type: String = "text", value: String = "", error: String? = nil,
    autocomplete: String, hint: String? = nil, required: Bool = true
) -> Node {
    var attributes: [(String, String)] = [("id", id), ("name", id), ("type", type), ("autocomplete", autocomplete)]
    if !value.isEmpty { attributes.append(("value", value)) }
    if required { attributes.append(("required", "")) }
    var described: [String] = []
    if hint != nil { described.append("\(id)-hint") }
    if error != nil { described.append("\(id)-error"); attributes.append(("aria-invalid", "true")) }
    if !described.isEmpty { attributes.append(("aria-describedby", described.joined(separator: " "))) }
    var children: [Node] = [el("label", ["for": id], text(label))]
    if let hint { children.append(el("p", ["id": "\(id)-hint", "class": "hint"], text(hint))) }
    if let error { children.append(el("p", ["id": "\(id)-error", "class": "error"], text(error))) }
    children.append(el("input", attributes: attributes))
    return el("div", ["class": "field"], children: children)
}
