import Accounts
import Fluent
import SQLKit
import Vapor

/// A signed-in person changes their password: the current one first, then a new one that passes
/// the same rules as at sign-up. Their other sessions end (a stolen session stops working).
enum PasswordController {
    struct Form: Content {
        var current: String?
        var new: String?
    }

    static func form(_ req: Request) throws -> Response {
        guard req.user != nil else { throw Abort(.unauthorized) }
        return .html(PasswordPage.render(PageContext(req), problems: [:], done: req.query[String.self, at: "klaar"] != nil))
    }

    static func change(_ req: Request) async throws -> Response {
        guard let signedIn = req.user, let user = try await UserModel.find(signedIn.id.uuid, on: req.db) else { throw Abort(.unauthorized) }
        let ctx = PageContext(req)
        let form = (try? req.content.decode(Form.self)) ?? Form()
        var problems: [String: String] = [:]
        let current = form.current ?? "", new = form.new ?? ""
        var matches = false
        if !current.isEmpty, current.utf8.count <= SignUpRules.maxPasswordBytes {
            matches = (try? await req.password.async.verify(current, created: user.passwordHash)) ?? false
        }
        if !matches { problems["current"] = ctx.t("Dit is niet je huidige wachtwoord.", "This is not your current password.") }
        if let problem = SignUpRules.passwordProblem(new) {
            problems["new"] = AuthPages.message(ctx, FieldProblem(field: "new", kind: problem))
        } else if new == current {
            problems["new"] = ctx.t("Kies een ander wachtwoord dan je huidige.", "Choose a password other than your current one.")
        }
        guard problems.isEmpty else { return .html(PasswordPage.render(ctx, problems: problems, done: false), status: .unprocessableEntity) }
        user.passwordHash = try await req.password.async.hash(new)
        try await user.save(on: req.db)
        // Every other session of this person ends; this one goes on.
        let keep = req.session.id?.string ?? ""
        try await req.db.sql.delete(from: "web_sessions")
            .where("data", .like, "%\(signedIn.id.uuid.uuidString)%").where("id", .notEqual, keep).run()
        return req.redirect(to: SiteRoute.passwordForm(done: true).link, redirectType: .normal)
    }
}
