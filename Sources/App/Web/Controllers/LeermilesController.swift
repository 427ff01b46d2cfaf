import Foundation
import Identifiers
import Leermiles
import Localization
import Vapor

/// The worker's leermiles: the overview, reserving and cancelling, consent, the yearly statement.
/// Every handler works on the signed-in worker's own account only.
enum LeermilesController {
    /// GET /leermiles (after a reservation or cancellation: `?gereserveerd=ID` / `?geannuleerd=ID`).
    static func overview(_ req: Request) async throws -> Response {
        let worker = try PassportController.workerID(req)
        let ctx = PageContext(req)
        let overview = try await overview(req, worker: worker, lang: ctx.lang)
        var notice: LeermilesPages.Notice?
        if let id = req.query[String.self, at: "gereserveerd"], let row = overview.reservations.first(where: { $0.id == id }) {
            notice = .reserved(row)
        } else if let id = req.query[String.self, at: "geannuleerd"], let row = overview.reservations.first(where: { $0.id == id }) {
            notice = .cancelled(row)
        }
        return .html(LeermilesPages.overview(ctx, overview, requestID: req.application.dependencies.token(bytes: 12), notice: notice))
    }

    struct ReserveForm: Content {
        var course: String?
        var request: String?
    }

    /// POST /leermiles/reserveren: the form carries a request id made when the page was shown, so
    /// a double click or a resent form reserves once.
    static func reserve(_ req: Request) async throws -> Response {
        let worker = try PassportController.workerID(req)
        let form = (try? req.content.decode(ReserveForm.self)) ?? ReserveForm()
        let course = (form.course ?? "").trimmingCharacters(in: .whitespaces)
        let request = (form.request ?? "").trimmingCharacters(in: .whitespaces)
        do {
            guard !course.isEmpty else { throw ReservationProblem.noCourseChosen }
            guard !request.isEmpty, request.count <= 64, request.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
                throw ReservationProblem.formIncomplete
            }
            // The worker's id goes into the reservation id, so one worker's request id can never collide with another's.
            let (row, _) = try await req.application.courseReservations.reserve(
                worker: worker.string, courseID: course,
                requestID: "w\(worker.string.prefix(8))-\(request)",
                cause: "user:\(worker.string)")
            return req.redirect(to: SiteRoute.leermiles(notice: .reserved(row.id)).link, redirectType: .normal)
        } catch let problem as ReservationProblem {
            let ctx = PageContext(req)
            let overview = try await overview(req, worker: worker, lang: ctx.lang)
            return .html(
                LeermilesPages.overview(
                    ctx, overview, requestID: req.application.dependencies.token(bytes: 12),
                    notice: .refused(problem)), status: .unprocessableEntity)
        }
    }

    /// POST /leermiles/reserveringen/:id/annuleren: only the worker's own reservation; every point goes back.
    static func cancel(_ req: Request) async throws -> Response {
        let worker = try PassportController.workerID(req).string
        let store = ReservationStore(database: req.db)
        guard let id = req.parameters.get("id"), let row = try await store.reservation(id: id), row.worker == worker else { throw Abort(.notFound) }
        do {
            _ = try await store.release(id: row.id, cause: "user:\(worker)", now: req.application.dependencies.now())
        } catch is ReservationProblem {
            // Settled or cancelled already (perhaps in another tab).
            let now = try await store.reservation(id: row.id)?.state ?? row.state
            throw Abort(
                .conflict,
                reason: Lang.of(req).t(
                    "Deze reservering kan niet meer geannuleerd worden: \(LeermilesText.state(now, lang: .nl).lowercased()).",
                    "This reservation can no longer be cancelled: \(LeermilesText.state(now, lang: .en).lowercased())."))
        }
        return req.redirect(to: SiteRoute.leermiles(notice: .cancelled(row.id)).link, redirectType: .normal)
    }

    struct ConsentForm: Content { var consent: String? }

    /// POST /leermiles/toestemming: whether the funders that pay into the account may see the worker's courses by name.
    static func consent(_ req: Request) async throws -> Response {
        let worker = try PassportController.workerID(req).string
        let form = (try? req.content.decode(ConsentForm.self)) ?? ConsentForm()
        try await FunderStore(database: req.db).setConsent(worker: worker, form.consent == "on", now: req.application.dependencies.now())
        return req.redirect(to: SiteRoute.leermiles().link + "#toestemming", redirectType: .normal)
    }

    /// GET /leermiles/jaaroverzicht.pdf|csv?jaar=2026: a year from the first posting's to this one.
    static func statement(_ req: Request, pdf: Bool) async throws -> Response {
        let worker = try PassportController.workerID(req)
        let ctx = PageContext(req)
        let prepared: (statement: YearStatement, overview: LeermilesOverview)
        do {
            prepared = try await LeermilesStatementFiles.prepare(
                worker: worker.string, year: req.query[String.self, at: "jaar"], lang: ctx.lang,
                database: req.db, now: req.application.dependencies.now(),
                careerData: req.application.careerData.snapshot)
        } catch let p as LeermilesStatementFiles.YearProblem {
            throw Abort(
                .badRequest,
                reason: ctx.t(
                    "Kies een jaar van \(p.first) tot en met \(p.last); \u{201C}\(p.year)\u{201D} kan niet.",
                    "Choose a year from \(p.first) to \(p.last); \u{201C}\(p.year)\u{201D} is not possible."))
        }
        let (statement, overview) = prepared
        let name = ctx.t("jaaroverzicht-leermiles-\(statement.year)", "leermiles-statement-\(statement.year)")
        let response: Response
        if pdf {
            response = Response(
                status: .ok,
                body: .init(
                    data: try LeermilesStatementFiles.pdf(
                        statement, overview, workerName: ctx.user?.name ?? "",
                        lang: ctx.lang)))
            response.headers.contentType = HTTPMediaType(type: "application", subType: "pdf")
        } else {
            response = Response(status: .ok, body: .init(string: LeermilesStatementFiles.csv(statement, overview, lang: ctx.lang)))
            response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        }
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name).\(pdf ? "pdf" : "csv")\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// The worker's overview with course tips from their passport.
    private static func overview(_ req: Request, worker: WorkerID, lang: Lang) async throws -> LeermilesOverview {
        try await LeermilesOverview.load(
            worker: worker.string, lang: lang, database: req.db, now: req.application.dependencies.now(),
            careerData: req.application.careerData.snapshot, tipsFor: worker)
    }
}
