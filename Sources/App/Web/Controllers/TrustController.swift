import Crypto
import Foundation
import Localization
import NIOConcurrencyHelpers
import Passport
import Vapor

/// What anyone needs to check a credential without asking Loopbrug: issuers' public keys
/// (JWKS), status lists, the standard's schema and context, and the OpenAPI description.
enum TrustController {
    static func jwks(_ req: Request) async throws -> Response {
        guard let id = req.parameters.get("id")?.lowercased(), UUID(uuidString: id) != nil,
            let issuer = try await req.application.passportStore.issuer(id: id)
        else {
            throw Abort(.notFound, reason: Lang.of(req).t("Deze uitgever bestaat niet.", "This issuer does not exist."))
        }
        let keys = try await req.application.passportStore.activeKeys(issuerID: issuer.id)[issuer.id] ?? [:]
        return jwksResponse(keys.keys.sorted().compactMap { keys[$0] })
    }

    static func loopbrugJWKS(_ req: Request) async throws -> Response {
        jwksResponse([Ed25519JWK(privateKey: try await req.application.statusListKey())])
    }

    static func jwksResponse(_ keys: [Ed25519JWK]) -> Response {
        let body = "{\"keys\":[" + keys.map { $0.json() }.joined(separator: ",") + "]}"
        let response = Response(status: .ok, body: .init(string: body))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "jwk-set+json")
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=300")
        return response
    }

    /// GET /status/:issuer/:list: a BitstringStatusListCredential, signed by Loopbrug, which hosts
    /// the lists for its issuers (see the standard, "Revocation").
    static func statusList(_ req: Request) async throws -> Response {
        guard let issuerID = req.parameters.get("issuer")?.lowercased(), UUID(uuidString: issuerID) != nil,
            let list = req.parameters.get("list").flatMap(Int.init), (1...10_000).contains(list),
            try await req.application.passportStore.issuer(id: issuerID) != nil
        else {
            throw Abort(.notFound, reason: "no such status list")
        }
        let app = req.application
        let token: String
        if let cached = app.statusListCache.get(issuerID, list) {
            token = cached
        } else {
            var bits = StatusList()
            for index in try await app.passportStore.revokedIndices(issuerID: issuerID, list: list) { bits[index] = true }
            let url = app.config.publicURL + SiteRoute.statusList(issuerID: issuerID, list: list).link
            let payload = JSONValue.object([
                "@context": .array([.string(WorkCredential.contexts[0])]),
                "id": .string(url),
                "type": .array([.string("VerifiableCredential"), .string("BitstringStatusListCredential")]),
                "issuer": .string(app.config.publicURL),
                "validFrom": .string(Timestamp.format(app.dependencies.now())),
                "credentialSubject": .object([
                    "id": .string(url + "#list"), "type": .string("BitstringStatusList"),
                    "statusPurpose": .string("revocation"), "encodedList": .string(bits.encoded()),
                ]),
            ])
            let key = try await app.statusListKey()
            token = try CompactJWS.sign(payload: payload.serialized(), key: key, keyID: Ed25519JWK(privateKey: key).thumbprint)
            app.statusListCache.set(issuerID, list, token)
        }
        let response = Response(status: .ok, body: .init(string: token))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "vc+jwt")
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=60")
        return response
    }

    /// GET /standard/v0.1/:file: the schema and JSON-LD context as published in docs/standard.
    static func standardFile(_ req: Request) throws -> Response {
        let names = [
            "work-record.schema.json": "application/schema+json", "context.jsonld": "application/ld+json",
            "spec.md": "text/markdown; charset=utf-8",
        ]
        guard let name = req.parameters.get("file"), let type = names[name],
            let data = FileManager.default.contents(atPath: req.application.config.standardDirectory + "/" + name)
        else {
            throw Abort(.notFound)
        }
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: type)
        return response
    }

    static func openAPI(_ req: Request) throws -> Response {
        guard let data = FileManager.default.contents(atPath: req.application.config.standardDirectory + "/openapi.json") else { throw Abort(.notFound) }
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.contentType = .json
        return response
    }
}

/// Signed status lists, kept until a revocation changes them.
final class StatusListCache: Sendable {
    private let entries = NIOLockedValueBox<[String: String]>([:])
    func get(_ issuer: String, _ list: Int) -> String? { entries.withLockedValue { $0["\(issuer)/\(list)"] } }
    func set(_ issuer: String, _ list: Int, _ token: String) { entries.withLockedValue { $0["\(issuer)/\(list)"] = token } }
    func invalidate(_ issuer: String) { entries.withLockedValue { $0 = $0.filter { !$0.key.hasPrefix(issuer + "/") } } }
}

extension Application {
    private struct StatusListCacheKey: StorageKey { typealias Value = StatusListCache }

    var statusListCache: StatusListCache { shared(StatusListCacheKey.self) { StatusListCache() } }

    /// Loopbrug's own Ed25519 key, which signs the status lists it hosts.
    func statusListKey() async throws -> Curve25519.Signing.PrivateKey {
        let raw = try await passportStore.secret(named: "status-list-key-v1") { dependencies.randomBytes(32) }
        return try Curve25519.Signing.PrivateKey(rawRepresentation: raw)
    }
}
