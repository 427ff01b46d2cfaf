import Foundation
import Identifiers
import Insight
import Localization
import Vapor

/// The analyst's municipal analysis in the browser: upload a microdata file (or pick a kept one),
/// follow the run, read the report, download the PDF. Every run and file belongs to the analyst
/// who made it; anyone else gets "not found".
enum InsightController {
    struct StartForm: Content {
        var file: File?
        /// "new" for the uploaded file, otherwise the id of a kept file.
        var source: String?
        var definition: String?
        /// "auto" or a number of clusters.
        var k: String?
        var keep: String?
    }

    static func page(_ req: Request) async throws -> Response {
        try await startPage(req, problem: nil, status: .ok)
    }

    static func start(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        let user = try signedIn(req)
        let form = try? req.content.decode(StartForm.self)
        guard let definition = VulnerableDefinition(parsing: form?.definition ?? "flex,laag") else {
            return try await startPage(req, problem: ctx.t("Kies wie er tot de groep horen.", "Choose who is in the group."), status: .unprocessableEntity)
        }
        var k: Int?
        if let choice = form?.k, !choice.isEmpty, choice != "auto" {
            guard let number = Int(choice), (2...8).contains(number) else {
                return try await startPage(req, problem: ctx.t("Kies 2 tot 8 clusters, of laat Loopbrug kiezen.", "Choose 2 to 8 clusters, or let Loopbrug choose."), status: .unprocessableEntity)
            }
            k = number
        }
        let app = req.application
        let store = InsightFileStore(database: app.db)
        let now = app.dependencies.now()
        let bytes: [UInt8], name: String
        var keep: (store: InsightFileStore, row: InsightFileRow)?
        let source = form?.source ?? "new"
        let fromKeptFile = !(source == "new" || source.isEmpty)
        if !fromKeptFile {
            guard let file = form?.file, file.data.readableBytes > 0 else {
                return try await startPage(req, problem: ctx.t("Kies een CSV-bestand dat niet leeg is.", "Choose a CSV file that is not empty."), status: .unprocessableEntity)
            }
            // The server stops reading a larger body; this also holds when the body came in whole.
            // The error page names the limit.
            guard file.data.readableBytes <= app.config.insightUploadLimitBytes else { throw Abort(.payloadTooLarge) }
            bytes = Array(file.data.readableBytesView)
            name = displayName(file.filename)
            if form?.keep != nil {
                keep = (
                    store,
                    InsightFileRow(
                        id: app.dependencies.token(bytes: 16), ownerUserID: user.id.string,
                        name: name, sizeBytes: bytes.count, uploadedAt: now)
                )
            }
        } else {
            guard let kept = try await store.file(id: source, owner: user.id) else {
                return try await startPage(req, problem: ctx.t("Dat bewaarde bestand bestaat niet meer.", "That kept file no longer exists."), status: .notFound)
            }
            bytes = kept.content
            name = kept.row.name
        }
        let id = app.dependencies.token(bytes: 16)
        do {
            try app.insightRuns.start(
                id: id, owner: user.id, fileName: name, bytes: bytes, settings: .init(definition: definition, k: k),
                now: now, keep: keep, alreadyKept: fromKeptFile)
        } catch .ownRunUnfinished {
            return try await startPage(
                req,
                problem: ctx.t(
                    "Er loopt al een analyse van jou. Wacht tot die klaar is.",
                    "One of your analyses is still running. Wait until it is done."), status: .conflict)
        } catch .queueFull {
            return try await startPage(
                req,
                problem: ctx.t(
                    "Er lopen nu al \(InsightRuns.queueLimit) analyses. Probeer het over een paar minuten opnieuw.",
                    "\(InsightRuns.queueLimit) analyses are already running. Try again in a few minutes."), status: .serviceUnavailable)
        }
        return req.redirect(to: SiteRoute.insightRun(id: id).link, redirectType: .normal)
    }

    static func run(_ req: Request) throws -> Response {
        noStore(.html(InsightPages.run(PageContext(req), try ownedRun(req))))
    }

    /// The step of a run, for the progress bar's script.
    static func status(_ req: Request) throws -> Response {
        let run = try ownedRun(req)
        let ctx = PageContext(req)
        let json: String
        switch run.phase {
        case .waiting: json = #"{"state":"waiting","step":0,"of":1,"label":\#(jsonStringLiteral(InsightPages.stepLabel(nil, ctx))),"finished":false}"#
        case .running(let step): json = #"{"state":"running","step":\#(step.number),"of":\#(step.of),"label":\#(jsonStringLiteral(InsightPages.stepLabel(step, ctx))),"finished":false}"#
        case .done: json = #"{"state":"done","finished":true}"#
        case .failed: json = #"{"state":"failed","finished":true}"#
        }
        let response = Response(status: .ok, body: .init(string: json))
        response.headers.contentType = .json
        return noStore(response)
    }

    static func pdf(_ req: Request) throws -> Response {
        let run = try ownedRun(req)
        guard case .done(let report) = run.phase, let pdf = report.pdf[Lang.of(req)] else {
            throw Abort(.notFound, reason: Lang.of(req).t("Het rapport is nog niet klaar.", "The report is not ready yet."))
        }
        let response = Response(status: .ok, body: .init(data: pdf))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "pdf")
        response.headers.replaceOrAdd(name: .contentDisposition, value: #"attachment; filename="loopbrug-analyse.pdf""#)
        return noStore(response)
    }

    static func forget(_ req: Request) throws -> Response {
        let user = try signedIn(req)
        guard let id = req.parameters.get("id"), req.application.insightRuns.forget(id: id, owner: user.id) else { throw notFound(req) }
        return req.redirect(to: SiteRoute.insight.link, redirectType: .normal)
    }

    static func deleteFile(_ req: Request) async throws -> Response {
        let user = try signedIn(req)
        guard let id = req.parameters.get("id"), try await InsightFileStore(database: req.db).delete(id: id, owner: user.id) else { throw notFound(req) }
        return req.redirect(to: SiteRoute.insight.link, redirectType: .normal)
    }

    // MARK: - Helpers

    private static func startPage(_ req: Request, problem: String?, status: HTTPStatus) async throws -> Response {
        let user = try signedIn(req)
        let files = try await InsightFileStore(database: req.db).files(owner: user.id)
        return noStore(
            .html(
                InsightPages.start(
                    PageContext(req), runs: req.application.insightRuns.runs(owner: user.id), files: files,
                    problem: problem, uploadLimitBytes: req.application.config.insightUploadLimitBytes), status: status))
    }

    private static func ownedRun(_ req: Request) throws -> InsightRuns.Run {
        let user = try signedIn(req)
        guard let id = req.parameters.get("id"), let run = req.application.insightRuns.run(id: id, owner: user.id) else { throw notFound(req) }
        return run
    }

    private static func signedIn(_ req: Request) throws -> SignedInUser {
        guard let user = req.user else { throw Abort(.unauthorized) }
        return user
    }

    private static func notFound(_ req: Request) -> Abort {
        Abort(
            .notFound,
            reason: Lang.of(req).t(
                "Deze analyse bestaat niet (meer). Uitkomsten blijven bewaard tot de server opnieuw start.",
                "This analysis does not exist (any more). Results are kept until the server restarts."))
    }

    /// Personal results: never stored by a browser cache or a proxy.
    private static func noStore(_ response: Response) -> Response {
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// The uploaded file's name without any folder, at most 120 characters.
    static func displayName(_ filename: String) -> String {
        let base = filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(base.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }.prefix(120))
        return clean.isEmpty ? "upload.csv" : clean
    }
}
