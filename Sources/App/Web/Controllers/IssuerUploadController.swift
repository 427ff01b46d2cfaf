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
        UploadPages.form(PageContext(req), outcome: nil, status: .ok)
    }

    static func upload(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        guard let user = req.user else { throw Abort(.unauthorized) }
        let app = req.application
        guard let issuer = try await app.passportStore.issuer(ownedBy: user.id) else {
            return UploadPages.form(ctx, outcome: .refused(ctx.t(
                "Je platform heeft nog geen publieke sleutel bij Loopbrug. Meld die eerst aan (zie de API-beschrijving).",
                "Your platform has no public key at Loopbrug yet. Register one first (see the API description).")), status: .conflict)
        }
        let upload = try? req.content.decode(Upload.self)
        guard let file = upload?.file, file.data.readableBytes > 0 else {
            return UploadPages.form(ctx, outcome: .refused(ctx.t("Kies een bestand dat niet leeg is.", "Choose a file that is not empty.")), status: .unprocessableEntity)
        }
        let name = file.filename.isEmpty ? "upload" : file.filename
        let lines: [JSONLines.Line]
        do {
            let data = file.data
            lines = try await Offload.run { () throws(FileProblem) in try JSONLines.lines(in: data) }
        } catch {
            return UploadPages.form(ctx, outcome: .refused("\(name): \(error)"), status: .unprocessableEntity)
        }
        let report = try await app.importCredentials(lines, from: .issuer(issuerID: issuer.id))
        if report.succeeded {
            return UploadPages.form(ctx, outcome: .stored(file: name, count: report.accepted), status: .created)
        }
        return UploadPages.form(ctx, outcome: .problems(file: name, report.problems), status: .unprocessableEntity)
    }
}

/// The upload form and what came of an upload.
enum UploadPages {
    enum Outcome {
        case stored(file: String, count: Int)
        case refused(String)
        case problems(file: String, [LineProblem])
    }

    static func form(_ ctx: PageContext, outcome: Outcome?, status: HTTPStatus) -> Response {
        let title = ctx.t("Werkbewijzen uploaden", "Upload work credentials")
        var main: [Node] = [
            el("h1", text(title)),
            el("p", text(ctx.t("Upload een bestand met ondertekende werkbewijzen: één compacte JWS per regel (JSON Lines). Klopt één regel niet, dan slaan we niets op en zie je welke regels je moet verbeteren.",
                               "Upload a file of signed work credentials: one compact JWS per line (JSON Lines). If one line is wrong, nothing is stored and you see which lines to fix."))),
            el("p", text(ctx.t("Zo maak je ze: ", "How to make them: ")),
               el("a", ["href": SiteRoute.standardFile.link("spec.md")], text(ctx.t("de standaard", "the standard"))), text(" · "),
               el("a", ["href": SiteRoute.openAPI.link()], text(ctx.t("de API", "the API")))),
        ]
        switch outcome {
        case .stored(let file, let count):
            main.append(el("p", ["class": "ok", "role": "status"], text(ctx.t("\(file): \(count) werkbewijzen opgeslagen.", "\(file): \(count) work credentials stored."))))
        case .refused(let reason):
            main.append(el("p", ["class": "notice", "role": "alert"], text(reason)))
        case .problems(let file, let problems):
            let count = problems.count
            main.append(el("p", ["class": "notice", "role": "alert"], text(ctx.t(
                "\(file): \(count == 1 ? "1 regel klopt" : "\(count) regels kloppen") niet. Er is niets opgeslagen.",
                "\(file): \(count == 1 ? "1 line is" : "\(count) lines are") wrong. Nothing was stored."))))
            main.append(el("table", ["class": "stack"],
                           el("thead", el("tr", el("th", ["scope": "col"], text(ctx.t("Regel", "Line"))), el("th", ["scope": "col"], text(ctx.t("Controle", "Check"))),
                                          el("th", ["scope": "col"], text(ctx.t("Veld", "Field"))), el("th", ["scope": "col"], text(ctx.t("Reden", "Reason"))))),
                           el("tbody", children: problems.prefix(500).map { p in
                               el("tr", el("td", text("\(p.line)")), el("td", text(p.check)), el("td", text(p.field ?? "–")), el("td", text(p.reason)))
                           })))
            if problems.count > 500 {
                main.append(el("p", ["class": "meta"], text(ctx.t("De eerste 500 van \(problems.count) staan hier.", "The first 500 of \(problems.count) are shown."))))
            }
        case nil:
            break
        }
        main.append(el("form", ["method": "post", "action": SiteRoute.issuerUpload.link(), "enctype": "multipart/form-data"],
                       ctx.csrfField,
                       el("div", ["class": "field"],
                          el("label", ["for": "file"], text(ctx.t("Bestand (.jsonl)", "File (.jsonl)"))),
                          el("input", ["type": "file", "id": "file", "name": "file", "accept": ".jsonl,.txt,application/jsonl", "required": ""])),
                       el("button", ["type": "submit"], text(ctx.t("Uploaden", "Upload")))))
        return renderPage(ctx, title: title, status: status, main)
    }
}
