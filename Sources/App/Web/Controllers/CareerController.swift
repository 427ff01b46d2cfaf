import Engine
import Foundation
import Identifiers
import Taxonomy
import Vapor

/// The worker's "Waar kan ik naartoe?" and "Werk dat past" pages, and the public occupation explorer.
enum CareerController {
    /// GET /waar-naartoe: occupations within reach of the work in the passport.
    static func paths(_ req: Request) async throws -> Response {
        let worker = try PassportController.workerID(req)
        let result = try await CareerAdvice(database: req.db, snapshot: try req.application.careerData.ready()).transitions(worker: worker, top: 10)
        return .html(CareerPages.paths(PageContext(req), result))
    }

    /// GET /beroepen/:id/overstappen: where people in any occupation can go.
    static func explorer(_ req: Request) throws -> Response {
        let snapshot = try req.application.careerData.ready()
        guard let id = req.parameters.get("id"), let source = snapshot.engine.occupationIndex(id) else { throw Abort(.notFound) }
        let report = snapshot.engine.model.transitions(fromOccupation: source, thresholds: snapshot.engine.thresholds, top: 15)
        return .html(CareerPages.explorer(PageContext(req), snapshot: snapshot, source: source, report: report))
    }

    /// GET /werk: the wishes form and the vacancies that fit them.
    static func work(_ req: Request) async throws -> Response {
        let worker = try PassportController.workerID(req)
        let snapshot = try req.application.careerData.ready()
        let stored = try await EngineStore(database: req.db).wishes(worker: worker)
        let form = stored.map { WishesForm($0.wishes, searchable: $0.searchable, places: snapshot.places) } ?? WishesForm()
        return try await workPage(req, worker: worker, form: form, problems: [], saved: false)
    }

    /// POST /werk/wensen: checks the wishes field by field; stores them only when all are usable.
    static func saveWishes(_ req: Request) async throws -> Response {
        let worker = try PassportController.workerID(req)
        let snapshot = try req.application.careerData.ready()
        let form = (try? req.content.decode(WishesForm.self)) ?? WishesForm()
        let (wishes, problems) = form.wishes(places: snapshot.places)
        guard let wishes, problems.isEmpty else {
            return try await workPage(req, worker: worker, form: form, problems: problems, saved: false, status: .unprocessableEntity)
        }
        try await EngineStore(database: req.db).saveWishes(
            wishes, searchable: form.searchable == "on",
            worker: worker, now: req.application.dependencies.now())
        return try await workPage(req, worker: worker, form: form, problems: [], saved: true)
    }

    private static func workPage(
        _ req: Request, worker: WorkerID, form: WishesForm, problems: [FieldProblem], saved: Bool,
        status: HTTPStatus = .ok
    ) async throws -> Response {
        var matches: [VacancyMatch]?
        var snapshot = try req.application.careerData.ready()
        if problems.isEmpty, case .matches(let found, _, let s) = try await CareerAdvice(database: req.db, snapshot: try req.application.careerData.ready()).matches(worker: worker, top: 20) {
            matches = found
            snapshot = s
        }
        return .html(
            WorkPage.render(
                PageContext(req), snapshot: snapshot, form: form, problems: problems, saved: saved,
                matches: matches), status: status)
    }

}

extension WishesForm: Content {}
