import Accounts
import Crypto
import Foundation
import Identifiers
import Passport
import SQLKit
import Testing
import VaporTesting

@testable import App

/// Share links, the public verification page and its JSON, the KlusCV download, the GDPR export
/// and account deletion, over HTTP, on every database.
@Suite struct ShareAndGDPRTests {
    /// A worker with one record a registered platform signed (imported the real way) and one they added themselves.
    static func workerWithRecords(_ app: Application) async throws -> (worker: WorkerID, browser: Browser, issuerID: String, credentialID: String) {
        let worker = try await createUser(app, email: "zoe@test.nl", role: .worker, password: "right password 1")
        let browser = Browser(app)
        _ = try await browser.login("zoe@test.nl", "right password 1")
        #expect(try await browser.post("/paspoort/toevoegen", ["kind": "volunteering", "roleTitle": "Vrijwilliger voedselbank", "start": "2023-01-01"]).status == .seeOther)
        let key = Curve25519.Signing.PrivateKey()
        let issuerID = try await app.passportStore.createIssuer(name: "Snel Personeel", ownerUserID: nil, key: Ed25519JWK(publicKey: key.publicKey), now: Date(timeIntervalSince1970: 1_790_000_000))
        let issuer = try #require(try await app.passportStore.issuer(id: issuerID))
        let tokens = try await app.passport.sign(
            records: [PassportFlowTests.record()], issuer: issuer, key: Ed25519JWK(privateKey: key),
            store: app.passportStore, baseURL: "http://127.0.0.1:8080", now: Date(timeIntervalSince1970: 1_790_000_000))
        let report = try await app.passport.importCredentials(
            [JSONLines.Line(number: 1, text: Substring(tokens[0]))], from: .admin(worker: worker),
            store: app.passportStore, taxonomy: app.taxonomy.index, now: Date(timeIntervalSince1970: 1_800_000_000))
        #expect(report.succeeded)
        let credentialID = try #require(try await app.passportStore.records(worker: worker).first { $0.isVerified }?.credentialID)
        return (worker, browser, issuerID, credentialID)
    }

    /// The worker of `workerWithRecords` shares only the issued record, without earnings.
    static func sharedIssuedRecord(_ app: Application) async throws -> (worker: WorkerID, browser: Browser, issuerID: String, credentialID: String, issued: PassportRecordRow, share: ShareRow) {
        let (worker, browser, issuerID, credentialID) = try await workerWithRecords(app)
        let issued = try #require(try await app.passportStore.records(worker: worker).first { $0.isVerified })
        let made = try await browser.post("/paspoort/delen", ["records[]": issued.id, "days": "30", "label": "Albert Heijn"])
        #expect(made.status == .seeOther)
        let share = try #require(try await app.shareStore.shares(worker: worker).first)
        return (worker, browser, issuerID, credentialID, issued, share)
    }

    @Test(arguments: TestDatabase.available)
    func badChoicesAreRefusedWithAReasonAndMakeNoLink(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (worker, browser, _, _) = try await Self.workerWithRecords(app)
            let issued = try #require(try await app.passportStore.records(worker: worker).first { $0.isVerified })
            #expect(try await browser.get("/paspoort/delen").body.string.contains("Vrijwilliger voedselbank"))
            #expect(try await browser.post("/paspoort/delen", ["days": "30"]).body.string.contains("Kies minstens één werk"))
            #expect(try await browser.post("/paspoort/delen", ["records[]": UUID().uuidString, "days": "30"]).status == .unprocessableEntity)
            #expect(try await browser.post("/paspoort/delen", ["records[]": issued.id, "days": "7"]).status == .unprocessableEntity)
            #expect(try await app.shareStore.shares(worker: worker).isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func theEmployerSeesOnlyTheChosenWorkConfirmedAndNoEarnings(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (_, _, _, _, _, share) = try await Self.sharedIssuedRecord(app)
            #expect(share.label == "Albert Heijn" && !share.showEarnings)
            let employer = Browser(app)
            let page = try await employer.get("/v/\(share.id)")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Bevestigd door Snel Personeel") && page.body.string.contains("Kassahulp op afroep"))
            #expect(!page.body.string.contains("Vrijwilliger voedselbank"), "a record left out of the share is not shown")
            #expect(!page.body.string.contains("1.800") && !page.body.string.contains("1800"), "earnings stay hidden")
            #expect(page.headers.first(name: "X-Robots-Tag") == "noindex")
            let json = try JSONValue.parse(Array(try await employer.get("/api/v1/shares/\(share.id)").body.readableBytesView))
            let record = try #require(json["records"]?.arrayValue?.first)
            #expect(record["status"]?.stringValue == "valid")
            #expect(record["roleTitle"]?.stringValue == "Kassahulp op afroep" && record["earnings"] == nil)
            let credentials = try await employer.get("/api/v1/shares/\(share.id)/credentials")
            #expect(credentials.status == .ok && credentials.body.readableBytes == 0, "the credential holds earnings, so it is left out")
        }
    }

    @Test(arguments: TestDatabase.available)
    func withEarningsSharedTheCredentialAsIssuedCanBeChecked(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (worker, browser, _, _, issued, _) = try await Self.sharedIssuedRecord(app)
            _ = try await browser.post("/paspoort/delen", ["records[]": issued.id, "days": "30", "earnings": "on"])
            let withEarnings = try #require(try await app.shareStore.shares(worker: worker).first { $0.showEarnings })
            let employer = Browser(app)
            #expect(try await employer.get("/api/v1/shares/\(withEarnings.id)/credentials").body.string == issued.token! + "\n")
            #expect(try await employer.get("/v/\(withEarnings.id)").body.string.contains("verdiend € 1.800"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func theWorkerSeesOthersOpenTheLinkButNotTheirOwnLook(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (_, browser, _, _, _, share) = try await Self.sharedIssuedRecord(app)
            _ = try await Browser(app).get("/v/\(share.id)")
            _ = try await browser.get("/v/\(share.id)")
            #expect(try await app.shareStore.opens(shareID: share.id).count == 1)
            let list = try await browser.get("/paspoort/delen").body.string
            #expect(list.contains("Geopend: 1 keer"))
            #expect(list.contains("1 keer werk · gemaakt op"), "the link's record count")
        }
    }

    @Test(arguments: TestDatabase.available)
    func aPlatformRevocationShowsOnTheSameLinkAtOnce(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (_, _, issuerID, credentialID, _, share) = try await Self.sharedIssuedRecord(app)
            let platformUser = try await createUser(app, email: "platform@test.nl", role: .issuer)
            try await app.db.sql.update("issuers").set("owner_user_id", to: SQLBind(platformUser.string))
                .where("id", .equal, issuerID).run()
            let apiToken = APITokens.prefix + "test-platform"
            try await APITokenModel(userID: platformUser.uuid, name: "t", tokenHash: APITokens.hash(apiToken), createdAt: Date()).create(on: app.db)
            let revoke = try await Browser(app).send(.POST, "/api/v1/credentials/\(credentialID)/revoke", headers: ["Authorization": "Bearer \(apiToken)"])
            #expect(revoke.status == .ok)
            let employer = Browser(app)
            let after = try JSONValue.parse(Array(try await employer.get("/api/v1/shares/\(share.id)").body.readableBytesView))
            #expect(after["records"]?.arrayValue?.first?["status"]?.stringValue == "revoked")
            #expect(try await employer.get("/v/\(share.id)").body.string.contains("Ingetrokken door Snel Personeel"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func onlyTheOwnerGetsTheKlusCVAndEndsTheLinkForEveryone(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (_, browser, _, _, _, share) = try await Self.sharedIssuedRecord(app)
            let pdf = try await browser.get("/paspoort/delen/\(share.id)/kluscv.pdf?taal=en")
            #expect(pdf.status == .ok && pdf.headers.contentType?.subType == "pdf")
            #expect(Data(pdf.body.readableBytesView).starts(with: Data("%PDF-".utf8)))
            _ = try await createUser(app, email: "other@test.nl", role: .worker, password: "right password 1")
            let other = Browser(app)
            _ = try await other.login("other@test.nl", "right password 1")
            #expect(try await other.get("/paspoort/delen/\(share.id)/kluscv.pdf").status == .notFound)
            #expect(try await other.post("/paspoort/delen/\(share.id)/intrekken", [:]).status == .notFound)

            let employer = Browser(app)
            #expect(try await browser.post("/paspoort/delen/\(share.id)/intrekken", [:]).status == .seeOther)
            #expect(try await employer.get("/v/\(share.id)").status == .gone)
            #expect(try await employer.get("/api/v1/shares/\(share.id)").status == .gone)
            #expect(try await employer.get("/v/not-a-share").status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.available)
    func exportEverythingThenDeleteTheAccountKeepingOnlyAReceipt(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let (worker, browser, issuerID, _) = try await Self.workerWithRecords(app)
            let rows = try await app.passportStore.records(worker: worker)
            _ = try await browser.post("/paspoort/delen", ["records[]": rows[0].id, "days": "90"])
            let share = try #require(try await app.shareStore.shares(worker: worker).first)

            // the export: a zip with the account, records, credentials as issued, links and the KlusCV
            let zip = try await browser.get("/paspoort/export.zip")
            #expect(zip.status == .ok && zip.headers.contentType == .zip)
            let bytes = Data(zip.body.readableBytesView)
            #expect(bytes.starts(with: [0x50, 0x4b, 0x03, 0x04]))
            let text = String(decoding: bytes, as: UTF8.self)
            for name in ["account.json", "passport.json", "credentials.jsonl", "shares.json", "kluscv.pdf"] {
                #expect(text.contains("loopbrug-export/\(name)"), "\(name) in the zip")
            }
            #expect(text.contains("zoe@test.nl") && text.contains("Vrijwilliger voedselbank"))
            // an independent tool reads it: Info-ZIP's unzip checks every entry's CRC
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString).zip")
            try bytes.write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let unzip = Process()
            unzip.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
            unzip.arguments = ["-t", file.path]
            let out = Pipe()
            unzip.standardOutput = out
            try unzip.run()
            let report = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            unzip.waitUntilExit()
            #expect(unzip.terminationStatus == 0 && report.contains("No errors detected"), "\(report)")

            // deleting needs the ticked box and the right password; a refusal deletes nothing
            #expect(try await browser.post("/account/verwijderen", ["password": "right password 1"]).status == .unprocessableEntity)
            #expect(try await browser.post("/account/verwijderen", ["password": "wrong", "confirm": "on"]).status == .unauthorized)
            #expect(try await app.passportStore.records(worker: worker).count == 2)

            let deleted = try await browser.post("/account/verwijderen", ["password": "right password 1", "confirm": "on"])
            #expect(deleted.status == .ok && deleted.body.string.contains("Bewijs van verwijdering"))
            #expect(try await UserModel.find(worker.uuid, on: app.db) == nil)
            #expect(try await app.passportStore.records(worker: worker).isEmpty)
            #expect(try await app.shareStore.shares(worker: worker).isEmpty)
            #expect(try await Browser(app).get("/v/\(share.id)").status == .notFound, "shared links are dead")
            #expect(try await browser.get("/paspoort").status != .ok, "the old session no longer works")
            #expect(try await app.passportStore.issuer(id: issuerID) != nil, "the platform stays: its other credentials must still verify")

            // the receipt says when and how much, and nothing about the person
            let receipts = try await app.db.sql.select().columns("id", "records_deleted", "shares_deleted").from("deletion_receipts").all()
            #expect(receipts.count == 1)
            #expect(try receipts[0].decode(column: "records_deleted", as: Int.self) == 2)
            let stored = try await app.db.sql.raw("SELECT * FROM deletion_receipts").all()
            let receiptText = stored.map { row in row.allColumns.map { (try? row.decode(column: $0, as: String.self)) ?? "" }.joined() }.joined()
            #expect(!receiptText.contains("zoe") && !receiptText.contains(worker.string))
        }
    }
}

/// The verification link answers from a cache, but never with a status that has changed.
@Suite struct ShareCacheTests {
    final class Clock: @unchecked Sendable {
        var now = Date(timeIntervalSince1970: 1_800_000_000)
    }

    /// The audit emptied the share cache with any POST, even an anonymous one to a missing path.
    @Test func onlyASucceededWriteBySomeoneSignedInMovesTheCacheOn() async throws {
        try await withTestApp { app in
            let before = app.shareViewCache.generation
            _ = try await Browser(app).send(.POST, "/bestaat/niet", headers: ["Content-Type": "application/x-www-form-urlencoded"], body: "a=b")
            _ = try await Browser(app).post("/registreren", ["email": "x", "name": "", "password": "kort", "role": "worker"])
            _ = try await Browser(app).send(.POST, "/api/v1/credentials", headers: ["Authorization": "Bearer lbk_nope"], body: "{}")
            #expect(app.shareViewCache.generation == before, "refused or anonymous posts write nothing")
            _ = try await createUser(app, email: "sam@test.nl", role: .worker, password: "right password 1")
            let sam = Browser(app)
            _ = try await sam.login("sam@test.nl", "right password 1")
            #expect(try await sam.post("/paspoort/code", [:]).status == .ok)
            #expect(app.shareViewCache.generation != before)
        }
    }

    @Test func aCachedViewEndsAtTheNextValidityBoundary() async throws {
        let clock = Clock()
        try await withTestApp(now: { clock.now }) { app in
            let worker = try await createUser(app, email: "zoe@test.nl", role: .worker)
            let key = Curve25519.Signing.PrivateKey()
            let issuerID = try await app.passportStore.createIssuer(name: "Snel Personeel", ownerUserID: nil, key: Ed25519JWK(publicKey: key.publicKey), now: clock.now)
            let issuer = try #require(try await app.passportStore.issuer(id: issuerID))
            // valid for two more seconds: well inside the cache's 5-second bound
            let tokens = try await app.passport.sign(
                records: [PassportFlowTests.record()], issuer: issuer, key: Ed25519JWK(privateKey: key), store: app.passportStore,
                baseURL: "http://127.0.0.1:8080", now: clock.now.addingTimeInterval(-60), validUntil: clock.now.addingTimeInterval(2))
            _ = try await app.passport.importCredentials(
                [JSONLines.Line(number: 1, text: Substring(tokens[0]))], from: .admin(worker: worker),
                store: app.passportStore, taxonomy: app.taxonomy.index, now: clock.now)
            let ids = try await app.passportStore.records(worker: worker).map(\.id)
            let share = try await app.sharing.create(worker: worker, label: "t", recordIDs: ids, showEarnings: false, days: 30)
            func status() async throws -> String? {
                let body = try await Browser(app).get("/api/v1/shares/\(share.id)").body
                return try JSONValue.parse(Array(body.readableBytesView))["records"]?.arrayValue?.first?["status"]?.stringValue
            }
            #expect(try await status() == "valid")
            clock.now = clock.now.addingTimeInterval(1)
            #expect(try await status() == "valid", "served from the cache")
            clock.now = clock.now.addingTimeInterval(2)
            #expect(try await status() == "expired", "the boundary passed: recomputed")
            clock.now = clock.now.addingTimeInterval(30 * 86_400)
            #expect(try await Browser(app).get("/api/v1/shares/\(share.id)").status == .gone, "the link itself expired")
        }
    }
}

/// The import stores chunk by chunk inside one transaction: a bad line in a later chunk still
/// undoes the earlier chunks, and every bad line of every chunk is reported.
@Suite struct ChunkedImportTests {
    @Test(arguments: TestDatabase.available)
    func aBadLineInALaterChunkUndoesTheEarlierOnes(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let worker = try await createUser(app, email: "zoe@test.nl", role: .worker)
            let key = Curve25519.Signing.PrivateKey()
            let issuerID = try await app.passportStore.createIssuer(name: "Snel Personeel", ownerUserID: nil, key: Ed25519JWK(publicKey: key.publicKey), now: Date())
            let issuer = try #require(try await app.passportStore.issuer(id: issuerID))
            var records = (0..<7).map { _ in PassportFlowTests.record() }
            records[5] = PassportFlowTests.record(hours: -1)
            let tokens = try await app.passport.sign(
                records: records, issuer: issuer, key: Ed25519JWK(privateKey: key), store: app.passportStore,
                baseURL: "http://127.0.0.1:8080", now: Date(timeIntervalSince1970: 1_790_000_000))
            var lines = tokens.enumerated().map { JSONLines.Line(number: $0.offset + 1, text: Substring($0.element)) }
            lines.append(JSONLines.Line(number: 8, text: Substring(tokens[0])))  // a duplicate of line 1, in the last chunk
            let refused = try await app.passport.importCredentials(
                lines, from: .admin(worker: worker), store: app.passportStore,
                taxonomy: app.taxonomy.index, now: Date(timeIntervalSince1970: 1_800_000_000), chunkSize: 2)
            #expect(refused.problems.map(\.line) == [6, 8] && refused.accepted == 0)
            #expect(try await app.passportStore.records(worker: worker).isEmpty, "chunks 1 and 2 were written, then rolled back")
            let stored = try await app.passport.importCredentials(
                Array(lines[0..<5]) + [lines[6]], from: .admin(worker: worker), store: app.passportStore,
                taxonomy: app.taxonomy.index, now: Date(timeIntervalSince1970: 1_800_000_000), chunkSize: 2)
            #expect(stored.succeeded && stored.accepted == 6)
            #expect(try await app.passportStore.records(worker: worker).count == 6)
        }
    }
}
