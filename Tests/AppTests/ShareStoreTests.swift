import Foundation
import Identifiers
import Testing

@testable import App

/// Share links as stored: who sees what, which records still count, revoking, and openings.
@Suite struct ShareStoreTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let zoe = WorkerID(UUID()), sam = WorkerID(UUID())

    func record(_ id: String, worker: WorkerID, start: String) -> PassportRecordRow {
        PassportRecordRow(
            id: id, workerID: worker.string, source: "self", issuerID: nil, credentialID: nil, subjectID: nil, token: nil,
            recordJSON: "{}", kind: "job", roleTitle: "schoonmaker", periodStart: start, periodEnd: nil, statusList: nil,
            statusIndex: nil, validFrom: nil, validUntil: nil, revokedAt: nil, createdAt: now)
    }

    func share(_ id: String, worker: WorkerID, created: TimeInterval = 0) -> ShareRow {
        ShareRow(
            id: id, workerID: worker.string, label: "label \(id)", showEarnings: false, createdAt: now + created,
            expiresAt: now + 86_400, revokedAt: nil)
    }

    @Test(arguments: TestDatabase.available)
    func aShareShowsItsStillExistingRecordsNewestFirst(_ database: TestDatabase) async throws {
        try await withTestApp(database, seedTaxonomy: false) { app in
            let passport = PassportStore(database: app.db), store = ShareStore(database: app.db)
            try await passport.insertRecords(
                [
                    record("r1", worker: zoe, start: "2024-01-01"), record("r2", worker: zoe, start: "2025-06-01"),
                    record("r3", worker: zoe, start: "2023-03-01"),
                ], links: [], now: now)
            try await store.create(share("s1", worker: zoe), recordIDs: ["r1", "r2", "r3"])
            try await store.create(share("s2", worker: zoe, created: 60), recordIDs: ["r3"])
            #expect(try await store.records(shareID: "s1").map(\.id) == ["r2", "r1", "r3"])
            #expect(try await passport.deleteSelfDeclared(id: "r3", worker: zoe))
            #expect(try await store.records(shareID: "s1").map(\.id) == ["r2", "r1"], "a removed record leaves every share")
            #expect(try await store.recordCounts(worker: zoe) == ["s1": 2], "a share whose records are all gone counts none")
            #expect(try await store.shares(worker: zoe).map(\.id) == ["s2", "s1"], "newest first")
            #expect(try await store.shares(worker: sam).isEmpty)
            let stored = try #require(try await store.share(id: "s1"))
            #expect(stored.label == "label s1" && stored.workerID == zoe.string && stored.isLive(at: now) && !stored.isLive(at: now + 86_400))
        }
    }

    @Test(arguments: TestDatabase.available)
    func onlyTheOwnerRevokesAndOnlyOnce(_ database: TestDatabase) async throws {
        try await withTestApp(database, seedTaxonomy: false) { app in
            let store = ShareStore(database: app.db)
            try await store.create(share("s1", worker: zoe), recordIDs: [])
            #expect(try await store.revoke(id: "s1", worker: sam, now: now) == false, "someone else's share is not theirs to end")
            #expect(try await store.share(id: "s1")?.revokedAt == nil)
            #expect(try await store.revoke(id: "s1", worker: zoe, now: now + 5))
            #expect(try await store.revoke(id: "s1", worker: zoe, now: now + 9) == false, "a revoked share stays revoked at its first time")
            #expect(try await store.share(id: "s1")?.revokedAt == now + 5)
            #expect(try await store.revoke(id: "nope", worker: zoe, now: now) == false)
        }
    }

    @Test(arguments: TestDatabase.available)
    func openingsAreKeptPerMinuteNewestFirst(_ database: TestDatabase) async throws {
        try await withTestApp(database, seedTaxonomy: false) { app in
            let store = ShareStore(database: app.db)
            try await store.create(share("s1", worker: zoe), recordIDs: [])
            for minute in [0, 0, 60, 120, 120, 180] { try await store.logOpen(shareID: "s1", minute: now + Double(minute)) }
            #expect(try await store.opens(shareID: "s1") == [now + 180, now + 120, now + 60, now])
            #expect(try await store.opens(shareID: "s1", limit: 2) == [now + 180, now + 120])
            #expect(try await store.opens(shareID: "s2").isEmpty)
        }
    }
}

/// Kept microdata files: every statement names the owner.
@Suite struct InsightFileStoreTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let ana = UserID(UUID()), bob = UserID(UUID())

    func row(_ id: String, owner: UserID, at seconds: TimeInterval, size: Int) -> InsightFileRow {
        InsightFileRow(id: id, ownerUserID: owner.string, name: "\(id).csv", sizeBytes: size, uploadedAt: now + seconds)
    }

    @Test(arguments: TestDatabase.available)
    func anAnalystSeesReadsAndDeletesOnlyTheirOwnFiles(_ database: TestDatabase) async throws {
        try await withTestApp(database, seedTaxonomy: false) { app in
            let store = InsightFileStore(database: app.db)
            let bytes: [UInt8] = Array("person_id,age\n1,40\n".utf8) + [0x00, 0xFF]
            try await store.save(row("a1", owner: ana, at: 0, size: bytes.count), content: bytes)
            try await store.save(row("a2", owner: ana, at: 60, size: 3), content: [1, 2, 3])
            try await store.save(row("b1", owner: bob, at: 30, size: 1), content: [9])
            #expect(try await store.files(owner: ana).map(\.id) == ["a2", "a1"], "newest first, only ana's")
            #expect(try await store.files(owner: bob) == [row("b1", owner: bob, at: 30, size: 1)])
            let file = try #require(try await store.file(id: "a1", owner: ana))
            #expect(file.content == bytes, "the bytes come back exactly, zero and 0xFF included")
            #expect(file.row == row("a1", owner: ana, at: 0, size: bytes.count))
            #expect(try await store.file(id: "a1", owner: bob) == nil, "another analyst cannot read it")
            #expect(try await store.delete(id: "a1", owner: bob) == false, "nor delete it")
            #expect(try await store.delete(id: "a1", owner: ana))
            #expect(try await store.delete(id: "a1", owner: ana) == false)
            #expect(try await store.files(owner: ana).map(\.id) == ["a2"])
        }
    }
}
