import Engine
import Vapor

/// The admin keeps the shortage/growth table and the course catalogue (and can add vacancies)
/// by uploading CSV files; the same all-or-nothing checks as `loopbrug career import`.
enum CareerAdminController {
    struct Upload: Content {
        var table: String?
        var file: File?
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
        let outcome: CareerImports.Outcome =
            switch table {
            case "outlook": try await req.application.careerImports.outlook(bytes)
            case "courses": try await req.application.careerImports.courses(bytes)
            default: try await req.application.careerImports.vacancies(bytes, employer: nil)
            }
        switch outcome {
        case .imported(let n): return try await page(req, outcome: .imported(table: table, file: name, count: n), status: .created)
        case .refused(let problems): return try await page(req, outcome: .problems(file: name, problems), status: .unprocessableEntity)
        }
    }

    private static func page(_ req: Request, outcome: CareerAdminPages.Outcome?, status: HTTPStatus) async throws -> Response {
        let snapshot = try req.application.careerData.ready()
        return .html(CareerAdminPages.page(PageContext(req), snapshot: snapshot, outcome: outcome), status: status)
    }
}
