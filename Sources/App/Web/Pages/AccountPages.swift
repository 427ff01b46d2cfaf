import Foundation
import Passport

/// An API key as its owner sees it (never the key itself: only its hash is kept).
struct TokenRow {
    let id: String
    let name: String
    let revoked: Bool
}

/// The signed-in person's own page, an issuer's API keys, and deleting an account: the warning
/// and form, and the receipt afterwards.
enum AccountPages {
    static func account(_ ctx: PageContext, user: SignedInUser) -> Node {
        let roleName = ctx.lang.isEnglish ? user.role.englishName : user.role.dutchName
        var main: [Node] = [
            el("h1", text(ctx.t("Welkom, \(user.name)", "Welcome, \(user.name)"))),
            el(
                "dl",
                el("dt", text(ctx.t("E-mailadres", "E-mail address"))), el("dd", text(user.email)),
                el("dt", text(ctx.t("Je rol", "Your role"))), el("dd", text(roleName))),
            el("h2", text(ctx.t("Wat je nu kunt doen", "What you can do now"))),
        ]
        var actions: [Node] = [
            el(
                "li",
                el(
                    "a", ["href": SiteRoute.occupationSearch.link],
                    text(ctx.t("Zoek een beroep en bekijk de vaardigheden", "Search an occupation and see its skills"))))
        ]
        switch user.role {
        case .issuer:
            actions.append(el("li", el("a", ["href": SiteRoute.tokens.link], text(ctx.t("Beheer je API-sleutels", "Manage your API keys")))))
            actions.append(el("li", el("a", ["href": SiteRoute.issuerUploadForm.link], text(ctx.t("Upload werkbewijzen (JSON Lines)", "Upload work credentials (JSON Lines)")))))
        case .admin:
            actions.append(el("li", el("a", ["href": SiteRoute.admin().link], text(ctx.t("Beheer accounts en de beroepenlijst", "Manage accounts and the occupation list")))))
        case .analyst:
            actions.append(el("li", el("a", ["href": SiteRoute.insight.link], text(ctx.t("Analyseer de kwetsbare werkenden in je gemeente", "Analyse the vulnerable workers in your municipality")))))
        case .worker:
            actions.append(el("li", el("a", ["href": SiteRoute.passport.link], text(ctx.t("Bekijk je werkpaspoort", "See your work passport")))))
            actions.append(el("li", el("a", ["href": SiteRoute.passportExport.link], text(ctx.t("Download al je gegevens (zip)", "Download all your data (zip)")))))
        default:
            break
        }
        actions.append(el("li", el("a", ["href": SiteRoute.passwordForm().link], text(ctx.t("Wachtwoord veranderen", "Change password")))))
        actions.append(el("li", el("a", ["href": SiteRoute.accountDeleteForm.link], text(ctx.t("Account verwijderen", "Delete account")))))
        main.append(el("ul", children: actions))
        return layout(ctx, title: ctx.t("Mijn account", "My account"), main)
    }

    /// An issuer's API keys; `newToken` is shown once, right after it was made.
    static func tokens(_ ctx: PageContext, tokens: [TokenRow], newToken: String?, error: String?) -> Node {
        let title = ctx.t("API-sleutels", "API keys")
        var main: [Node] = [
            el("h1", text(title)),
            paragraph(
                ctx.t(
                    "Met een API-sleutel stuurt jouw platform werkgegevens naar Loopbrug. Deel een sleutel nooit.",
                    "With an API key your platform sends work records to Loopbrug. Never share a key.")),
        ]
        if let newToken {
            main.append(
                el(
                    "div", ["class": "ok", "role": "status"],
                    paragraph(ctx.t("Je nieuwe sleutel. Kopieer hem nu: je ziet hem maar één keer.", "Your new key. Copy it now: you see it only once.")),
                    el("p", el("code", ["class": "token"], text(newToken)))))
        }
        if let error { main.append(el("p", ["class": "notice", "role": "alert"], text(error))) }
        main.append(
            el(
                "form", ["method": "post", "action": SiteRoute.tokenCreate.link],
                ctx.csrfField,
                formField(
                    id: "name", label: ctx.t("Naam van de nieuwe sleutel", "Name of the new key"), autocomplete: "off",
                    hint: ctx.t("Bijvoorbeeld: koppeling productie", "For example: production link")),
                el("button", ["type": "submit"], text(ctx.t("Sleutel maken", "Create key")))))
        if !tokens.isEmpty {
            main.append(el("h2", text(ctx.t("Je sleutels", "Your keys"))))
            main.append(
                el(
                    "table",
                    tableHead(ctx.t("Naam", "Name"), ctx.t("Status", "Status"), ctx.t("Actie", "Action")),
                    el(
                        "tbody",
                        children: tokens.map { token in
                            let revoked = token.revoked
                            return el(
                                "tr",
                                el("td", text(token.name)),
                                el("td", text(revoked ? ctx.t("ingetrokken", "revoked") : ctx.t("actief", "active"))),
                                el(
                                    "td",
                                    revoked
                                        ? text("–")
                                        : el(
                                            "form", ["method": "post", "action": SiteRoute.tokenRevoke(id: token.id).link],
                                            ctx.csrfField,
                                            el(
                                                "button",
                                                [
                                                    "type": "submit", "class": "secondary",
                                                    "aria-label": ctx.t("Trek sleutel \(token.name) in", "Revoke key \(token.name)"),
                                                ],
                                                text(ctx.t("Intrekken", "Revoke"))))))
                        })))
        }
        return layout(ctx, title: title, main)
    }

    static func deleteForm(_ ctx: PageContext, problem: String?) -> Node {
        let title = ctx.t("Account verwijderen", "Delete account")
        var main: [Node] = [
            el("h1", text(title)),
            paragraph(
                ctx.t(
                    "Als je je account verwijdert, gooien we alles weg: je account, je werkpaspoort, je codes en je links. Links die je hebt gedeeld, werken dan niet meer. Dit kun je niet ongedaan maken.",
                    "If you delete your account, we throw everything away: your account, your work passport, your codes and your links. Links you shared stop working. You cannot undo this.")),
        ]
        if ctx.user?.role == .worker {
            main.append(
                el(
                    "p", text(ctx.t("Wil je je gegevens eerst bewaren? ", "Want to keep your data first? ")),
                    el("a", ["href": SiteRoute.passportExport.link], text(ctx.t("Download al je gegevens (zip)", "Download all your data (zip)")))))
        }
        if let problem { main.append(el("p", ["class": "notice", "role": "alert"], text(problem))) }
        main.append(
            el(
                "form", ["method": "post", "action": SiteRoute.accountDelete.link],
                ctx.csrfField,
                formField(id: "password", label: ctx.t("Je wachtwoord", "Your password"), type: "password", autocomplete: "current-password"),
                el(
                    "div", ["class": "choice"],
                    el("input", ["type": "checkbox", "id": "confirm", "name": "confirm", "required": ""]),
                    el("label", ["for": "confirm"], text(ctx.t("Ja, verwijder mijn account en alles wat erbij hoort", "Yes, delete my account and everything in it")))),
                el("button", ["type": "submit"], text(ctx.t("Account verwijderen", "Delete account")))))
        return layout(ctx, title: title, main)
    }

    static func deleted(_ ctx: PageContext, receipt: DeletionReceipt) -> Node {
        let title = ctx.t("Je account is verwijderd", "Your account is deleted")
        let when = Timestamp.format(receipt.deletedAt)
        return layout(
            ctx, title: title,
            [
                el("h1", text(title)),
                el(
                    "p", ["class": "ok", "role": "status"],
                    text(
                        ctx.t(
                            "We hebben je account en je werkpaspoort verwijderd: \(receipt.recordsDeleted) keer werk en \(receipt.sharesDeleted) links.",
                            "We deleted your account and your work passport: \(receipt.recordsDeleted) pieces of work and \(receipt.sharesDeleted) links."))),
                paragraph(ctx.t("Bewijs van verwijdering (bewaar dit als je wilt):", "Proof of deletion (keep it if you like):")),
                el("p", el("code", ["class": "token"], text("\(receipt.id) · \(when)"))),
                paragraph(ctx.t("Dit bewijs staat ook bij ons, zonder je naam of e-mailadres.", "We keep this proof too, without your name or e-mail address.")),
            ])
    }
}
