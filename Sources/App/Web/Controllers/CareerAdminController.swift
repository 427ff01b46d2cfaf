import Engine
import Vapor

/// The admin keeps the shortage/growth table and the course catalogue (and can add vacancies)
/// by uploading CSV files; the same all-or-nothing checks as `loopbrug career import`.
enum CareerAdminController {
    struct Upload: Content {
        var table: String?
        var file: File?
    }

    enum Outcome {
        case imported(table: String, file: String, count: Int)
        case refused(String)
        case problems(file: String, [RowProblem])
    }

    static func form(_ req: Request) async throws -> Response {
        try await page(req, outcome: nil, status: .ok)
    }

    static func upload(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        let upload = try? req.content.decode(Upload.self)
        guard let table = upload?.table, ["outlook", "courses", "vacancies"].contains(table) else {
            return try await page(req, outcome: .refused(ctx.t("Kies wat je wilt bijwerken.", "Choose what to update.")), status: .unprocessableEntity)
        }
        guard let file = upload?.file, file.data.readableBytes > 0 else {
            return try await page(req, outcome: .refused(ctx.t("Kies een bestand dat niet leeg is.", "Choose a file that is not empty.")), status: .unprocessableEntity)
        }
        let bytes = Array(file.data.readableBytesView)
        let name = file.filename.isEmpty ? "upload.csv" : file.filename
        let outcome: CareerImports.Outcome = switch table {
        case "outlook": try await CareerImports.outlook(req.application, bytes)
        case "courses": try await CareerImports.courses(req.application, bytes)
        default: try await CareerImports.vacancies(req.application, bytes, employerUserID: nil)
        }
        switch outcome {
        case .imported(let n): return try await page(req, outcome: .imported(table: table, file: name, count: n), status: .created)
        case .refused(let problems): return try await page(req, outcome: .problems(file: name, problems), status: .unprocessableEntity)
        }
    }

    private static func page(_ req: Request, outcome: Outcome?, status: HTTPStatus) async throws -> Response {
        let snapshot = try CareerImports.ready(req.application)
        return CareerAdminPages.page(PageContext(req), snapshot: snapshot, outcome: outcome, status: status)
    }
}

enum CareerAdminPages {
    static func page(_ ctx: PageContext, snapshot: CareerData.Snapshot, outcome: CareerAdminController.Outcome?, status: HTTPStatus) -> Response {
        let title = ctx.t("Tekortberoepen, cursussen en vacatures", "Shortage occupations, courses and vacancies")
        var main: [Node] = [
            el("h1", text(title)),
            el("p", text(ctx.t("Upload een CSV-bestand (UTF-8). Klopt één regel niet, dan verandert er niets en zie je welke regels en kolommen je moet verbeteren. De kolommen staan in docs/engine.md.",
                               "Upload a CSV file (UTF-8). If one row is wrong, nothing changes and you see which rows and columns to fix. The columns are in docs/engine.md."))),
            el("dl", ["class": "totals"],
               el("div", el("dt", text(ctx.t("Tekort/groei-regels", "Shortage/growth rows"))), el("dd", text("\(snapshot.outlook.entries.count)"))),
               el("div", el("dt", text(ctx.t("Cursussen", "Courses"))), el("dd", text("\(snapshot.catalogue.courses.count)"))),
               el("div", el("dt", text(ctx.t("Vacatures en klussen", "Vacancies and jobs"))), el("dd", text("\(snapshot.board.count)")))),
        ]
        switch outcome {
        case .imported(let table, let file, let count):
            let replaced = table == "vacancies" ? ctx.t("toegevoegd", "added") : ctx.t("ingelezen; de oude lijst is vervangen", "read; the old list is replaced")
            main.append(el("p", ["class": "ok", "role": "status"], text("\(file): \(count) " + ctx.t("regels", "rows") + " \(replaced).")))
        case .refused(let reason):
            main.append(el("p", ["class": "notice", "role": "alert"], text(reason)))
        case .problems(let file, let problems):
            main.append(el("p", ["class": "notice", "role": "alert"], text(ctx.t(
                "\(file): \(problems.count) \(problems.count == 1 ? "fout" : "fouten"). Er is niets veranderd.",
                "\(file): \(problems.count) \(problems.count == 1 ? "problem" : "problems"). Nothing was changed."))))
            main.append(el("table", ["class": "stack"],
                           el("thead", el("tr", el("th", ["scope": "col"], text(ctx.t("Regel", "Line"))),
                                          el("th", ["scope": "col"], text(ctx.t("Kolom", "Column"))),
                                          el("th", ["scope": "col"], text(ctx.t("Wat er mis is", "What is wrong"))))),
                           el("tbody", children: problems.map { p in
                               el("tr", el("td", text("\(p.line)")), el("td", text(p.field.isEmpty ? "–" : p.field)), el("td", ["lang": "en"], text(p.message)))
                           })))
        case nil: break
        }
        main.append(el("form", ["method": "post", "action": SiteRoute.adminCareer.link(), "enctype": "multipart/form-data", "class": "box"],
            ctx.csrfField,
            el("div", ["class": "field"],
               el("label", ["for": "table"], text(ctx.t("Wat wil je bijwerken?", "What do you want to update?"))),
               el("select", ["id": "table", "name": "table"],
                  el("option", ["value": "outlook"], text(ctx.t("Tekort- en groeiberoepen (vervangt de lijst)", "Shortage and growth occupations (replaces the list)"))),
                  el("option", ["value": "courses"], text(ctx.t("Cursussen (vervangt de catalogus)", "Courses (replaces the catalogue)"))),
                  el("option", ["value": "vacancies"], text(ctx.t("Vacatures en klussen (voegt toe)", "Vacancies and short jobs (adds)"))))),
            el("div", ["class": "field"],
               el("label", ["for": "file"], text(ctx.t("CSV-bestand", "CSV file"))),
               el("input", ["type": "file", "id": "file", "name": "file", "accept": ".csv,text/csv", "required": ""])),
            el("button", ["type": "submit"], text(ctx.t("Uploaden", "Upload")))))
        return renderPage(ctx, title: title, status: status, main)
    }
}
