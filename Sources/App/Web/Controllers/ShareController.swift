import Foundation
import Identifiers
import Localization
import NIOConcurrencyHelpers
import Passport
import Vapor

/// Share links: the worker makes, lists and revokes them and downloads each one's KlusCV; anyone
/// with the link sees the shared records with their live status (as a page or as JSON).
enum ShareController {
    struct ShareForm: Content {
        var records: [String]?
        var days: String?
        var earnings: String?
        var label: String?
    }

    static func list(_ req: Request) async throws -> Response {
        let worker = try PassportController.workerID(req)
        return try await listPage(req, worker: worker, problem: nil, status: .ok)
    }

    static func listPage(_ req: Request, worker: WorkerID, problem: String?, status: HTTPStatus) async throws -> Response {
        let app = req.application
        let entries = try await PassportReading.entries(try await app.passportStore.records(worker: worker), store: app.passportStore, taxonomy: app.taxonomy.index)
        // Counts for all links in one query; reading each link's records only to count them
        // loaded every signed token on the page.
        let counts = try await app.shareStore.recordCounts(worker: worker)
        var shares: [ShareSummary] = []
        for share in try await app.shareStore.shares(worker: worker) {
            shares.append(
                ShareSummary(
                    share: share, url: app.sharing.url(share), recordCount: counts[share.id] ?? 0,
                    opens: try await app.shareStore.opens(shareID: share.id)))
        }
        return .html(SharePages.list(PageContext(req), entries: entries, shares: shares, now: app.dependencies.now(), problem: problem), status: status)
    }

    /// POST /paspoort/delen: a new link for the chosen records of this worker.
    static func create(_ req: Request) async throws -> Response {
        let worker = try PassportController.workerID(req)
        let lang = Lang.of(req)
        let form = (try? req.content.decode(ShareForm.self)) ?? ShareForm()
        let own = Set(try await req.application.passportStore.records(worker: worker).map(\.id))
        let chosen = Array(Set((form.records ?? []).map { $0.lowercased() }))
        guard !chosen.isEmpty else {
            return try await listPage(req, worker: worker, problem: lang.t("Kies minstens één werk om te delen.", "Choose at least one piece of work to share."), status: .unprocessableEntity)
        }
        guard chosen.allSatisfy(own.contains) else {
            return try await listPage(
                req, worker: worker, problem: lang.t("Een gekozen werk staat niet (meer) in je paspoort.", "A chosen piece of work is not (or no longer) in your passport."),
                status: .unprocessableEntity)
        }
        guard let days = Int(form.days ?? "\(Sharing.defaultExpiryDays)"), Sharing.expiryChoices.contains(days) else {
            return try await listPage(req, worker: worker, problem: lang.t("Kies hoe lang de link werkt.", "Choose how long the link works."), status: .unprocessableEntity)
        }
        let label = (form.label ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard label.count <= 100 else {
            return try await listPage(req, worker: worker, problem: lang.t("Gebruik voor de naam hoogstens 100 tekens.", "Use at most 100 characters for the name."), status: .unprocessableEntity)
        }
        let share = try await req.application.sharing.create(
            worker: worker, label: label.isEmpty ? "KlusCV" : label, recordIDs: chosen.sorted(),
            showEarnings: form.earnings == "on", days: days)
        return req.redirect(to: SiteRoute.shares.link + "#share-\(share.id)", redirectType: .normal)
    }

    static func ownShare(_ req: Request, worker: WorkerID) async throws -> ShareRow {
        guard let id = req.parameters.get("id"), let share = try await req.application.shareStore.share(id: id),
            share.workerID == worker.string
        else {
            throw Abort(.notFound, reason: Lang.of(req).t("Deze link bestaat niet.", "This link does not exist."))
        }
        return share
    }

    static func revoke(_ req: Request) async throws -> Response {
        let worker = try PassportController.workerID(req)
        let share = try await ownShare(req, worker: worker)
        _ = try await req.application.shareStore.revoke(id: share.id, worker: worker, now: req.application.dependencies.now())
        return req.redirect(to: SiteRoute.shares.link, redirectType: .normal)
    }

    /// GET /paspoort/delen/:id/kluscv.pdf?taal=en: the KlusCV of one share, rendered off the event loop.
    static func kluscv(_ req: Request) async throws -> Response {
        let worker = try PassportController.workerID(req)
        let share = try await ownShare(req, worker: worker)
        let lang: Lang = req.query[String.self, at: "taal"] == "en" ? .en : (req.query[String.self, at: "taal"] == "nl" ? .nl : Lang.of(req))
        let app = req.application
        let sharing = app.sharing
        let view = try await sharing.view(share)
        let pdf = try await app.threadPool.runIfActive(eventLoop: req.eventLoop) { try sharing.kluscv(view, lang) }.get()
        let response = Response(status: .ok, body: .init(data: pdf))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "pdf")
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"KlusCV-\(lang.code).pdf\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
