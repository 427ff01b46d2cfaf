import Days
import Foundation
import Identifiers
import Leermiles
import SQLKit
import Testing

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

    @Test(arguments: TestDatabase.available)
    func reserveApproveSettleAndReleaseKeepTheLedgerSound(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // The cashier is a shortage occupation; "kassa" teaches one of its essential skills, "schoon" does not.
            guard case .imported = try await app.careerImports.outlook(Array("key,kind,source,date\n\(Fixtures.cashierURI),shortage,UWV (test),2026-06-01\n".utf8)),
                case .imported = try await app.careerImports.courses(Array(Self.courses.utf8))
            else { Issue.record("the test tables should import"); return }
            #expect(app.careerData.snapshot?.courseChoice("kassa")?.forShortageOccupation == true)
            #expect(app.careerData.snapshot?.courseChoice("schoon")?.forShortageOccupation == false)

            let rules = LeermilesStore(database: app.db)
            try await rules.addRule(
                AccrualRule(
                    id: "fund", kind: .contribution(amount: Miles(40), every: .once), funder: "oo-fonds", from: Day(iso: "2026-01-01")!,
                    restriction: .shortageOccupations, requiresApproval: true), now: now)
            let ledger = LedgerStore(database: app.db)
            _ = try await ledger.postEarnings([
                Posting(key: "e-free", from: .funder("werkfonds"), to: .worker("ana"), amount: Miles(100), reason: .workHours, cause: "rule:t", at: now),
                Posting(key: "e-pot", from: .funder("oo-fonds"), to: .worker("ana", pot: "oo-fonds"), amount: Miles(40), reason: .contribution, cause: "rule:fund", at: now),
            ])

            // 120 for the shortage course: the pot's 40 first, then 80 free points; the fund must approve.
            let first = try await app.courseReservations.reserve(worker: "ana", courseID: "kassa", requestID: "req-1", cause: "user:ana")
            #expect(!first.repeated && first.reservation.state == .awaitingApproval && first.reservation.amount == Miles(120))
            #expect(try await ledger.accounts(worker: "ana") == [.worker("ana"): Miles(20), .worker("ana", pot: "oo-fonds"): .zero, .reserved("ana"): Miles(120)])
            // A double click: the same reservation, nothing more set aside.
            #expect(try await app.courseReservations.reserve(worker: "ana", courseID: "kassa", requestID: "req-1", cause: "user:ana").repeated)

            // Refused, and nothing written: more than the usable points, an unknown course, a reused request id.
            func refused(_ course: String, _ request: String, _ expected: String) async {
                await #expect { try await app.courseReservations.reserve(worker: "ana", courseID: course, requestID: request, cause: "user:ana") } throws: {
                    "\($0)" == expected
                }
            }
            await refused("schoon", "req-2", "amount: the course costs 30 and only 20 can pay for it")
            await refused("bestaat-niet", "req-3", "course: bestaat-niet is not in the course catalogue")
            await refused("schoon", "req-1", "id: req-1 is already used for another reservation")
            #expect(try await ReservationStore(database: app.db).reservations(worker: "ana").map(\.id) == ["req-1"])

            // Settling waits for approval; then it settles once.
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

            // A cancelled course gives every point back to where it came from.
            _ = try await ledger.postEarnings([Posting(key: "e-more", from: .funder("werkfonds"), to: .worker("ana"), amount: Miles(20), reason: .workHours, cause: "rule:t", at: now)])
            #expect(try await app.courseReservations.reserve(worker: "ana", courseID: "schoon", requestID: "req-4", cause: "user:ana").reservation.state == .open)
            await refused("schoon", "req-5", "amount: the course costs 30 and only 10 can pay for it")
            #expect(try await store.release(id: "req-4", cause: "user:ana", now: now).state == .released)
            #expect(try await ledger.balance(.worker("ana")) == Miles(40))
            #expect(try await ledger.balance(.reserved("ana")) == .zero)
            await #expect { try await store.approve(id: "nope", cause: "c", now: now) } throws: { "\($0)" == "reservation: nope does not exist" }

            let all = try await ledger.everything()
            #expect(LedgerAudit.breaches(postings: all.postings, storedBalances: all.balances, reservations: all.reservations).isEmpty)
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
