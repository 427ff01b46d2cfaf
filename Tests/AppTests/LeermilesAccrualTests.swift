import Crypto
import Days
import Foundation
import Identifiers
import Leermiles
import Passport
import SQLKit
import Testing

@testable import App

/// Accrual from what is stored: rules in the database, verified passport records, leave and the
/// top-up; the batch, its dry run and rerun, the event on import, and the group-commit writer.
@Suite struct LeermilesAccrualTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18

    func record(
        _ id: String, worker: String, issuer: String = "platform", source: String = "issued", hours: Double?, start: String, end: String?,
        revoked: Bool = false
    ) -> PassportRecordRow {
        let hoursJSON = hours.map { #","hours":\#($0)"# } ?? ""
        let endJSON = end.map { #","end":"\#($0)""# } ?? ""
        return PassportRecordRow(
            id: id, workerID: worker, source: source, issuerID: source == "issued" ? issuer : nil, credentialID: source == "issued" ? "urn:\(id)" : nil,
            subjectID: nil, token: nil, recordJSON: #"{"kind":"gig","period":{"start":"\#(start)"\#(endJSON)}\#(hoursJSON),"roleTitle":"Werk"}"#,
            kind: "gig", roleTitle: "Werk", periodStart: start, periodEnd: end, statusList: nil, statusIndex: nil, validFrom: now,
            validUntil: nil, revokedAt: revoked ? now : nil, createdAt: now)
    }

    @Test(arguments: TestDatabase.available)
    func theBatchPaysVerifiedWorkOnceAndTheDryRunWritesNothing(_ database: TestDatabase) async throws {
        try await withTestApp(database, seedTaxonomy: false) { app in
            let rules = LeermilesStore(database: app.db)
            try await rules.addRule(AccrualRule(id: "hours", kind: .workHours(perHour: Miles(hundredths: 25)), funder: "werkfonds", from: Day(iso: "2025-01-01")!), now: now)
            try await rules.addRule(
                AccrualRule(
                    id: "fund", kind: .contribution(amount: Miles(5), every: .monthly), funder: "platform", from: Day(iso: "2026-03-15")!,
                    restriction: .shortageOccupations, requiresApproval: true), now: now)
            try await rules.addRule(AccrualRule(id: "topup", kind: .topUp(perYear: Miles(100)), funder: "overheid", from: Day(iso: "2026-01-01")!), now: now)
            try await rules.addRule(AccrualRule(id: "leave", kind: .leaveHours(perHour: Miles(1)), funder: "werkgever", from: Day(iso: "2026-01-01")!), now: now)
            // An overlapping rule and a bad one are refused, and nothing of them is stored.
            await #expect { try await rules.addRule(AccrualRule(id: "hours-2", kind: .workHours(perHour: Miles(1)), funder: "werkfonds", from: Day(iso: "2026-06-01")!), now: now) } throws: {
                "\($0)".contains("rule hours-2: overlaps rule hours")
            }
            await #expect { try await rules.addRule(AccrualRule(id: "x", kind: .topUp(perYear: Miles(-1)), funder: "f", from: Day(iso: "2026-06-01")!), now: now) } throws: {
                "\($0)".contains("rule x: -1 is not a positive amount")
            }
            let stored = try await rules.rules()
            #expect(stored.map(\.id).sorted() == ["fund", "hours", "leave", "topup"])
            #expect(stored.first { $0.id == "fund" }?.requiresApproval == true && stored.first { $0.id == "fund" }?.restriction == .shortageOccupations)

            try await PassportStore(database: app.db).insertRecords(
                [
                    record("r1", worker: "ana", hours: 40, start: "2026-03-01", end: "2026-03-31"),  // 40 × 0.25 = 10
                    record("r2", worker: "ana", hours: 8.5, start: "2026-04-01", end: "2026-04-02"),  // 8.5 × 0.25 = 2.13 (2.125 rounds up)
                    record("r3", worker: "ana", hours: 100, start: "2026-05-01", end: nil),  // still going: no hours yet
                    record("r4", worker: "ana", source: "self", hours: 500, start: "2026-01-01", end: "2026-02-01"),  // self-declared: nothing
                    record("r5", worker: "ana", hours: 500, start: "2026-01-01", end: "2026-02-01", revoked: true),  // revoked: nothing
                    record("r6", worker: "bo", hours: 12, start: "2026-06-01", end: "2027-01-01"),  // ends after today: not yet
                ], links: [], now: now)
            try await rules.addLeave(LeaveConversion(id: "payroll-7", worker: "bo", hours: 16, on: Day(iso: "2026-10-01")!), now: now)
            await #expect { try await rules.addLeave(LeaveConversion(id: "payroll-7", worker: "bo", hours: 16, on: Day(iso: "2026-10-01")!), now: now) } throws: {
                "\($0)".contains("payroll-7 was recorded before")
            }
            try await rules.setWithoutStartingQualification(worker: "bo", true, now: now)

            let dry = try await LeermilesAccrual.run(database: app.db, now: now, dryRun: true)
            #expect(dry.dryRun && dry.records == 4 && dry.posted.count == 18)
            #expect(try await LedgerStore(database: app.db).everything().postings.isEmpty, "a dry run writes nothing")

            let first = try await LeermilesAccrual.run(database: app.db, now: now)
            #expect(first.byReason[.workHours] == AccrualOutcome.Total(count: 2, miles: Miles(hundredths: 1213)))
            // Paid on the 15th of each month to whoever works for the platform that day: ana on
            // 15 March (r1) and from May on (r3, still going): 8 times; bo from June: 6 times.
            #expect(first.byReason[.contribution] == AccrualOutcome.Total(count: 14, miles: Miles(70)))
            #expect(first.byReason[.leaveHours] == AccrualOutcome.Total(count: 1, miles: Miles(16)))
            #expect(first.byReason[.topUp] == AccrualOutcome.Total(count: 1, miles: Miles(100)))
            let ledger = LedgerStore(database: app.db)
            #expect(try await ledger.accounts(worker: "ana") == [.worker("ana"): Miles(hundredths: 1213), .worker("ana", pot: "platform"): Miles(40)])
            #expect(try await ledger.accounts(worker: "bo") == [.worker("bo"): Miles(116), .worker("bo", pot: "platform"): Miles(30)])

            let again = try await LeermilesAccrual.run(database: app.db, now: now)
            #expect(again.posted.count == 0 && again.alreadyPosted == 18)
            let all = try await ledger.everything()
            #expect(all.postings.count == 18)
            #expect(LedgerAudit.breaches(postings: all.postings, storedBalances: all.balances, reservations: all.reservations).isEmpty)
        }
    }

    @Test func importedRecordsArePaidAtOnce() async throws {
        try await withTestApp(.sqlite) { app in
            let workerID = try await createUser(app, email: "sam@test.nl", role: .worker)
            let worker = workerID.string
            try await LeermilesStore(database: app.db).addRule(
                AccrualRule(
                    id: "hours", kind: .workHours(perHour: Miles(1)), funder: "werkfonds",
                    from: Day(iso: "2020-01-01")!), now: now)
            var platform = PassportFlowTests.Platform(token: "")
            platform.issuerID = try await app.passportStore.createIssuer(name: "Snel Personeel", ownerUserID: nil, key: platform.jwk.publicOnly, now: now)
            let subject = PairwiseSubject.prefix + String(repeating: "b", count: 26)
            let token = try platform.sign(PassportFlowTests.record(hours: 120), subject: subject, position: 0)
            let report = try await app.credentials.importing([JSONLines.Line(number: 1, text: Substring(token))], from: .admin(worker: workerID))
            #expect(report.succeeded && report.workers == [worker])
            #expect(try await LedgerStore(database: app.db).balance(.worker(worker)) == Miles(120), "120 verified hours × 1")
            // The nightly batch finds nothing left to pay.
            #expect(try await LeermilesAccrual.run(database: app.db, now: now).posted.count == 0)
        }
    }

    /// The audit minted points: three records for one worker over the same six months, 4,300
    /// hours each, all paid (balance 450 → 3,675); revoking one took nothing back. Now the second
    /// and third are refused (no one works more than 24 hours a day), and a revocation reverses
    /// what the record earned.
    @Test(arguments: TestDatabase.available)
    func overlappingHoursAreRefusedAndARevocationTakesBackWhatItEarned(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let workerID = try await createUser(app, email: "sam@test.nl", role: .worker)
            let worker = workerID.string
            try await LeermilesStore(database: app.db).addRule(
                AccrualRule(
                    id: "hours", kind: .workHours(perHour: Miles(hundredths: 25)),
                    funder: "werkfonds", from: Day(iso: "2020-01-01")!), now: now)
            var platform = PassportFlowTests.Platform(token: "")
            platform.issuerID = try await app.passportStore.createIssuer(name: "Snel Personeel", ownerUserID: nil, key: platform.jwk.publicOnly, now: now)
            let subject = PairwiseSubject.prefix + String(repeating: "c", count: 26)
            let ids = (0..<3).map { _ in UUID() }
            func send(_ i: Int, hours: Double = 4_300) async throws -> ImportReport {
                let token = try platform.sign(PassportFlowTests.record(hours: hours), subject: subject, position: i, id: ids[i])
                return try await app.credentials.importing([JSONLines.Line(number: 1, text: Substring(token))], from: .admin(worker: workerID))
            }
            #expect(try await send(0).succeeded)
            let ledger = LedgerStore(database: app.db)
            #expect(try await ledger.balance(.worker(worker)) == Miles(1_075), "4,300 hours × 0.25")
            for i in 1...2 {
                let refused = try await send(i)
                #expect(!refused.succeeded)
                #expect(refused.problems.first?.field == "credentialSubject.hours")
                #expect(
                    refused.problems.first?.reason == "credentialSubject.hours: " + "together with this worker's other records this is 46.7 hours on 2025-03-01; no one works more than 24 hours a day")
            }
            #expect(try await ledger.balance(.worker(worker)) == Miles(1_075), "nothing more was paid")
            #expect(try await app.passportStore.records(worker: workerID).count == 1)

            // Revoked: the earning is reversed at once, once; then the hours are free again.
            #expect(try await app.credentials.revoke(issuerID: platform.issuerID, credentialID: "urn:uuid:\(ids[0].idString)"))
            #expect(try await ledger.balance(.worker(worker)) == .zero)
            let rerun = try await LeermilesAccrual.run(database: app.db, now: now)
            #expect(rerun.reversed.count == 0 && rerun.posted.count == 0, "a rerun reverses nothing twice")
            #expect(try await send(1).succeeded)
            #expect(try await ledger.balance(.worker(worker)) == Miles(1_075))
            let all = try await ledger.everything()
            #expect(LedgerAudit.breaches(postings: all.postings, storedBalances: all.balances, reservations: all.reservations).isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func groupCommitNeverOverspendsAndAnswersEachCaller(_ database: TestDatabase) async throws {
        try await withTestApp(database, seedTaxonomy: false) { app in
            let writer = LedgerWriter(database: app.db, largestGroup: 64)
            #expect(try await writer.post(Posting(key: "e1", from: .funder("fund"), to: .worker("ana"), amount: Miles(50), reason: .workHours, cause: "rule:t", at: now)) == .posted)
            @Sendable func spend(_ i: Int) -> Posting {
                Posting(key: "spend-\(i)", from: .worker("ana"), to: .reserved("ana"), amount: Miles(1), reason: .reserve, cause: "user:ana", at: now, reservation: "res-\(i)")
            }
            let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
                for i in 0..<200 {
                    group.addTask {
                        do { return "\(try await writer.post(spend(i)))" } catch let error as LedgerError { if case .insufficient = error { return "insufficient" }; return "\(error)" }
                    }
                }
                // A refused posting inside a group does not undo its neighbours: a bad one in the middle.
                group.addTask {
                    do { return "\(try await writer.post(Posting(key: "e1", from: .funder("fund"), to: .worker("ana"), amount: Miles(9), reason: .workHours, cause: "x", at: now)))" } catch {
                        return "\(error)".contains("already used for a different posting") ? "key reused" : "\(error)"
                    }
                }
                return try await group.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
            }
            #expect(outcomes == ["posted": 50, "insufficient": 150, "key reused": 1], "\(outcomes)")
            let store = LedgerStore(database: app.db)
            #expect(try await store.balance(.worker("ana")) == .zero)
            #expect(try await store.balance(.reserved("ana")) == Miles(50))
            let all = try await store.everything()
            #expect(all.postings.count == 51 && all.balances.values.reduce(.zero, +) == .zero)
            // The grouped path itself works (a failing group would fall back to one by one, hiding it).
            let direct = try await app.db.transaction { db in
                try await LedgerStore.writeGroup(
                    [
                        Posting(key: "e2", from: .funder("fund"), to: .worker("bo"), amount: Miles(3), reason: .workHours, cause: "t", at: now),
                        Posting(key: "s2", from: .worker("bo"), to: .reserved("bo"), amount: Miles(4), reason: .reserve, cause: "t", at: now, reservation: "r"),
                        Posting(key: "s3", from: .worker("bo"), to: .reserved("bo"), amount: Miles(2), reason: .reserve, cause: "t", at: now, reservation: "r3"),
                    ],
                    on: db.sql)
            }
            #expect(
                direct.map { "\($0)" } == [
                    "success(Leermiles.Ledger.Outcome.posted)", "failure(posting s2: worker:bo has 3 and cannot give 4)",
                    "success(Leermiles.Ledger.Outcome.posted)",
                ])
            #expect(try await store.balance(.worker("bo")) == Miles(1))
            // A request repeated after it succeeded posts nothing.
            let posted = try #require(all.postings.first { $0.reason == .reserve }?.key.dropFirst("spend-".count)).description
            #expect(try await writer.post(spend(Int(posted)!)) == .repeated)
        }
    }
}
