import Accounts
import Foundation

struct SignUpForm: Codable, Sendable {
    var email: String?
    var name: String?
    var password: String?
    var role: String?
}

/// The login and sign-up pages.
enum AuthPages {
    /// `returnTo`: where to go after logging in (the `?terug=` the login form was opened with).
    static func login(_ ctx: PageContext, email: String, returnTo: ReturnPath?, message: String?) -> Node {
        let title = ctx.t("Inloggen", "Log in")
        let action = SiteRoute.login(returnTo: returnTo).link
        var main: [Node] = [el("h1", text(title))]
        if let message { main.append(el("p", ["class": "notice", "role": "alert"], text(message))) }
        main.append(
            el(
                "form", ["method": "post", "action": action],
                ctx.csrfField,
                formField(id: "email", label: ctx.t("E-mailadres", "E-mail address"), type: "email", value: email, autocomplete: "username"),
                formField(id: "password", label: ctx.t("Wachtwoord", "Password"), type: "password", autocomplete: "current-password"),
                el("button", ["type": "submit"], text(title))))
        main.append(
            el(
                "p", text(ctx.t("Nog geen account? ", "No account yet? ")),
                el("a", ["href": SiteRoute.registerForm.link], text(ctx.t("Maak er een.", "Create one.")))))
        return layout(ctx, title: title, main)
    }

    static func register(_ ctx: PageContext, form: SignUpForm, problems: [FieldProblem]) -> Node {
        let title = ctx.t("Account maken", "Create an account")
        func problem(_ field: String) -> String? {
            problems.first { $0.field == field }.map { message(ctx, $0) }
        }
        var main: [Node] = [el("h1", text(title))]
        if !problems.isEmpty {
            main.append(
                el(
                    "p", ["class": "notice", "role": "alert"],
                    text(
                        ctx.t(
                            "Er klopt iets niet in het formulier. Kijk bij de rode tekst.", "Something in the form is not right. See the red text."))))
        }
        let role = form.role ?? "worker"
        let roleOptions = Role.selfService.map { r -> Node in
            var attributes: [(String, String)] = [("type", "radio"), ("name", "role"), ("id", "role-\(r.rawValue)"), ("value", r.rawValue)]
            if r.rawValue == role { attributes.append(("checked", "")) }
            let label =
                r == .worker
                ? ctx.t("Ik zoek werk of werk al (werkende)", "I look for work or I work (worker)")
                : ctx.t("Ik bied werk aan (werkgever)", "I offer work (employer)")
            return el("div", ["class": "choice"], el("input", attributes: attributes), el("label", ["for": "role-\(r.rawValue)"], text(label)))
        }
        var roleFieldset: [Node] = [el("legend", text(ctx.t("Wat wil je doen?", "What do you want to do?")))]
        if let error = problem("role") { roleFieldset.append(paragraph(error, class: "error")) }
        roleFieldset.append(contentsOf: roleOptions)
        main.append(
            el(
                "form", ["method": "post", "action": SiteRoute.register.link],
                ctx.csrfField,
                formField(id: "name", label: ctx.t("Je naam", "Your name"), value: form.name ?? "", error: problem("name"), autocomplete: "name"),
                formField(
                    id: "email", label: ctx.t("E-mailadres", "E-mail address"), type: "email", value: form.email ?? "",
                    error: problem("email"), autocomplete: "email"),
                formField(
                    id: "password", label: ctx.t("Wachtwoord", "Password"), type: "password", error: problem("password"),
                    autocomplete: "new-password",
                    hint: ctx.t("Minstens \(SignUpRules.minPasswordLength) tekens.", "At least \(SignUpRules.minPasswordLength) characters.")),
                el("fieldset", children: roleFieldset),
                el("button", ["type": "submit"], text(title))))
        return layout(ctx, title: title, main)
    }

    static func message(_ ctx: PageContext, _ problem: FieldProblem) -> String {
        switch (problem.field, problem.kind) {
        case ("email", .notAllowed):
            ctx.t(
                "Met dit e-mailadres is al een account gemaakt. Log in of gebruik een ander adres.",
                "An account with this e-mail address already exists. Log in or use another address.")
        case ("role", _):
            ctx.t("Kies wat je wilt doen.", "Choose what you want to do.")
        case (_, .missing):
            ctx.t("Vul dit in.", "Fill this in.")
        case (_, .invalidEmail):
            ctx.t(
                "Dit lijkt geen e-mailadres. Een e-mailadres ziet er zo uit: naam@voorbeeld.nl",
                "This does not look like an e-mail address. It looks like this: name@example.com")
        case (_, .tooShort(let min)):
            ctx.t("Gebruik minstens \(min) tekens.", "Use at least \(min) characters.")
        case (_, .tooLong(let max)):
            ctx.t("Dit is te lang. Gebruik maximaal \(max) tekens.", "This is too long. Use at most \(max) characters.")
        case (_, .notAllowed):
            ctx.t("Deze keuze kan niet.", "This choice is not possible.")
        case (_, .tooCommon):
            ctx.t(
                "Dit wachtwoord gebruiken veel mensen, dus het is makkelijk te raden. Kies een ander, bijvoorbeeld drie woorden achter elkaar.",
                "Many people use this password, so it is easy to guess. Choose another, for example three words in a row.")
        }
    }
}
