import Foundation
import Leermiles
import SQLKit
import Testing

@testable import App

/// The SQL ledger follows the in-memory rules, and holds under concurrent spends.
@Suite struct LedgerStoreTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func earn(_ key: String, _ worker: String, _ amount: Int) -> Posting {
        Posting(key: key, from: .funder("fund"), to: .worker(worker), amount: Miles(amount), reason: .workHours, cause: "rule:test", at: now)
    }

    @Test(arguments: TestDatabase.available)
    func aWorkersAccountsAreExactlyTheirOwnEvenWithWildcardsInTheID(_ database: TestDatabase) async throws {
        try await withTestApp(database, seedTaxonomy: false) { app in
            // "a_b*" holds the wildcards of LIKE and GLOB; "axb*" (LIKE's _) and "a_bzz" (GLOB's *) must not be taken for it.
            let store = LedgerStore(database: app.db)
            _ = try await store.postEarnings([
                earn("e1", "a_b*", 10),
                Posting(key: "e2", from: .funder("oo"), to: .worker("a_b*", pot: "oo"), amount: Miles(5), reason: .contribution, cause: "rule:t", at: now),
                Posting(key: "e3", from: .funder("oo"), to: .worker("axb*", pot: "oo"), amount: Miles(7), reason: .contribution, cause: "rule:t", at: now),
                Posting(key: "e4", from: .funder("oo"), to: .worker("a_bzz", pot: "oo"), amount: Miles(9), reason: .contribution, cause: "rule:t", at: now),
            ])
            #expect(try await store.accounts(worker: "a_b*") == [.worker("a_b*"): Miles(10), .worker("a_b*", pot: "oo"): Miles(5)])
            #expect(try await store.postings(worker: "a_b*").map(\.key) == ["e1", "e2"])
        }
    }

    @Test(arguments: TestDatabase.available)
    func twoHundredSimultaneousSpendsNeverOverspend(_ database: TestDatabase) async throws {
        try await withTestApp(database, seedTaxonomy: false) { app in
            let store = LedgerStore(database: app.db)
            #expect(try await store.post(earn("e1", "ana", 50)) == .posted)
            @Sendable func spend(_ i: Int) -> Posting {
                Posting(
                    key: "spend-\(i)", from: .worker("ana"), to: .reserved("ana"), amount: Miles(1), reason: .reserve,
                    cause: "user:ana", at: now, reservation: "res-\(i)")
            }
            // 200 requests of 1 mile each race for a balance of 50.
            let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
                for i in 0..<200 {
                    group.addTask {
                        do { return "\(try await LedgerStore(database: app.db).post(spend(i)))" } catch let error as LedgerError {
                            if case .insufficient = error { return "insufficient" }; return "\(error)"
                        }
                    }
                }
                return try await group.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
            }
            // A repeated request posts nothing, whether it had succeeded or not.
            for i in 0..<200 {
                let again = try? await store.post(spend(i))
                #expect(again == nil || again == .repeated)
            }
            let all = try await store.everything()
            let spends = all.postings.filter { $0.reason == .reserve }
            #expect(spends.count == 50, "\(outcomes)")
            #expect(Set(spends.map(\.key)).count == 50)
            #expect(try await store.balance(.worker("ana")) == .zero)
            #expect(try await store.balance(.reserved("ana")) == Miles(50))
            #expect(all.balances.values.reduce(.zero, +) == .zero)
            #expect(outcomes == ["posted": 50, "insufficient": 150], "\(outcomes)")
            let reservations = spends.map { LedgerAudit.StoredReservation(id: $0.reservation!, worker: "ana", amount: Miles(1), state: .open) }
            #expect(LedgerAudit.breaches(postings: all.postings, storedBalances: all.balances, reservations: reservations).isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func theStoreRefusesWhatTheLedgerRefusesAndWritesNothing(_ database: TestDatabase) async throws {
        try await withTestApp(database, seedTaxonomy: false) { app in
            let store = LedgerStore(database: app.db)
            try await store.post(earn("e1", "ana", 10))
            func refused(_ p: Posting, _ expected: String) async {
                await #expect { try await store.post(p) } throws: { "\($0)".contains(expected) }
            }
            await refused(
                Posting(key: "r1", from: .worker("ana"), to: .reserved("ana"), amount: Miles(11), reason: .reserve, cause: "user:ana", at: now, reservation: "x"),
                "posting r1: worker:ana has 10 and cannot give 11")
            await refused(earn("e1", "ana", 12), "posting e1: the key was already used for a different posting")
            await refused(Posting(key: "n", from: .funder("fund"), to: .worker("ana"), amount: Miles(-1), reason: .topUp, cause: "c", at: now), "is not a positive amount")
            #expect(try await store.post(earn("e1", "ana", 10)) == .repeated)
            let undo = Posting(key: "u1", from: .worker("ana"), to: .funder("fund"), amount: Miles(10), reason: .reversal, cause: "user:admin", at: now, reverses: "e1")
            await refused(
                Posting(key: "u0", from: .worker("ana"), to: .funder("fund"), amount: Miles(3), reason: .reversal, cause: "c", at: now, reverses: "e1"),
                "reverses must move 10")
            #expect(try await store.post(undo) == .posted)
            await refused(
                Posting(key: "u2", from: .worker("ana"), to: .funder("fund"), amount: Miles(10), reason: .reversal, cause: "c", at: now, reverses: "e1"),
                "e1 is already reversed")
            let all = try await store.everything()
            #expect(all.postings.map(\.key) == ["e1", "u1"], "refused postings left nothing behind")
            #expect(all.balances[.worker("ana")] == .zero && all.balances[.funder("fund")] == .zero)
            #expect(LedgerAudit.breaches(postings: all.postings, storedBalances: all.balances, reservations: []).isEmpty)

            // The accrual batch in bulk: a second run posts nothing.
            let batch = (0..<5_000).map { earn("accrual:work:\($0)", "w\($0 % 300)", 1 + $0 % 7) }
            #expect(try await store.postEarnings(batch).count == 5_000)
            #expect(try await store.postEarnings(batch).isEmpty)
            let after = try await store.everything()
            #expect(LedgerAudit.breaches(postings: after.postings, storedBalances: after.balances, reservations: []).isEmpty)
            #expect(after.balances[.worker("w1")] == batch.filter { $0.to == .worker("w1") }.reduce(.zero) { $0 + $1.amount })
        }
    }
}
