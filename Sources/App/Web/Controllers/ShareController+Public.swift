import Foundation
import Identifiers
import Localization
import NIOConcurrencyHelpers
import Passport
import Vapor

/// What anyone with a share link sees: the records with their live status, as a page, as JSON,
/// and the credentials themselves.
extension ShareController {
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
            return try await app.sharing.view(share)
        }
        if req.user?.id.string != view.share.workerID {
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
        .array(
            view.records.map { shared in
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
