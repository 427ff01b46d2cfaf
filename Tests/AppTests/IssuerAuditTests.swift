import Accounts
import Crypto
import Foundation
import Identifiers
import Passport
import Testing
import VaporTesting

@testable import App

/// The outside audit's findings on the issuer API: one issuer registering another's public key,
/// and parallel single-credential imports answering 500 (`database is locked`).
@Suite struct IssuerAuditTests {
    /// A worker linked to a platform that registered `key`: the platform's API token and the
    /// worker's pairwise subject at that platform.
    struct LinkedPlatform {
        var platform: PassportFlowTests.Platform
        let subject: String
        let workerID: WorkerID
    }

    func linkedPlatform(_ app: Application, name: String, worker: String) async throws -> LinkedPlatform {
        let workerID = try await createUser(app, email: worker, role: .worker, password: "right password 1")
        let browser = Browser(app)
        _ = try await browser.login(worker, "right password 1")
        let codePage = try await browser.post("/paspoort/code", [:])
        let code = try #require(codePage.body.string.firstMatch(of: /class="code" role="status">([A-Z0-9-]{9})</)?.1)
        let user = try await createUser(app, email: "\(name)@test.nl", role: .issuer)
        let token = APITokens.prefix + "token-\(name)"
        try await APITokenModel(userID: user.uuid, name: "t", tokenHash: APITokens.hash(token), createdAt: Date()).create(on: app.db)
        var platform = PassportFlowTests.Platform(token: token)
        let registered = try await PassportFlowTests().api(app, token, "/api/v1/issuer/keys", "{\"jwk\":\(platform.jwk.json()),\"name\":\"\(name)\"}")
        #expect(registered.0 == .created)
        platform.issuerID = String(try #require(registered.1["issuer"]?.stringValue).dropFirst("urn:uuid:".count))
        let link = try await PassportFlowTests().api(app, token, "/api/v1/issuer/links", "{\"code\":\"\(code)\"}")
        return LinkedPlatform(platform: platform, subject: try #require(link.1["subject"]?.stringValue), workerID: workerID)
    }

    @Test(arguments: TestDatabase.available)
    func aPublicKeyBelongsToOneIssuer(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let a = try await linkedPlatform(app, name: "alfa", worker: "sam@test.nl")
            // B (a second platform account) registers A's public key as its own.
            let user = try await createUser(app, email: "beta@test.nl", role: .issuer)
            let token = APITokens.prefix + "token-beta"
            try await APITokenModel(userID: user.uuid, name: "t", tokenHash: APITokens.hash(token), createdAt: Date()).create(on: app.db)
            let stolen = try await PassportFlowTests().api(app, token, "/api/v1/issuer/keys", "{\"jwk\":\(a.platform.jwk.json()),\"name\":\"beta\"}")
            #expect(stolen.0 == .conflict)
            #expect(stolen.1["reason"]?.stringValue?.contains("registered by another issuer") == true)
            // B with a key of its own, then A's key again as a second key: refused too.
            let own = Ed25519JWK(privateKey: Curve25519.Signing.PrivateKey())
            let betaIssuer = try await PassportFlowTests().api(app, token, "/api/v1/issuer/keys", "{\"jwk\":\(own.json()),\"name\":\"beta\"}")
            #expect(betaIssuer.0 == .created)
            #expect(try await PassportFlowTests().api(app, token, "/api/v1/issuer/keys", "{\"jwk\":\(a.platform.jwk.json())}").0 == .conflict)
            let betaID = String(try #require(betaIssuer.1["issuer"]?.stringValue).dropFirst("urn:uuid:".count))
            #expect(!(try await Browser(app).get("/issuers/\(betaID)/jwks.json").body.string.contains(a.platform.jwk.thumbprint)))
            // Registering its own key again is still fine, and A's credentials all verify.
            #expect(try await PassportFlowTests().api(app, a.platform.token, "/api/v1/issuer/keys", "{\"jwk\":\(a.platform.jwk.json())}").0 == .created)
            for position in 0..<5 {
                let credential = try a.platform.sign(PassportFlowTests.record(), subject: a.subject, position: position)
                let stored = try await PassportFlowTests().api(app, a.platform.token, "/api/v1/credentials", "{\"credential\":\"\(credential)\"}")
                #expect(stored.0 == .created, "\(stored.1.serialized())")
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func parallelImportsFromOnePlatformAllSucceed(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let a = try await linkedPlatform(app, name: "alfa", worker: "sam@test.nl")
            let credentials = try (0..<10).map { try a.platform.sign(PassportFlowTests.record(), subject: a.subject, position: $0) }
            let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                for credential in credentials {
                    group.addTask {
                        try await PassportFlowTests().api(app, a.platform.token, "/api/v1/credentials", "{\"credential\":\"\(credential)\"}").0.code
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == 201 }, "\(statuses.sorted())")
            #expect(try await app.passportStore.records(worker: a.workerID).count == 10)
        }
    }
}
