import Days
import Foundation
import Testing

@testable import Leermiles

@Suite("The overview: sources, months, a projection at the current pace, and the yearly statement")
struct OverviewTests {
    func day(_ s: String) -> Day { Day(iso: s)! }
    func earning(_ d: String, _ amount: Int, _ funder: String = "werkfonds", _ reason: PostingReason = .workHours, recurs: Bool = true) -> Earning {
        Earning(earnedOn: day(d), amount: Miles(amount), funder: funder, reason: reason, recurs: recurs)
    }

    @Test func aYearOfSteadyWorkProjectsTheSameYearAgain() {
        // 30 miles on the 10th of every month for more than a year, and a one-off 200 that does not recur.
        let monthly = (0..<13).map { earning(day("2025-11-10").adding(months: $0).description, 30) }
        let overview = EarningsOverview(earnings: monthly + [earning("2026-06-01", 200, "oo-fonds", .contribution, recurs: false)], today: day("2026-11-30"))
        #expect(overview.paceDays == 365)
        #expect(overview.nextTwelveMonths == Miles(360))
        #expect(overview.perMonth == Miles(30))
        #expect(overview.sources.map(\.amount) == [Miles(390), Miles(200)], "largest first")
        #expect(overview.months.count == 12 && overview.months.first?.start == day("2025-12-01") && overview.months.last?.start == day("2026-11-01"))
        #expect(overview.months.map(\.earned) == (0..<12).map { $0 == 6 ? Miles(230) : Miles(30) })
    }

    @Test func aNewStarterIsMeasuredOverAtLeastNinetyDays() {
        // One week of work, 50 miles: over 90 days that is about 203 a year, not 2,600.
        let overview = EarningsOverview(earnings: [earning("2026-11-24", 50)], today: day("2026-11-30"))
        #expect(overview.paceDays == 90)
        #expect(overview.nextTwelveMonths == Miles.times(365.0 / 90.0, Miles(50)))
        let none = EarningsOverview(earnings: [earning("2026-01-05", 80, "oo-fonds", .contribution, recurs: false)], today: day("2026-11-30"))
        #expect(none.nextTwelveMonths == .zero && none.perMonth == .zero, "nothing recurring, nothing projected")
        #expect(EarningsOverview(earnings: [], today: day("2026-11-30")).sources.isEmpty)
    }

    @Test func earningsOlderThanAYearDoNotSetThePaceAndCorrectionsSubtract() {
        let overview = EarningsOverview(
            earnings: [earning("2024-03-01", 500), earning("2026-06-01", 100), earning("2026-07-01", -40)],
            today: day("2026-11-30"))
        #expect(overview.nextTwelveMonths == Miles(60))
        #expect(overview.sources.map { "\($0.funder) \($0.reason.rawValue) \($0.amount)" } == ["werkfonds work_hours 560"])
        #expect(Earning.recurs(.contribution, every: .monthly) && !Earning.recurs(.contribution, every: .once) && !Earning.recurs(.leaveHours, every: nil))
    }

    @Test func theStatementCarriesTheBalanceFromYearToYear() {
        let tz = TimeZone(identifier: "UTC")!
        func at(_ d: String) -> Date { Date(timeIntervalSince1970: Double(day(d).dayNumber) * 86_400 + 43_200) }
        let postings = [
            Posting(key: "e1", from: .funder("werkfonds"), to: .worker("ana"), amount: Miles(100), reason: .workHours, cause: "rule:w", at: at("2025-05-01")),
            Posting(key: "e2", from: .funder("oo"), to: .worker("ana", pot: "oo"), amount: Miles(50), reason: .contribution, cause: "rule:c", at: at("2026-02-01")),
            Posting(key: "r1", from: .worker("ana", pot: "oo"), to: .reserved("ana"), amount: Miles(50), reason: .reserve, cause: "user:a", at: at("2026-03-01"), reservation: "x"),
            Posting(key: "r2", from: .worker("ana"), to: .reserved("ana"), amount: Miles(30), reason: .reserve, cause: "user:a", at: at("2026-03-01"), reservation: "x"),
            Posting(key: "s", from: .reserved("ana"), to: .providers, amount: Miles(80), reason: .settle, cause: "cli", at: at("2026-04-01"), reservation: "x"),
            Posting(key: "other", from: .funder("werkfonds"), to: .worker("bob"), amount: Miles(9), reason: .workHours, cause: "rule:w", at: at("2026-04-02")),
            Posting(key: "e3", from: .funder("werkfonds"), to: .worker("ana"), amount: Miles(5), reason: .workHours, cause: "rule:w", at: at("2027-01-02")),
        ]
        let s2026 = YearStatement(worker: "ana", year: 2026, postings: postings, timeZone: tz)
        #expect(s2026.openingTotal == Miles(100) && s2026.openingReserved == .zero)
        #expect(s2026.lines.map(\.key) == ["e2", "r1", "r2", "s"], "only ana's postings of 2026")
        #expect(s2026.lines.map(\.totalAfter) == [Miles(150), Miles(150), Miles(150), Miles(70)])
        #expect(s2026.lines.map(\.reservedAfter) == [.zero, Miles(50), Miles(80), .zero])
        #expect(s2026.earned == Miles(50) && s2026.spent == Miles(80) && s2026.closingTotal == Miles(70))
        let s2024 = YearStatement(worker: "ana", year: 2024, postings: postings, timeZone: tz)
        #expect(s2024.lines.isEmpty && s2024.openingTotal == .zero && s2024.closingTotal == .zero)
        let s2027 = YearStatement(worker: "ana", year: 2027, postings: postings, timeZone: tz)
        #expect(s2027.openingTotal == Miles(70) && s2027.closingTotal == Miles(75))
        let quiet = YearStatement(worker: "ana", year: 2028, postings: postings, timeZone: tz)
        #expect(quiet.lines.isEmpty && quiet.openingTotal == Miles(75), "a year without postings opens and closes with the balance")
    }
}
