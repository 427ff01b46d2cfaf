import Days
import Foundation
import Testing

@testable import Leermiles

@Suite("Accrual rules: effective dates, overlaps, and a batch that never pays twice")
struct AccrualTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    func day(_ s: String) -> Day { Day(iso: s)! }

    @Test func daysParseAndAddMonths() {
        #expect(Day(iso: "2026-02-29") == nil && Day(iso: "2024-02-29") != nil && Day(iso: "2026-13-01") == nil && Day(iso: "26-01-01") == nil)
        #expect(day("2024-01-31").adding(months: 1).description == "2024-02-29")
        #expect(day("2024-02-29").adding(months: 12).description == "2025-02-28")
    }

    @Test func daysCountAndComeFromDates() {
        #expect(day("1970-01-01").dayNumber == 0 && day("2026-11-23").dayNumber == 20_780)
        for ordinal in stride(from: -25_000, through: 60_000, by: 997) { #expect(Day(dayNumber: ordinal)!.dayNumber == ordinal) }
        #expect(day("2024-02-28").adding(days: 1).description == "2024-02-29" && day("2026-12-31").adding(days: 1).description == "2027-01-01")
        #expect(day("2026-01-01").distance(to: day("2027-01-01")) == 365)
        // 23:30 UTC on 23 November is already the 24th in Amsterdam.
        #expect(Day(Date(timeIntervalSince1970: 1_795_476_600), in: Day.dutch).description == "2026-11-24")
    }

    @Test func storedKindsParseBack() {
        for kind: AccrualRule.Kind in [
            .workHours(perHour: Miles(1)), .serviceYears(perYear: Miles(2)), .contribution(amount: Miles(3), every: .monthly),
            .leaveHours(perHour: Miles(4)), .topUp(perYear: Miles(5)),
        ] {
            #expect(AccrualRule.Kind(name: kind.name, rate: kind.rate, every: kind.every) == kind)
        }
        #expect(AccrualRule.Kind(name: "contribution", rate: Miles(1), every: nil) == nil, "a contribution says how often")
        #expect(AccrualRule.Kind(name: "work_hours", rate: Miles(1), every: .yearly) == nil, "only contributions recur")
        #expect(AccrualRule.Kind(name: "bonus", rate: Miles(1), every: nil) == nil)
    }

    @Test func overlappingAndBadRulesAreNamed() {
        let a = AccrualRule(id: "work-2025", kind: .workHours(perHour: Miles(1)), funder: "loopbrug", from: day("2025-01-01"), until: day("2026-01-01"))
        let b = AccrualRule(id: "work-2026", kind: .workHours(perHour: Miles(2)), funder: "loopbrug", from: day("2026-01-01"))
        #expect(AccrualRules.problems([a, b]).isEmpty, "back to back is not an overlap")
        let c = AccrualRule(id: "work-late", kind: .workHours(perHour: Miles(2)), funder: "loopbrug", from: day("2025-12-01"))
        #expect(
            AccrualRules.problems([a, b, c]).map(\.description) == [
                "rule work-late: overlaps rule work-2025 (work_hours paid by loopbrug from 2025-01-01 until 2026-01-01)",
                "rule work-late: overlaps rule work-2026 (work_hours paid by loopbrug from 2026-01-01 until open)",
            ])
        let other = AccrualRule(id: "fund", kind: .workHours(perHour: Miles(1)), funder: "oo-fonds", from: day("2025-06-01"))
        #expect(AccrualRules.problems([a, other]).isEmpty, "another funder may pay for the same hours")
        let bad = AccrualRule(id: "bad", kind: .leaveHours(perHour: Miles(-1)), funder: "", from: day("2026-01-01"), until: day("2025-01-01"))
        #expect(
            AccrualRules.problems([bad]).map(\.description) == [
                "rule bad: needs a funder id without ':'", "rule bad: -1 is not a positive amount", "rule bad: ends (2025-01-01) on or before it starts (2026-01-01)",
            ])
    }

    @Test func eachRuleKindPaysWhatItSaysAndRerunsPayNothing() throws {
        let rules = [
            AccrualRule(id: "work-2025", kind: .workHours(perHour: Miles(hundredths: 50)), funder: "loopbrug", from: day("2025-01-01"), until: day("2026-01-01")),
            AccrualRule(id: "work-2026", kind: .workHours(perHour: Miles(1)), funder: "loopbrug", from: day("2026-01-01")),
            AccrualRule(id: "trouw", kind: .serviceYears(perYear: Miles(25)), funder: "loopbrug", from: day("2020-01-01")),
            AccrualRule(
                id: "schoon", kind: .contribution(amount: Miles(5), every: .monthly), funder: "schoonmaak-bv", from: day("2026-09-01"),
                until: day("2026-12-01"), restriction: .shortageOccupations),
            AccrualRule(id: "verlof", kind: .leaveHours(perHour: Miles(2)), funder: "schoonmaak-bv", from: day("2026-01-01")),
            AccrualRule(id: "rijk", kind: .topUp(perYear: Miles(100)), funder: "overheid", from: day("2025-07-01")),
        ]
        #expect(AccrualRules.problems(rules).isEmpty)
        let facts = Accrual.Facts(
            work: [
                VerifiedWork(recordID: "r1", worker: "ana", issuer: "schoonmaak-bv", hours: 10, start: day("2024-03-01"), end: day("2025-12-31")),
                VerifiedWork(recordID: "r2", worker: "ana", issuer: "schoonmaak-bv", hours: 4.5, start: day("2026-01-05"), end: day("2026-10-15")),
                VerifiedWork(recordID: "r3", worker: "bo", issuer: "bezorg", hours: 8, start: day("2026-11-01"), end: nil),
                VerifiedWork(recordID: "r4", worker: "bo", issuer: "bezorg", hours: 3, start: day("2026-11-30"), end: day("2026-12-05")),
            ],
            leave: [LeaveConversion(id: "l1", worker: "ana", hours: 6, on: day("2026-06-01"))],
            withoutStartingQualification: ["bo"])
        let postings = Accrual.postings(rules: rules, facts: facts, today: day("2026-11-23"), at: now)
        let byKey = Dictionary(uniqueKeysWithValues: postings.map { ($0.key, $0) })
        #expect(byKey["accrual:work:work-2025:r1"]?.amount == Miles(5), "10 h × 0.5 under the 2025 rule (ended 2025-12-31)")
        #expect(byKey["accrual:work:work-2026:r2"]?.amount == Miles(hundredths: 450))
        #expect(byKey.keys.filter { $0.contains(":r3") || $0.contains(":r4") }.isEmpty, "work still going, or completed after today, earns nothing yet")
        #expect(
            byKey.keys.filter { $0.hasPrefix("accrual:service:") }.sorted() == ["accrual:service:trouw:ana:schoonmaak-bv:1", "accrual:service:trouw:ana:schoonmaak-bv:2"],
            "ana worked 2024-03-01 to 2026-10-15 for one issuer: two full years")
        #expect(
            byKey.keys.filter { $0.hasPrefix("accrual:contribution:") }.sorted() == [
                "accrual:contribution:schoon:ana:2026-09-01", "accrual:contribution:schoon:ana:2026-10-01",
            ], "ana's work ended 2026-10-15, so November pays nothing")
        #expect(byKey["accrual:contribution:schoon:ana:2026-09-01"]?.to == .worker("ana", pot: "schoonmaak-bv"), "restricted points go to the funder's pot")
        #expect(byKey["accrual:leave:verlof:l1"]?.amount == Miles(12))
        #expect(byKey.keys.filter { $0.hasPrefix("accrual:topup:") }.sorted() == ["accrual:topup:rijk:bo:2025", "accrual:topup:rijk:bo:2026"])

        var ledger = Ledger()
        for p in postings { try ledger.post(p) }
        let once = ledger.balances
        for p in Accrual.postings(rules: rules, facts: facts, today: day("2026-11-23"), at: now) {
            #expect(try ledger.post(p) == .repeated)
        }
        #expect(ledger.balances == once, "running the batch twice pays once")
        #expect(ledger.balance(.worker("ana")) == Miles(5) + Miles(hundredths: 450) + Miles(50) + Miles(12))
    }
}
