import Accounts
import Fluent
import Vapor

/// Logging in, signing up and logging out.
enum AuthController {
    struct LoginForm: Content {
        var email: String?
        var password: String?
    }

    static func loginForm(_ req: Request) -> Response {
        if req.user != nil { return req.redirect(to: SiteRoute.account.link) }
        return .html(AuthPages.login(PageContext(req), email: "", returnTo: ReturnPath(req.query[String.self, at: "terug"]), message: nil))
    }

    static func login(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        let form = (try? req.content.decode(LoginForm.self)) ?? LoginForm()
        let email = (form.email ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let client = req.clientAddress
        let now = req.application.dependencies.now()
        let guardian = req.application.loginGuard
        let password = form.password ?? ""
        guard !email.isEmpty, !password.isEmpty else {
            return .html(
                AuthPages.login(
                    ctx, email: email, returnTo: ReturnPath(req.query[String.self, at: "terug"]),
                    message: ctx.t("Vul je e-mailadres en je wachtwoord in.", "Fill in your e-mail address and your password.")), status: .badRequest)
        }
        // Counted before the (slow) password check, so concurrent guesses cannot all be checked.
        if let seconds = await guardian.attempt(email: email, client: client, now: now) {
            let wait =
                seconds == 1
                ? ctx.t("1 seconde", "1 second")
                : seconds < 120
                    ? ctx.t("\(seconds) seconden", "\(seconds) seconds")
                    : ctx.t("\((seconds + 59) / 60) minuten", "\((seconds + 59) / 60) minutes")
            let response = Response.html(
                AuthPages.login(
                    ctx, email: email, returnTo: ReturnPath(req.query[String.self, at: "terug"]),
                    message: ctx.t(
                        "Er is te vaak een verkeerd wachtwoord gebruikt. Probeer het over \(wait) opnieuw.",
                        "A wrong password was used too often. Try again in \(wait).")), status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(seconds))
            return response
        }
        let user = try await UserModel.query(on: req.db).filter(\.$email == email).first()
        // Verify against a dummy hash when the address is unknown, so timing does not reveal which addresses exist.
        let hash = user?.passwordHash ?? dummyHash
        var matches = false
        if password.utf8.count <= SignUpRules.maxPasswordBytes {
            matches = (try? await req.password.async.verify(password, created: hash)) ?? false
        }
        guard let user, matches, let signedIn = user.signedIn else {
            return .html(
                AuthPages.login(
                    ctx, email: email, returnTo: ReturnPath(req.query[String.self, at: "terug"]),
                    message: ctx.t(
                        "Dit e-mailadres en wachtwoord horen niet bij elkaar. Controleer ze en probeer het opnieuw.",
                        "This e-mail address and password do not match. Check them and try again.")), status: .unauthorized)
        }
        await guardian.succeeded(email: email, client: client)
        try await startSession(req, for: signedIn)
        return req.redirect(to: ReturnPath(req.query[String.self, at: "terug"])?.description ?? SiteRoute.account.link)
    }

    static func registerForm(_ req: Request) -> Response {
        if req.user != nil { return req.redirect(to: SiteRoute.account.link) }
        return .html(AuthPages.register(PageContext(req), form: SignUpForm(role: "worker"), problems: []))
    }

    static func register(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        let form = (try? req.content.decode(SignUpForm.self)) ?? SignUpForm()
        let input = SignUpInput(email: form.email ?? "", name: form.name ?? "", password: form.password ?? "", role: form.role ?? "")
        switch SignUpRules.validate(input) {
        case .failure(let errors):
            return .html(AuthPages.register(ctx, form: form, problems: errors.problems), status: .badRequest)
        case .success(let valid):
            if try await UserModel.query(on: req.db).filter(\.$email == valid.email).first() != nil {
                return .html(AuthPages.register(ctx, form: form, problems: [FieldProblem(field: "email", kind: .notAllowed)]), status: .conflict)
            }
            let hash = try await req.password.async.hash(valid.password)
            let model = UserModel(
                email: valid.email, name: valid.name, role: valid.role, passwordHash: hash,
                createdAt: req.application.dependencies.now())
            do { try await model.create(on: req.db) } catch let error as any DatabaseError where error.isConstraintFailure {
                // Two sign-ups with one address at the same moment: the unique index decides.
                return .html(AuthPages.register(ctx, form: form, problems: [FieldProblem(field: "email", kind: .notAllowed)]), status: .conflict)
            }
            guard let signedIn = model.signedIn else { throw Abort(.internalServerError) }
            try await startSession(req, for: signedIn)
            return req.redirect(to: SiteRoute.account.link)
        }
    }

    static func logout(_ req: Request) async throws -> Response {
        req.session.destroy()
        return req.redirect(to: SiteRoute.home.link)
    }

    /// A fresh session id on login, so a session id planted before login is worthless after it.
    private static func startSession(_ req: Request, for user: SignedInUser) async throws {
        if req.hasSession, let old = req.session.id {
            try await req.application.sessions.driver.deleteSession(old, for: req).get()
            req.session.id = nil
        }
        req.session.data = SessionData()
        req.session.data[SessionUserMiddleware.userKey] = user.id.uuid.uuidString
        req.user = user
    }

    /// A bcrypt hash of a random string, used when the e-mail address is unknown.
    private static let dummyHash = "$2b$12$up1TR2I.k6z1LhPR.Zyw/.A3fztdWQjOWnInU8P0UEeI5tUR08AQy"
}

extension SignUpForm: Content {}
