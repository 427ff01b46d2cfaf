import Days
import Testing

@testable import Leermiles

@Suite("Spending: restricted pots first when allowed, approval when the funder asks")
struct SpendingTests {
    let pots: [String: Spending.PotTerms] = [
        "oo-fonds": .init(restriction: .shortageOccupations, requiresApproval: true),
        "werkgever": .init(restriction: nil, requiresApproval: true),
    ]
    let balances: [AccountID: Miles] = [
        .worker("ana"): Miles(50), .worker("ana", pot: "oo-fonds"): Miles(30), .worker("ana", pot: "werkgever"): Miles(10),
        .reserved("ana"): Miles(999),
    ]

    @Test func potsGoFirstAndAskForApproval() throws {
        let plan = try Spending.plan(amount: Miles(60), balances: balances, pots: pots, forShortageOccupation: true).get()
        #expect(
            plan.legs == [
                .init(account: .worker("ana", pot: "oo-fonds"), amount: Miles(30)), .init(account: .worker("ana", pot: "werkgever"), amount: Miles(10)),
                .init(account: .worker("ana"), amount: Miles(20)),
            ])
        #expect(plan.needsApproval)
        let free = try Spending.plan(amount: Miles(5), balances: [.worker("ana"): Miles(50)], pots: pots, forShortageOccupation: false).get()
        #expect(free.legs == [.init(account: .worker("ana"), amount: Miles(5))] && !free.needsApproval)
    }

    @Test func restrictedPointsOnlyPayForShortageCourses() {
        #expect(
            Spending.plan(amount: Miles(61), balances: balances, pots: pots, forShortageOccupation: false)
                == .failure(.insufficient(wanted: Miles(61), usable: Miles(60), restrictedElsewhere: Miles(30))))
        #expect(
            "\(Spending.Problem.insufficient(wanted: Miles(61), usable: Miles(60), restrictedElsewhere: Miles(30)))"
                == "amount: the course costs 61 and only 60 can pay for it (30 more are only for other courses)")
        #expect(Spending.plan(amount: .zero, balances: balances, pots: pots, forShortageOccupation: true) == .failure(.notPositive(.zero)))
        #expect(Spending.plan(amount: Miles(-5), balances: balances, pots: pots, forShortageOccupation: true) == .failure(.notPositive(Miles(-5))))
    }

    @Test func potTermsComeFromTheRules() {
        let day = Day(iso: "2026-01-01")!
        let terms = Spending.PotTerms.from([
            AccrualRule(id: "a", kind: .workHours(perHour: Miles(1)), funder: "werkfonds", from: day),
            AccrualRule(id: "b", kind: .contribution(amount: Miles(5), every: .once), funder: "oo-fonds", from: day, restriction: .shortageOccupations),
            AccrualRule(id: "c", kind: .contribution(amount: Miles(5), every: .yearly), funder: "oo-fonds", from: day, requiresApproval: true),
        ])
        #expect(terms == ["oo-fonds": .init(restriction: .shortageOccupations, requiresApproval: true)])
        #expect(AccrualRule(id: "c", kind: .topUp(perYear: Miles(1)), funder: "gemeente", from: day, requiresApproval: true).account(for: "ana") == .worker("ana", pot: "gemeente"))
    }
}
