import Identifiers
import Localization
import Foundation
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

    static func listPage(_ req: Request, worker: UUID, problem: String?, status: HTTPStatus) async throws -> Response {
        let app = req.application
        let entries = try await PassportReading.entries(try await app.passportStore.records(worker: worker), app)
        // Counts for all links in one query; reading each link's records only to count them
        // loaded every signed token on the page.
        let counts = try await app.shareStore.recordCounts(worker: worker)
        var shares: [ShareSummary] = []
        for share in try await app.shareStore.shares(worker: worker) {
            shares.append(ShareSummary(share: share, url: Sharing.url(app, share), recordCount: counts[share.id] ?? 0,
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
            return try await listPage(req, worker: worker, problem: lang.t("Een gekozen werk staat niet (meer) in je paspoort.", "A chosen piece of work is not (or no longer) in your passport."), status: .unprocessableEntity)
        }
        guard let days = Int(form.days ?? "\(Sharing.defaultExpiryDays)"), Sharing.expiryChoices.contains(days) else {
            return try await listPage(req, worker: worker, problem: lang.t("Kies hoe lang de link werkt.", "Choose how long the link works."), status: .unprocessableEntity)
        }
        let label = (form.label ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard label.count <= 100 else {
            return try await listPage(req, worker: worker, problem: lang.t("Gebruik voor de naam hoogstens 100 tekens.", "Use at most 100 characters for the name."), status: .unprocessableEntity)
        }
        let share = try await Sharing.create(req.application, worker: worker, label: label.isEmpty ? "KlusCV" : label, recordIDs: chosen.sorted(),
                                             showEarnings: form.earnings == "on", days: days)
        return req.redirect(to: SiteRoute.shares.link + "#share-\(share.id)", redirectType: .normal)
    }

    static func ownShare(_ req: Request, worker: UUID) async throws -> ShareRow {
        guard let id = req.parameters.get("id"), let share = try await req.application.shareStore.share(id: id),
              share.workerID == worker.idString else {
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
        let view = try await Sharing.view(app, share: share)
        let pdf = try await app.threadPool.runIfActive(eventLoop: req.eventLoop) { try Sharing.kluscv(app, view, lang) }.get()
        let response = Response(status: .ok, body: .init(data: pdf))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "pdf")
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"KlusCV-\(lang.code).pdf\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// The share behind a public link with its records' live statuses (from the cache while that
    /// is still exact), and a note that it was opened (not by its owner).
    static func liveView(_ req: Request) async throws -> (view: ShareView, generation: UInt64) {
        let app = req.application
        let lang = Lang.of(req)
        let now = app.dependencies.now()
        let unknown = Abort(.notFound, reason: lang.t("Deze link bestaat niet. Kijk of je hem goed hebt overgenomen.", "This link does not exist. Check that you copied it correctly."))
        guard let id = req.parameters.get("id"), id.count == 22 else { throw unknown }
        let (view, generation) = try await app.shareViewCache.view(id, now: now) {
            guard let share = try await app.shareStore.share(id: id) else { throw unknown }
            guard share.isLive(at: now) else {
                throw Abort(.gone, reason: lang.t("Deze link werkt niet meer. Vraag de eigenaar om een nieuwe.", "This link no longer works. Ask its owner for a new one."))
            }
            return try await Sharing.view(app, share: share)
        }
        if req.user?.id.idString != view.share.workerID {
            let minute = Date(timeIntervalSince1970: (now.timeIntervalSince1970 / 60).rounded(.down) * 60)
            if app.shareOpenLog.shouldRecord(id, minute) { try await app.shareStore.logOpen(shareID: id, minute: minute) }
        }
        return (view, generation)
    }

    static func publicPage(_ req: Request) async throws -> Response {
        let (view, generation) = try await liveView(req)
        let ctx = PageContext(req)
        let records = req.application.shareViewCache.fragment(view.share.id, ctx.lang.code, generation: generation) {
            RenderedHTML(SharePages.recordList(ctx.lang, view))
        }
        let response = Response.html(SharePages.publicView(ctx, view, records: records.node, checkedAt: req.application.dependencies.now()))
        response.headers.replaceOrAdd(name: "X-Robots-Tag", value: "noindex")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// GET /api/v1/shares/:id: what the page shows, for software: each record's live status and
    /// what it is about. The credentials themselves are at /api/v1/shares/:id/credentials.
    static func publicJSON(_ req: Request) async throws -> Response {
        let (view, generation) = try await liveView(req)
        let lang = Lang.of(req)
        let records = req.application.shareViewCache.fragment(view.share.id, "json-" + lang.code, generation: generation) {
            statusJSON(view, lang).serialized()
        }
        // The records as rendered once per view; only the time of the check is new each time.
        var body = "{\"checkedAt\":"
        JSONValue.writeString(Timestamp.format(req.application.dependencies.now()), to: &body)
        body += ",\"credentials\":"
        JSONValue.writeString(req.application.config.publicURL + SiteRoute.apiShareCredentials(id: view.share.id).link, to: &body)
        body += ",\"expiresAt\":"
        JSONValue.writeString(Timestamp.format(view.share.expiresAt), to: &body)
        body += ",\"name\":"
        JSONValue.writeString(view.workerName, to: &body)
        body += ",\"records\":" + records + "}"
        let response = Response(status: .ok, body: .init(string: body))
        response.headers.contentType = .json
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    static func statusJSON(_ view: ShareView, _ lang: Lang) -> JSONValue {
        .array(view.records.map { shared in
            let e = shared.entry
            var members: [String: JSONValue] = [
                "id": .string(e.row.credentialID ?? "urn:uuid:\(e.row.id)"),
                "status": .string(shared.status.code),
                "statusText": .string(Sharing.statusText(shared.status, issuer: e.issuerName, lang)),
                "source": .string(e.row.isVerified ? "verified" : "self-declared"),
                "kind": .string(e.record.kind.rawValue),
                "roleTitle": .string(e.record.roleTitle),
                "period": e.record.json["period"] ?? .null,
            ]
            if let issuer = e.row.issuerID {
                members["issuer"] = .object(["id": .string("urn:uuid:\(issuer)"), "name": .string(e.issuerName ?? "")])
            }
            if case .revoked(let at) = shared.status { members["revokedAt"] = .string(Timestamp.format(at)) }
            return .object(members)
        })
    }

    /// GET /api/v1/shares/:id/credentials: the shared credentials exactly as issued (JSON Lines),
    /// so anyone can check signatures against the issuers' JWKS and the status lists without
    /// trusting Loopbrug. A credential that holds earnings the worker did not choose to share is
    /// left out (its signature covers the earnings, so they cannot be cut from it).
    static func publicCredentials(_ req: Request) async throws -> Response {
        let view = try await liveView(req).view
        let tokens = view.records.compactMap { shared -> String? in
            guard let token = shared.entry.row.token, view.share.showEarnings || shared.entry.record.earnings == nil else { return nil }
            return token
        }
        let response = Response(status: .ok, body: .init(string: tokens.map { $0 + "\n" }.joined()))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "jsonl", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}

/// A share as the worker's list shows it.
struct ShareSummary {
    let share: ShareRow
    let url: String
    let recordCount: Int
    let opens: [Date]
}

/// Remembers which minute each share's opening was last written, so a busy link costs one
/// write a minute rather than one per view.
final class ShareOpenLog: Sendable {
    private let last = NIOLockedValueBox([String: Date]())

    func shouldRecord(_ shareID: String, _ minute: Date) -> Bool {
        last.withLockedValue { last in
            if last[shareID] == minute { return false }
            if last.count > 10_000 { last.removeAll() }
            last[shareID] = minute
            return true
        }
    }
}

extension Application {
    private struct ShareOpenLogKey: StorageKey { typealias Value = ShareOpenLog }

    var shareOpenLog: ShareOpenLog { shared(ShareOpenLogKey.self) { ShareOpenLog() } }
}
