import Foundation
import Testing

@testable import Leermiles

@Suite("The leermiles ledger: double entry, idempotency, reversals, the audit")
struct LedgerTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func earn(_ key: String, _ worker: String, _ amount: Int, funder: String = "fund") -> Posting {
        Posting(key: key, from: .funder(funder), to: .worker(worker), amount: Miles(amount), reason: .workHours, cause: "rule:test", at: now)
    }

    func reserve(_ key: String, _ worker: String, _ amount: Int, reservation: String) -> Posting {
        Posting(
            key: key, from: .worker(worker), to: .reserved(worker), amount: Miles(amount), reason: .reserve, cause: "user:\(worker)",
            at: now, reservation: reservation)
    }

    @Test func milesParseAndPrint() {
        #expect(Miles(parsing: "12")?.hundredths == 1200)
        #expect(Miles(parsing: "12.5")?.hundredths == 1250)
        #expect(Miles(parsing: " -3.25 ")?.hundredths == -325)
        for bad in ["", "1.234", "1,5", "abc", "1.", ".5", "+3", "1e3", "٣"] { #expect(Miles(parsing: bad) == nil, "\(bad)") }
        #expect(Miles(hundredths: 1205).description == "12.05")
        #expect(Miles(hundredths: -50).description == "-0.50")
        #expect(Miles.times(7.5, Miles(hundredths: 25)).description == "1.88", "7.5 h × 0.25 = 1.875, rounded half away from zero")
    }

    @Test func postingsMoveBetweenAllowedAccountsAndSumToZero() throws {
        var ledger = Ledger()
        try ledger.post(earn("e1", "ana", 40))
        try ledger.post(reserve("r1", "ana", 30, reservation: "res-1"))
        try ledger.post(Posting(key: "s1", from: .reserved("ana"), to: .providers, amount: Miles(30), reason: .settle, cause: "user:coach", at: now, reservation: "res-1"))
        #expect(ledger.balance(.worker("ana")) == Miles(10))
        #expect(ledger.balance(.reserved("ana")) == .zero)
        #expect(ledger.balance(.providers) == Miles(30))
        #expect(ledger.balance(.funder("fund")) == Miles(-40))
        #expect(ledger.balances.values.reduce(.zero, +) == .zero)
    }

    @Test func badPostingsAreRefusedWithTheirKeyAndChangeNothing() throws {
        var ledger = Ledger()
        try ledger.post(earn("e1", "ana", 10))
        let before = ledger.balances
        func refused(_ p: Posting, _ expected: String) {
            #expect { try ledger.post(p) } throws: { "\($0)".contains(expected) }
            #expect(ledger.balances == before)
        }
        refused(reserve("r1", "ana", 11, reservation: "x"), "posting r1: worker:ana has 10 and cannot give 11")
        refused(
            Posting(key: "n", from: .funder("fund"), to: .worker("ana"), amount: Miles(-5), reason: .workHours, cause: "rule:x", at: now),
            "posting n: amount -5 is not a positive amount")
        refused(
            Posting(key: "z", from: .funder("fund"), to: .worker("ana"), amount: .zero, reason: .workHours, cause: "rule:x", at: now),
            "amount 0 is not a positive amount")
        refused(
            Posting(key: "w", from: .worker("ana"), to: .worker("bo"), amount: Miles(1), reason: .workHours, cause: "user:ana", at: now),
            "work_hours cannot move points from worker:ana to worker:bo")
        refused(
            Posting(key: "s", from: .reserved("ana"), to: .providers, amount: Miles(1), reason: .settle, cause: "c", at: now),
            "settle cannot move points")
        refused(earn("e1", "ana", 11), "posting e1: the key was already used for a different posting")
        refused(Posting(key: "", from: .funder("f"), to: .worker("a"), amount: Miles(1), reason: .topUp, cause: "c", at: now), "key must be 1 to 200 bytes")
        #expect(try ledger.post(earn("e1", "ana", 10)) == .repeated, "the same request again posts nothing")
        #expect(ledger.postings.count == 1)
    }

    @Test func correctionsAreReversalsOnceAndExact() throws {
        var ledger = Ledger()
        try ledger.post(earn("e1", "ana", 10))
        let undo = Posting(key: "u1", from: .worker("ana"), to: .funder("fund"), amount: Miles(10), reason: .reversal, cause: "user:admin", at: now, reverses: "e1")
        #expect { try ledger.post(Posting(key: "u0", from: .worker("ana"), to: .funder("fund"), amount: Miles(4), reason: .reversal, cause: "c", at: now, reverses: "e1")) } throws: {
            "\($0)".contains("reverses must move 10 from worker:ana to funder:fund")
        }
        #expect { try ledger.post(Posting(key: "u9", from: .worker("ana"), to: .funder("fund"), amount: Miles(10), reason: .reversal, cause: "c", at: now, reverses: "nope")) } throws: {
            "\($0)".contains("reverses nope, which does not exist")
        }
        try ledger.post(undo)
        #expect(ledger.balance(.worker("ana")) == .zero && ledger.balance(.funder("fund")) == .zero)
        #expect { try ledger.post(Posting(key: "u2", from: .worker("ana"), to: .funder("fund"), amount: Miles(10), reason: .reversal, cause: "c", at: now, reverses: "e1")) } throws: {
            "\($0)".contains("e1 is already reversed")
        }
    }

    @Test func randomRequestsNeverOverspendAndAlwaysSumToZero() {
        var rng = SystemRandomNumberGenerator()
        var ledger = Ledger()
        let workers = ["a", "b", "c"]
        for i in 0..<5_000 {
            let w = workers.randomElement(using: &rng)!
            let p =
                Bool.random(using: &rng)
                ? earn("e\(i)", w, Int.random(in: 1...20, using: &rng))
                : reserve("r\(i)", w, Int.random(in: 1...40, using: &rng), reservation: "res\(i)")
            _ = try? ledger.post(p)
            #expect(ledger.balances.allSatisfy { $0.key.allows($0.value) })
        }
        #expect(ledger.balances.values.reduce(.zero, +) == .zero)
    }

    @Test func theAuditFindsEveryBreach() throws {
        var ledger = Ledger()
        try ledger.post(earn("e1", "ana", 50))
        try ledger.post(reserve("r1", "ana", 20, reservation: "res-1"))
        let good = LedgerAudit.StoredReservation(id: "res-1", worker: "ana", amount: Miles(20), state: .open)
        #expect(LedgerAudit.breaches(postings: ledger.postings, storedBalances: ledger.balances, reservations: [good]).isEmpty)

        var tampered = ledger.balances
        tampered[.worker("ana")] = Miles(500)
        #expect(
            LedgerAudit.breaches(postings: ledger.postings, storedBalances: tampered, reservations: [good])
                == ["worker:ana: stored balance 500, postings give 30"])
        let settledWithoutPosting = LedgerAudit.StoredReservation(id: "res-1", worker: "ana", amount: Miles(20), state: .settled)
        #expect(
            LedgerAudit.breaches(postings: ledger.postings, storedBalances: ledger.balances, reservations: [settledWithoutPosting])
                .contains("reservation res-1 is settled but its closing postings move nothing of 20"))
        #expect(
            LedgerAudit.breaches(postings: ledger.postings + [ledger.postings[0]], storedBalances: ledger.balances, reservations: [good])
                .contains("idempotency key e1 is used twice"))
        let overspent = Posting(key: "x", from: .worker("ana"), to: .reserved("ana"), amount: Miles(99), reason: .reserve, cause: "c", at: now, reservation: "res-2")
        #expect(
            LedgerAudit.breaches(postings: ledger.postings + [overspent], storedBalances: ledger.balances, reservations: [good])
                .contains { $0.contains("worker:ana has 30 and cannot give 99") })
        #expect(
            LedgerAudit.breaches(postings: ledger.postings, storedBalances: ledger.balances, reservations: [])
                .contains("postings reserve for res-1, which is not stored"))
    }
}
