import Days
import Foundation
import Identifiers
import Leermiles
import SQLKit
import Testing
import VaporTesting

@testable import App

/// Spending: reserve for a catalogue course (restricted pots only for shortage occupations),
/// approval where the fund asks for it, settle, release; bad requests write nothing.
@Suite struct ReservationTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    static let s1 = "http://data.europa.eu/esco/skill/s1", s3 = "http://data.europa.eu/esco/skill/s3"
    static let courses = """
        id,title,provider,skills,hours,cost_eur,format,place,start_dates
        kassa,Afrekenen en klantcontact,Leerhuis (test),\(s1),16,120,online,,
        schoon,Schoonmaak basis,Leerhuis (test),\(s3),8,30,online,,
        """

    /// The cashier is a shortage occupation; "kassa" (120) teaches one of its essential skills,
    /// "schoon" (30) does not. Ana has 100 free points and 40 in a fund's pot that pays only
    /// shortage courses and wants to approve them.
    func fundedCatalogue(_ app: Application) async throws -> LedgerStore {
        guard case .imported = try await app.careerImports.outlook(Array("key,kind,source,date\n\(Fixtures.cashierURI),shortage,UWV (test),2026-06-01\n".utf8)),
            case .imported = try await app.careerImports.courses(Array(Self.courses.utf8))
        else { throw TestSetupError("the test tables should import") }
        try await LeermilesStore(database: app.db).addRule(
            AccrualRule(
                id: "fund", kind: .contribution(amount: Miles(40), every: .once), funder: "oo-fonds", from: Day(iso: "2026-01-01")!,
                restriction: .shortageOccupations, requiresApproval: true), now: now)
        let ledger = LedgerStore(database: app.db)
        _ = try await ledger.postEarnings([
            Posting(key: "e-free", from: .funder("werkfonds"), to: .worker("ana"), amount: Miles(100), reason: .workHours, cause: "rule:t", at: now),
            Posting(key: "e-pot", from: .funder("oo-fonds"), to: .worker("ana", pot: "oo-fonds"), amount: Miles(40), reason: .contribution, cause: "rule:fund", at: now),
        ])
        return ledger
    }

    func reserve(_ app: Application, _ course: String, _ request: String) async throws -> (reservation: ReservationRow, repeated: Bool) {
        try await app.courseReservations.reserve(worker: "ana", courseID: course, requestID: request, cause: "user:ana")
    }

    func expectSound(_ ledger: LedgerStore) async throws {
        let all = try await ledger.everything()
        #expect(LedgerAudit.breaches(postings: all.postings, storedBalances: all.balances, reservations: all.reservations).isEmpty)
    }

    @Test(arguments: TestDatabase.available)
    func aShortageCourseTakesThePotFirstAndWaitsForTheFund(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let ledger = try await fundedCatalogue(app)
            #expect(app.careerData.snapshot?.courseChoice("kassa")?.forShortageOccupation == true)
            #expect(app.careerData.snapshot?.courseChoice("schoon")?.forShortageOccupation == false)
            let first = try await reserve(app, "kassa", "req-1")
            #expect(!first.repeated && first.reservation.state == .awaitingApproval && first.reservation.amount == Miles(120))
            #expect(try await ledger.accounts(worker: "ana") == [.worker("ana"): Miles(20), .worker("ana", pot: "oo-fonds"): .zero, .reserved("ana"): Miles(120)])
            #expect(try await reserve(app, "kassa", "req-1").repeated, "a double click sets nothing more aside")
            #expect(try await ledger.accounts(worker: "ana")[.reserved("ana")] == Miles(120))
            try await expectSound(ledger)
        }
    }

    @Test(arguments: TestDatabase.available)
    func badReservationsAreRefusedAndWriteNothing(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let ledger = try await fundedCatalogue(app)
            _ = try await reserve(app, "kassa", "req-1")
            func refused(_ course: String, _ request: String, _ expected: String) async {
                await #expect { try await reserve(app, course, request) } throws: { "\($0)" == expected }
            }
            await refused("schoon", "req-2", "amount: the course costs 30 and only 20 can pay for it")
            await refused("bestaat-niet", "req-3", "course: bestaat-niet is not in the course catalogue")
            await refused("schoon", "req-1", "id: req-1 is already used for another reservation")
            #expect(try await ReservationStore(database: app.db).reservations(worker: "ana").map(\.id) == ["req-1"])
            await #expect { try await ReservationStore(database: app.db).approve(id: "nope", cause: "c", now: now) } throws: { "\($0)" == "reservation: nope does not exist" }
            try await expectSound(ledger)
        }
    }

    @Test(arguments: TestDatabase.available)
    func settlingWaitsForApprovalAndHappensOnce(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let ledger = try await fundedCatalogue(app)
            _ = try await reserve(app, "kassa", "req-1")
            let store = ReservationStore(database: app.db)
            await #expect { try await store.settle(id: "req-1", cause: "user:coach", now: now) } throws: { "\($0)" == "reservation: req-1 is awaiting approval, so it cannot become settled" }
            #expect(try await store.approve(id: "req-1", cause: "user:fund", now: now).state == .open)
            await #expect { try await store.approve(id: "req-1", cause: "user:fund", now: now) } throws: { "\($0)" == "reservation: req-1 is already open" }
            // The audit approved and refused one request, and both succeeded: a refusal only
            // takes a request that still awaits approval.
            await #expect { try await store.refuse(id: "req-1", cause: "user:fund", now: now) } throws: {
                $0 as? ReservationProblem == .wrongState("req-1", state: .open, to: .released)
            }
            #expect(try await store.reservation(id: "req-1")?.state == .open)
            #expect(try await store.settle(id: "req-1", cause: "user:coach", now: now).state == .settled)
            await #expect { try await store.release(id: "req-1", cause: "user:ana", now: now) } throws: { "\($0)" == "reservation: req-1 is settled, so it cannot become released" }
            #expect(try await ledger.balance(.providers) == Miles(120))
            try await expectSound(ledger)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aCancelledCourseGivesEveryPointBack(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let ledger = try await fundedCatalogue(app)
            #expect(try await reserve(app, "schoon", "req-4").reservation.state == .open, "no pot pays, so no approval is asked")
            #expect(try await ledger.balance(.worker("ana")) == Miles(70))
            #expect(try await ReservationStore(database: app.db).release(id: "req-4", cause: "user:ana", now: now).state == .released)
            #expect(try await ledger.balance(.worker("ana")) == Miles(100))
            #expect(try await ledger.balance(.worker("ana", pot: "oo-fonds")) == Miles(40))
            #expect(try await ledger.balance(.reserved("ana")) == .zero)
            try await expectSound(ledger)
        }
    }

    /// The audit: a deleted account left an open course reservation that could still be settled.
    @Test(arguments: TestDatabase.available)
    func deletingAnAccountReleasesItsOpenReservations(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            guard case .imported = try await app.careerImports.courses(Array(Self.courses.utf8)) else { Issue.record("courses should import"); return }
            let user = try await createUser(app, email: "ana@test.nl", role: .worker)
            let worker = user.string
            _ = try await LedgerStore(database: app.db).postEarnings([
                Posting(key: "e-free", from: .funder("werkfonds"), to: .worker(worker), amount: Miles(100), reason: .workHours, cause: "rule:t", at: now)
            ])
            let open = try await app.courseReservations.reserve(worker: worker, courseID: "schoon", requestID: "r-open", cause: "user:ana")
            #expect(open.reservation.state == .open)
            _ = try await app.accountDeletion.delete(user)
            let store = ReservationStore(database: app.db)
            #expect(try await store.reservation(id: "r-open")?.state == .released)
            await #expect { try await store.settle(id: "r-open", cause: "user:coach", now: now) } throws: {
                $0 as? ReservationProblem == .wrongState("r-open", state: .released, to: .settled)
            }
            #expect(try await LedgerStore(database: app.db).balance(.providers) == .zero, "no provider is paid")
            let all = try await LedgerStore(database: app.db).everything()
            #expect(LedgerAudit.breaches(postings: all.postings, storedBalances: all.balances, reservations: all.reservations).isEmpty)
        }
    }
}
