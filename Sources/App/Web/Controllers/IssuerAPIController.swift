import Crypto
import Foundation
import Identifiers
import Passport
import Vapor

/// The API platforms use: register a key, link a worker by passport code, reserve status list
/// entries, send credentials one by one or as a JSON Lines batch, and revoke them.
enum IssuerAPIController {
    static func json(_ value: JSONValue, status: HTTPStatus = .ok) -> Response {
        let response = Response(status: status, body: .init(string: value.serialized()))
        response.headers.contentType = .json
        return response
    }

    static func problem(_ status: HTTPStatus, _ reason: String, extra: [String: JSONValue] = [:]) -> Response {
        var members = extra
        members["error"] = .bool(true)
        members["reason"] = .string(reason)
        return json(.object(members), status: status)
    }

    /// The request body as JSON, or a 400 that says why not.
    static func body(_ req: Request) throws -> JSONValue {
        guard let buffer = req.body.data, buffer.readableBytes > 0 else { throw Abort(.badRequest, reason: "the request has no body") }
        do { return try JSONValue.parse(buffer.readableBytesView) } catch { throw Abort(.badRequest, reason: "the body is not JSON: \(error)") }
    }

    /// The issuer this API token's account runs, or a 409 telling the platform to register a key first.
    static func ownIssuer(_ req: Request) async throws -> IssuerRow {
        guard let user = req.user else { throw Abort(.unauthorized) }
        guard let issuer = try await req.application.passportStore.issuer(ownedBy: user.id) else {
            throw Abort(.conflict, reason: "register a public key first (POST /api/v1/issuer/keys)")
        }
        return issuer
    }

    /// POST /api/v1/issuer/keys {"jwk": {...}, "name": "…"}: registers a public key; the first
    /// key also creates the issuer for this account.
    static func registerKey(_ req: Request) async throws -> Response {
        guard let user = req.user else { throw Abort(.unauthorized) }
        let body = try body(req)
        guard let jwkValue = body["jwk"], case .object = jwkValue else { return problem(.unprocessableEntity, "jwk: required, a public Ed25519 JWK object") }
        if jwkValue["d"] != nil { return problem(.unprocessableEntity, "jwk: contains a private key (d); send only the public key and keep d secret") }
        let key: Ed25519JWK
        do { key = try Ed25519JWK(json: Array(jwkValue.serialized().utf8)) } catch { return problem(.unprocessableEntity, "jwk: \(error)") }
        let store = req.application.passportStore
        let now = req.application.dependencies.now()
        let issuer: IssuerRow
        do {
            if let existing = try await store.issuer(ownedBy: user.id) {
                try await store.addKey(issuerID: existing.id, key: key, now: now)
                issuer = existing
            } else {
                let name = body["name"]?.stringValue?.trimmingCharacters(in: .whitespacesAndNewlines) ?? user.name
                guard !name.isEmpty, name.count <= 200 else { return problem(.unprocessableEntity, "name: must be 1 to 200 characters") }
                let id = try await store.createIssuer(name: name, ownerUserID: user.id, key: key, now: now)
                issuer = IssuerRow(id: id, name: name, ownerUserID: user.id.string)
            }
        } catch let taken as KeyOfAnotherIssuer {
            return problem(.conflict, "jwk: \(taken)")
        }
        return json(
            .object([
                "issuer": .string("urn:uuid:\(issuer.id)"), "kid": .string(key.thumbprint),
                "jwks": .string("\(req.application.config.publicURL)\(SiteRoute.issuerJWKS(issuerID: issuer.id).link)"),
            ]), status: .created)
    }

    /// POST /api/v1/issuer/links {"code": "ABCD-EFGH"}: redeems a worker's passport code and
    /// returns the subject id to put in that worker's credentials. Nothing else about the worker.
    static func link(_ req: Request) async throws -> Response {
        let issuer = try await ownIssuer(req)
        let body = try body(req)
        guard let code = body["code"]?.stringValue.flatMap(PassportCode.normalise) else {
            return problem(.unprocessableEntity, "code: must be the 8-character passport code the worker shows (like ABCD-EFGH)")
        }
        let store = req.application.passportStore
        let now = req.application.dependencies.now()
        guard let worker = try await store.redeemCode(hash: PassportCode.hash(code), now: now) else {
            return problem(.notFound, "code: unknown, already used or expired; ask the worker for a new code")
        }
        let subject = PairwiseSubject.identifier(worker: worker, issuerID: issuer.id, secret: try await req.application.subjectSecret())
        try await store.link(issuerID: issuer.id, subjectID: subject, worker: worker, now: now)
        return json(.object(["subject": .string(subject)]), status: .created)
    }

    /// POST /api/v1/issuer/status-entries {"count": n}: reserves n unused status list entries.
    static func reserveStatus(_ req: Request) async throws -> Response {
        let issuer = try await ownIssuer(req)
        let body = try body(req)
        guard let count = body["count"]?.numberValue, count.rounded() == count, (1...10_000).contains(count) else {
            return problem(.unprocessableEntity, "count: must be a whole number from 1 to 10000")
        }
        let positions = try await req.application.passportStore.reserveStatusPositions(issuerID: issuer.id, count: Int(count))
        let base = req.application.config.publicURL
        let entries: [JSONValue] = positions.map { position in
            let (list, index) = StatusList.location(ofPosition: position)
            return .object([
                "statusListCredential": .string("\(base)\(SiteRoute.statusList(issuerID: issuer.id, list: list).link)"),
                "statusListIndex": .string(String(index)),
            ])
        }
        return json(.object(["entries": .array(entries)]), status: .created)
    }

    /// POST /api/v1/credentials {"credential": "<compact JWS>"}: stores one credential.
    static func submit(_ req: Request) async throws -> Response {
        let body = try body(req)
        guard let token = body["credential"]?.stringValue else { return problem(.unprocessableEntity, "credential: required, a compact JWS string") }
        return try await importLines([JSONLines.Line(number: 1, text: Substring(token))], req)
    }

    /// POST /api/v1/credentials/batch, body: JSON Lines of compact JWS. All or nothing.
    static func submitBatch(_ req: Request) async throws -> Response {
        guard let buffer = req.body.data else { return problem(.badRequest, "the request has no body") }
        let lines: [JSONLines.Line]
        do { lines = try await Offload.run { () throws(FileProblem) in try JSONLines.lines(in: buffer) } } catch { return problem(.badRequest, "\(error)") }
        return try await importLines(lines, req)
    }

    static func importLines(_ lines: [JSONLines.Line], _ req: Request) async throws -> Response {
        let issuer = try await ownIssuer(req)
        let app = req.application
        let report = try await app.credentials.importing(lines, from: .issuer(issuerID: issuer.id))
        if report.succeeded { return json(.object(["accepted": .number(Double(report.accepted))]), status: .created) }
        let problems: [JSONValue] = report.problems.map { p in
            var members: [String: JSONValue] = ["line": .number(Double(p.line)), "check": .string(p.check), "reason": .string(p.reason)]
            if let field = p.field { members["field"] = .string(field) }
            return .object(members)
        }
        return problem(.unprocessableEntity, "\(report.problems.count) credential(s) refused; nothing was stored", extra: ["problems": .array(problems)])
    }

    /// POST /api/v1/credentials/:id/revoke: sets the credential's bit in the status list.
    static func revoke(_ req: Request) async throws -> Response {
        let issuer = try await ownIssuer(req)
        guard let id = req.parameters.get("id"), id.count < 100,
            try await req.application.credentials.revoke(issuerID: issuer.id, credentialID: id)
        else {
            return problem(.notFound, "this issuer has no credential with that id")
        }
        return json(.object(["revoked": .string(id)]))
    }
}

extension Application {
    /// The secret behind pairwise subject ids, made once per installation.
    func subjectSecret() async throws -> SymmetricKey {
        SymmetricKey(data: try await passportStore.secret(named: "pairwise-subject-v1") { dependencies.randomBytes(32) })
    }
}
