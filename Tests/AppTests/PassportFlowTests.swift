import Accounts
import Crypto
import Foundation
import Identifiers
import Passport
import Testing
import VaporTesting

@testable import App

/// A platform's whole path, over HTTP: register a key, redeem a worker's passport code, send
/// credentials, see them refused for the right reasons, revoke one; on every database.
@Suite struct PassportFlowTests {
    static func record(start: String = "2025-03-01", hours: Double = 120, occupation: String? = Fixtures.cashierURI) -> JSONValue {
        var members: [String: JSONValue] = [
            "type": .string("WorkRecord"), "kind": .string("platform-work"), "aggregation": .string("period"),
            "period": .object(["start": .string(start), "end": .string("2025-08-31")]), "hours": .number(hours), "jobs": .number(40),
            "roleTitle": .string("Kassahulp op afroep"), "organisation": .object(["name": .string("Snel Personeel")]),
            "ratings": .object(["average": .number(4.5), "scale": .number(5), "count": .number(30)]),
            "earnings": .object(["amount": .number(1800), "currency": .string("EUR")]),
        ]
        if let occupation { members["occupation"] = .string(occupation) }
        return .object(members)
    }

    struct Platform {
        let key = Curve25519.Signing.PrivateKey()
        let token: String
        var issuerID = ""
        var jwk: Ed25519JWK { Ed25519JWK(privateKey: key) }

        func sign(_ record: JSONValue, subject: String, position: Int, id: UUID = UUID()) throws -> String {
            guard case .object(var members) = record else { fatalError() }
            members["id"] = .string(subject)
            let payload = WorkCredential.payload(
                id: id, issuerID: issuerID, issuerName: "Snel Personeel", record: .object(members),
                validFrom: Date(timeIntervalSince1970: 1_790_000_000), statusPosition: position, baseURL: "http://127.0.0.1:8080")
            return try CompactJWS.sign(payload: payload.serialized(), key: key, keyID: jwk.thumbprint)
        }
    }

    func api(_ app: Application, _ token: String, _ path: String, _ body: String, type: String = "application/json") async throws -> (HTTPStatus, JSONValue) {
        let r = try await Browser(app).send(.POST, path, headers: ["Authorization": "Bearer \(token)", "Content-Type": type], body: body)
        return (r.status, (try? JSONValue.parse(Array(r.body.readableBytesView))) ?? .null)
    }

    /// A signed-in worker and a platform with an API key and a registered public key, linked
    /// through the worker's one-time passport code, as the documented API flow does it.
    struct Linked {
        let workerID: WorkerID
        let worker: Browser
        let platform: Platform
        let code: String
        let subject: String
    }

    func linkedPlatform(_ app: Application) async throws -> Linked {
        let workerID = try await createUser(app, email: "sam@test.nl", role: .worker, password: "right password 1")
        let worker = Browser(app)
        _ = try await worker.login("sam@test.nl", "right password 1")
        let codePage = try await worker.post("/paspoort/code", [:])
        let code = String(try #require(codePage.body.string.firstMatch(of: /class="code" role="status">([A-Z0-9-]{9})</)?.1))
        let issuerUser = try await createUser(app, email: "platform@test.nl", role: .issuer)
        var platform = Platform(token: APITokens.prefix + "test-platform")
        try await APITokenModel(userID: issuerUser.uuid, name: "t", tokenHash: APITokens.hash(platform.token), createdAt: Date()).create(on: app.db)
        let registered = try await api(app, platform.token, "/api/v1/issuer/keys", "{\"jwk\":\(platform.jwk.json()),\"name\":\"Snel Personeel\"}")
        #expect(registered.0 == .created)
        platform.issuerID = String(try #require(registered.1["issuer"]?.stringValue).dropFirst("urn:uuid:".count))
        let link = try await api(app, platform.token, "/api/v1/issuer/links", "{\"code\":\"\(code.lowercased())\"}")
        #expect(link.0 == .created)
        return Linked(workerID: workerID, worker: worker, platform: platform, code: code, subject: try #require(link.1["subject"]?.stringValue))
    }

    @Test(arguments: TestDatabase.available)
    func aPlatformRegistersItsPublicKeyAndLinksAWorkerOnce(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let l = try await linkedPlatform(app)
            let privateKey = try await api(app, l.platform.token, "/api/v1/issuer/keys", "{\"jwk\":\(l.platform.jwk.json(includePrivate: true))}")
            #expect(privateKey.0 == .unprocessableEntity, "a private key is refused")
            let jwks = try await Browser(app).get("/issuers/\(l.platform.issuerID)/jwks.json")
            #expect(jwks.body.string.contains(l.platform.jwk.thumbprint))
            #expect(PairwiseSubject.isWellFormed(l.subject) && !l.subject.contains(l.workerID.string), "the pairwise id reveals nothing")
            #expect(try await api(app, l.platform.token, "/api/v1/issuer/links", "{\"code\":\"\(l.code)\"}").0 == .notFound, "a code works once")
        }
    }

    @Test(arguments: TestDatabase.available)
    func aBatchWithBadLinesStoresNothingAndNamesEveryLine(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let l = try await linkedPlatform(app)
            let (platform, subject) = (l.platform, l.subject)
            let good = try platform.sign(Self.record(), subject: subject, position: 0)
            #expect(try await api(app, platform.token, "/api/v1/credentials", "{\"credential\":\"\(good)\"}").0 == .created)
            var tampered = Array(try platform.sign(Self.record(), subject: subject, position: 2))
            let dot = tampered.firstIndex(of: ".")!
            tampered[dot + 10] = tampered[dot + 10] == "A" ? "B" : "A"
            let batch = [
                try platform.sign(Self.record(), subject: subject, position: 1),
                good,  // duplicate
                String(tampered),  // signature
                try platform.sign(Self.record(hours: -1), subject: subject, position: 3),  // schema
                try platform.sign(Self.record(), subject: PairwiseSubject.prefix + String(repeating: "a", count: 26), position: 4),  // unlinked
                try platform.sign(Self.record(occupation: "http://data.europa.eu/esco/occupation/00000000-0000-4000-8000-00000000ffff"), subject: subject, position: 5),
            ].joined(separator: "\n")
            let refused = try await api(app, platform.token, "/api/v1/credentials/batch", batch, type: "application/jsonl")
            #expect(refused.0 == .unprocessableEntity)
            let problems = try #require(refused.1["problems"]?.arrayValue)
            #expect(problems.map { $0["line"]?.numberValue ?? 0 } == [2, 3, 4, 5, 6])
            #expect(problems.map { $0["check"]?.stringValue ?? "" } == ["duplicate", "signature", "schema", "subject", "schema"])
            #expect(problems[2]["field"]?.stringValue == "credentialSubject.hours")
            #expect(problems[4]["field"]?.stringValue == "credentialSubject.occupation")
            #expect(try await app.passportStore.records(worker: l.workerID).count == 1, "the refused batch stored nothing")
        }
    }

    @Test(arguments: TestDatabase.available)
    func theWorkerSeesConfirmedWorkAndARevocationAtOnce(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let l = try await linkedPlatform(app)
            let credentialID = UUID()
            let good = try l.platform.sign(Self.record(), subject: l.subject, position: 0, id: credentialID)
            let stored = try await api(app, l.platform.token, "/api/v1/credentials", "{\"credential\":\"\(good)\"}")
            #expect(stored.0 == .created, "\(stored.1.serialized())")

            let page = try await l.worker.get("/paspoort")
            #expect(page.body.string.contains("Bevestigd door Snel Personeel"))
            #expect(page.body.string.contains("betalingen verwerken"), "the occupation's essential skills are shown, in Dutch")
            #expect(!page.body.string.contains("1800"), "no earnings on the passport page")

            let listBefore = try await Browser(app).get("/status/\(l.platform.issuerID)/1")
            let revoked = try await api(app, l.platform.token, "/api/v1/credentials/urn:uuid:\(credentialID.idString)/revoke", "")
            #expect(revoked.0 == .ok)
            let listAfter = try await Browser(app).get("/status/\(l.platform.issuerID)/1")
            #expect(try Self.bit(listBefore.body.string, index: 0) == false)
            #expect(try Self.bit(listAfter.body.string, index: 0) == true)
            #expect(try await l.worker.get("/paspoort").body.string.contains("Ingetrokken door Snel Personeel"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func aPlatformUploadsAJSONLinesFileInTheBrowser(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let workerID = try await createUser(app, email: "sam@test.nl", role: .worker)
            let issuerUser = try await createUser(app, email: "platform@test.nl", role: .issuer, password: "right password 1")
            let browser = Browser(app)
            _ = try await browser.login("platform@test.nl", "right password 1")
            #expect(
                try await browser.upload("/account/werkbewijzen", field: "file", filename: "werk.jsonl", content: "x\n").status == .conflict,
                "no key registered yet")
            var platform = Platform(token: "")
            platform.issuerID = try await app.passportStore.createIssuer(name: "Snel Personeel", ownerUserID: issuerUser, key: Ed25519JWK(publicKey: platform.key.publicKey), now: Date())
            let subject = PairwiseSubject.identifier(worker: workerID, issuerID: platform.issuerID, secret: try await app.subjectSecret())
            try await app.passportStore.link(issuerID: platform.issuerID, subjectID: subject, worker: workerID, now: Date())
            let good = try platform.sign(Self.record(), subject: subject, position: 0)
            let bad = try platform.sign(Self.record(hours: -1), subject: subject, position: 1)

            let empty = try await browser.upload("/account/werkbewijzen", field: "file", filename: "leeg.jsonl", content: "")
            #expect(empty.status == .unprocessableEntity && empty.body.string.contains("niet leeg"))
            let refused = try await browser.upload("/account/werkbewijzen", field: "file", filename: "werk.jsonl", content: good + "\n" + bad + "\n")
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("werk.jsonl: 1 regel klopt niet") && refused.body.string.contains("credentialSubject.hours"))
            #expect(try await app.passportStore.records(worker: workerID).isEmpty, "all or nothing")
            let stored = try await browser.upload("/account/werkbewijzen", field: "file", filename: "werk.jsonl", content: good + "\n")
            #expect(stored.status == .created && stored.body.string.contains("1 werkbewijzen opgeslagen"))
            #expect(try await app.passportStore.records(worker: workerID).count == 1)
            // the page's link to the standard works
            let spec = try await browser.get("/standard/v0.1/spec.md")
            #expect(spec.status == .ok && spec.body.string.contains("Loopbrug work record standard"))
        }
    }

    /// Reads a status list credential's bit, checking Loopbrug's signature over it.
    static func bit(_ token: String, index: Int) throws -> Bool {
        let jws = try CompactJWS(Substring(token))
        let payload = try JSONValue.parse(jws.payload)
        let encoded = try #require(payload["credentialSubject"]?["encodedList"]?.stringValue)
        let list = try #require(StatusList(encoded: encoded))
        return list[index]
    }

    @Test func aWorkerAddsWorkThemselvesAndTheFormExplainsMistakes() async throws {
        try await withTestApp { app in
            _ = try await createUser(app, email: "sam@test.nl", role: .worker, password: "right password 1")
            let worker = Browser(app)
            _ = try await worker.login("sam@test.nl", "right password 1")
            let bad = try await worker.post("/paspoort/toevoegen", ["kind": "informal-care", "roleTitle": "", "start": "2025-02-30", "end": "2024-01-01", "hours": "veel"])
            #expect(bad.status == .unprocessableEntity)
            for message in ["Schrijf op wat je deed", "Vul een datum in, zoals 2024-03-01.", "Vul een aantal uren in"] {
                #expect(bad.body.string.contains(message), "\(message)")
            }
            // "1.200" is twelve hundred in Dutch.
            let saved = try await worker.post(
                "/paspoort/toevoegen",
                [
                    "kind": "informal-care", "roleTitle": "Mantelzorger voor mijn vader",
                    "start": "2022-01-01", "hours": "1.200", "occupation": "kassamedewerker", "tasks": "Boodschappen\nMedicijnen",
                ])
            #expect(saved.status == .seeOther)
            let page = try await worker.get("/paspoort").body.string
            #expect(page.contains("Zelf ingevuld") && page.contains("Mantelzorger voor mijn vader") && page.contains("1.200 uur"))
        }
    }

    /// The audit could never save self-declared platform work: the standard requires the
    /// platform, the number of jobs and how they are counted, and the form asked for none of it.
    @Test func aWorkerAddsPlatformWorkThemselves() async throws {
        try await withTestApp { app in
            let id = try await createUser(app, email: "sam@test.nl", role: .worker, password: "right password 1")
            let worker = Browser(app)
            _ = try await worker.login("sam@test.nl", "right password 1")
            let missing = try await worker.post("/paspoort/toevoegen", ["kind": "platform-work", "roleTitle": "Bezorger", "start": "2025-01-01"])
            #expect(missing.status == .unprocessableEntity)
            let body = missing.body.string
            #expect(body.contains("Vul in via welk platform je werkte.") && body.contains("Vul in hoeveel klussen of diensten je deed"))
            #expect(!body.contains("is required"), "no English schema words on a Dutch page")

            let saved = try await worker.post(
                "/paspoort/toevoegen",
                [
                    "kind": "platform-work", "roleTitle": "Bezorger", "organisation": "Snel Bezorgd",
                    "start": "2025-01-01", "end": "2025-06-30", "jobs": "140", "hours": "310",
                ])
            #expect(saved.status == .seeOther, "\(saved.body.string.prefix(2000))")
            let rows = try await app.passportStore.records(worker: id)
            #expect(rows.count == 1 && rows[0].recordJSON.contains("\"aggregation\":\"period\"") && rows[0].recordJSON.contains("\"jobs\":140"))
        }
    }
}
