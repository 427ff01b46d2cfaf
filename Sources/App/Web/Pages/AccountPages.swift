import Foundation
import Passport
import Vapor

/// Deleting an account: the warning and form, and the receipt afterwards.
enum AccountPages {
    static func deleteForm(_ ctx: PageContext, problem: String?, status: HTTPStatus = .ok) -> Response {
        let title = ctx.t("Account verwijderen", "Delete account")
        var main: [Node] = [
            el("h1", text(title)),
            el("p", text(ctx.t("Als je je account verwijdert, gooien we alles weg: je account, je werkpaspoort, je codes en je links. Links die je hebt gedeeld, werken dan niet meer. Dit kun je niet ongedaan maken.",
                               "If you delete your account, we throw everything away: your account, your work passport, your codes and your links. Links you shared stop working. You cannot undo this."))),
        ]
        if ctx.user?.role == .worker {
            main.append(el("p", text(ctx.t("Wil je je gegevens eerst bewaren? ", "Want to keep your data first? ")),
                           el("a", ["href": SiteRoute.passportExport.link()], text(ctx.t("Download al je gegevens (zip)", "Download all your data (zip)")))))
        }
        if let problem { main.append(el("p", ["class": "notice", "role": "alert"], text(problem))) }
        main.append(el("form", ["method": "post", "action": SiteRoute.accountDelete.link()],
                       ctx.csrfField,
                       formField(id: "password", label: ctx.t("Je wachtwoord", "Your password"), type: "password", autocomplete: "current-password"),
                       el("div", ["class": "choice"],
                          el("input", ["type": "checkbox", "id": "confirm", "name": "confirm", "required": ""]),
                          el("label", ["for": "confirm"], text(ctx.t("Ja, verwijder mijn account en alles wat erbij hoort", "Yes, delete my account and everything in it")))),
                       el("button", ["type": "submit"], text(ctx.t("Account verwijderen", "Delete account")))))
        return renderPage(ctx, title: title, status: status, main)
    }

    static func deleted(_ ctx: PageContext, receipt: DeletionReceipt) -> Response {
        let title = ctx.t("Je account is verwijderd", "Your account is deleted")
        let when = Timestamp.format(receipt.deletedAt)
        return renderPage(ctx, title: title, [
            el("h1", text(title)),
            el("p", ["class": "ok", "role": "status"], text(ctx.t("We hebben je account en je werkpaspoort verwijderd: \(receipt.recordsDeleted) keer werk en \(receipt.sharesDeleted) links.",
                                                                  "We deleted your account and your work passport: \(receipt.recordsDeleted) pieces of work and \(receipt.sharesDeleted) links."))),
            el("p", text(ctx.t("Bewijs van verwijdering (bewaar dit als je wilt):", "Proof of deletion (keep it if you like):"))),
            el("p", el("code", ["class": "token"], text("\(receipt.id) · \(when)"))),
            el("p", text(ctx.t("Dit bewijs staat ook bij ons, zonder je naam of e-mailadres.", "We keep this proof too, without your name or e-mail address."))),
        ])
    }
}
