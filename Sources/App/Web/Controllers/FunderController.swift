import Foundation
import Identifiers
import Leermiles
import Localization
import Vapor

/// The learning-fund page for a coach or an employer who acts for a funder: what the funder gave
/// and how its points were used (totals; groups under 10 people hidden), and the reservations that
/// wait for its approval (the course, never the worker's name unless the worker consented).
enum FunderController {
    static func figures(_ req: Request, user: UserID) async throws -> [FunderFigures] {
        let store = FunderStore(database: req.db)
        let courses = req.application.careerData.snapshot
        var out: [FunderFigures] = []
        for funder in try await store.funders(member: user) {
            out.append(try await FunderFigures.load(funder, store: store, courses: courses))
        }
        return out
    }

    /// GET /fonds (after a decision: `?besluit=goedgekeurd` or `?besluit=afgewezen`).
    static func page(_ req: Request) async throws -> Response {
        guard let user = req.user else { throw Abort(.unauthorized) }
        var notice: String?
        let ctx = PageContext(req)
        switch req.query[String.self, at: "besluit"] {
        case "goedgekeurd": notice = ctx.t("Goedgekeurd. De punten blijven apart staan tot de cursus klaar is.", "Approved. The points stay set aside until the course is done.")
        case "afgewezen": notice = ctx.t("Afgewezen. De werkende heeft de punten terug.", "Refused. The worker has the points back.")
        default: break
        }
        return .html(FunderPages.page(ctx, try await figures(req, user: user.id), notice: notice))
    }

    /// POST /fonds/reserveringen/:id/goedkeuren | afwijzen: only reservations that draw on a pot of
    /// a funder this account acts for; anything else is not found.
    static func decide(_ req: Request, approve: Bool) async throws -> Response {
        guard let user = req.user else { throw Abort(.unauthorized) }
        let funders = try await FunderStore(database: req.db).funders(member: user.id).map(\.id)
        let reservations = ReservationStore(database: req.db)
        guard let id = req.parameters.get("id"), !funders.isEmpty, let row = try await reservations.reservation(id: id),
            try await FunderStore(database: req.db).drawsOnPot(row, funders: funders)
        else { throw Abort(.notFound) }
        guard row.state == .awaitingApproval else {
            throw Abort(
                .conflict,
                reason: Lang.of(req).t(
                    "Over deze aanvraag is al besloten: \(LeermilesText.state(row.state, lang: .nl).lowercased()).",
                    "This request was already decided: \(LeermilesText.state(row.state, lang: .en).lowercased())."))
        }
        let cause = "user:\(user.id.string)", now = req.application.dependencies.now()
        do {
            if approve { _ = try await reservations.approve(id: row.id, cause: cause, now: now) } else { _ = try await reservations.refuse(id: row.id, cause: cause, now: now) }
        } catch let problem as ReservationProblem {
            // Someone else decided in the meantime.
            throw Abort(.conflict, reason: LeermilesText.refusal(problem, Lang.of(req)))
        }
        return req.redirect(to: SiteRoute.funder(decision: approve ? .approved : .refused).link, redirectType: .normal)
    }
}

extension FunderFigures {
    /// Reads one funder's figures; course ids become catalogue titles.
    static func load(_ funder: FunderStore.Funder, store: FunderStore, courses: CareerData.Snapshot?) async throws -> FunderFigures {
        func title(_ id: String) -> String { courses?.courseTitle(id) ?? id }
        let given = try await store.given(funder: funder.id)
        let waiting = try await store.awaitingApproval(funder: funder.id).map {
            Waiting(reservation: $0.reservation, fromPot: $0.fromPot, course: courses?.courseChoice($0.reservation.courseID))
        }
        let consenting = try await store.consentingWorkers(funder: funder.id).map { person in
            ConsentingWorker(name: person.name, reservations: person.reservations.map { (title($0.courseID), $0.state) })
        }
        let use = try await store.potUse(funder: funder.id)
        let named = use.byCourse.map { (title: title($0.key), group: $0.value) }.sorted { $0.group.amount > $1.group.amount }
        return FunderFigures(
            funder: funder, given: given.byReason, workers: given.workers, reversed: try await store.reversed(funder: funder.id),
            use: use, namedCourses: named, waiting: waiting, consenting: consenting)
    }
}
