import Archives
import Foundation
import Localization
import Passport
import Vapor

/// The worker's data as a zip (GDPR art. 15 and 20) and deleting an account (art. 17).
enum GDPRController {
    /// GET /paspoort/export.zip
    static func export(_ req: Request) async throws -> Response {
        let worker = try PassportController.workerID(req)
        let lang = Lang.of(req)
        let app = req.application
        let files = try await app.passportExport.files(worker: worker, lang: lang)
        var zip = ZipWriter()
        for file in files { zip.add("loopbrug-export/" + file.name, file.bytes) }
        let response = Response(status: .ok, body: .init(data: zip.finish()))
        response.headers.contentType = .zip
        let day = String(Timestamp.format(app.dependencies.now()).prefix(10))
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"loopbrug-export-\(day).zip\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    static func deleteForm(_ req: Request) throws -> Response {
        guard req.user != nil else { throw Abort(.unauthorized) }
        return .html(AccountPages.deleteForm(PageContext(req), problem: nil))
    }

    struct DeleteForm: Content {
        var password: String?
        var confirm: String?
    }

    /// POST /account/verwijderen: needs the password and a ticked box, then deletes everything
    /// and shows a receipt.
    static func delete(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        guard let user = req.user else { throw Abort(.unauthorized) }
        let form = (try? req.content.decode(DeleteForm.self)) ?? DeleteForm()
        guard form.confirm == "on" else {
            return .html(
                AccountPages.deleteForm(ctx, problem: ctx.t("Zet een vinkje om te laten zien dat je alles wilt verwijderen.", "Tick the box to show you want to delete everything.")),
                status: .unprocessableEntity)
        }
        let password = form.password ?? ""
        guard let model = try await UserModel.find(user.id.uuid, on: req.db), password.utf8.count <= 4096,
            (try? await req.password.async.verify(password, created: model.passwordHash)) == true
        else {
            return .html(AccountPages.deleteForm(ctx, problem: ctx.t("Dit wachtwoord klopt niet.", "This password is not right.")), status: .unauthorized)
        }
        let receipt = try await req.application.accountDeletion.delete(user.id)
        req.session.destroy()
        req.user = nil
        return .html(AccountPages.deleted(PageContext(req), receipt: receipt))
    }
}
