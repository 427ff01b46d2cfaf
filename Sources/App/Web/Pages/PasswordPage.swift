import Accounts
import Foundation

/// The change-password form.
enum PasswordPage {
    static func render(_ ctx: PageContext, problems: [String: String], done: Bool) -> Node {
        let title = ctx.t("Wachtwoord veranderen", "Change password")
        var main: [Node] = [el("h1", text(title))]
        if done {
            main.append(
                el(
                    "p", ["class": "notice", "role": "status"],
                    text(
                        ctx.t(
                            "Je wachtwoord is veranderd. Op andere apparaten ben je uitgelogd.",
                            "Your password is changed. You are logged out on other devices."))))
        }
        if !problems.isEmpty {
            main.append(el("p", ["class": "notice", "role": "alert"], text(ctx.t("Er klopt iets niet. Kijk bij de rode tekst.", "Something is not right. See the red text."))))
        }
        main.append(
            el(
                "form", ["method": "post", "action": SiteRoute.passwordChange.link],
                ctx.csrfField,
                formField(
                    id: "current", label: ctx.t("Je huidige wachtwoord", "Your current password"), type: "password",
                    error: problems["current"], autocomplete: "current-password"),
                formField(
                    id: "new", label: ctx.t("Je nieuwe wachtwoord", "Your new password"), type: "password", error: problems["new"],
                    autocomplete: "new-password",
                    hint: ctx.t(
                        "Minstens \(SignUpRules.minPasswordLength) tekens. Drie woorden achter elkaar is sterk en makkelijk te onthouden.",
                        "At least \(SignUpRules.minPasswordLength) characters. Three words in a row are strong and easy to remember.")),
                el("button", ["type": "submit"], text(title))))
        return layout(ctx, title: title, main)
    }
}
