import Foundation
import Passport
import Vapor

/// A platform without its own integration uploads a JSON Lines file of signed credentials in the
/// browser. Same checks as the API: all or nothing, every bad line named.
enum IssuerUploadController {
    struct Upload: Content {
        var file: File?
    }

    static func form(_ req: Request) async throws -> Response {
        .html(UploadPages.form(PageContext(req), outcome: nil), status: .ok)
    }

    static func upload(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        guard let user = req.user else { throw Abort(.unauthorized) }
        let app = req.application
        guard let issuer = try await app.passportStore.issuer(ownedBy: user.id) else {
            return .html(
                UploadPages.form(
                    ctx,
                    outcome: .refused(
                        ctx.t(
                            "Je platform heeft nog geen publieke sleutel bij Loopbrug. Meld die eerst aan (zie de API-beschrijving).",
                            "Your platform has no public key at Loopbrug yet. Register one first (see the API description)."))), status: .conflict)
        }
        let upload = try? req.content.decode(Upload.self)
        guard let file = upload?.file, file.data.readableBytes > 0 else {
            return .html(UploadPages.form(ctx, outcome: .refused(ctx.t("Kies een bestand dat niet leeg is.", "Choose a file that is not empty."))), status: .unprocessableEntity)
        }
        let name = file.filename.isEmpty ? "upload" : file.filename
        let lines: [JSONLines.Line]
        do {
            let data = file.data
            lines = try await Offload.run { () throws(FileProblem) in try JSONLines.lines(in: data) }
        } catch {
            return .html(UploadPages.form(ctx, outcome: .refused("\(name): \(error)")), status: .unprocessableEntity)
        }
        let report = try await app.credentials.importing(lines, from: .issuer(issuerID: issuer.id))
        if report.succeeded {
            return .html(UploadPages.form(ctx, outcome: .stored(file: name, count: report.accepted)), status: .created)
        }
        return .html(UploadPages.form(ctx, outcome: .problems(file: name, report.problems)), status: .unprocessableEntity)
    }
}
