import Days
import Fluent
import Foundation
import Leermiles
import Passport
import Vapor

/// What one accrual run posted (or, for a dry run, would post), per reason.
public struct AccrualOutcome: Sendable {
    public struct Total: Sendable, Equatable {
        public var count = 0
        public var miles = Miles.zero
    }
    public let dryRun: Bool
    public let records: Int
    public let rules: Int
    /// Postings new in this run.
    public let byReason: [PostingReason: Total]
    /// Postings the rules give that were posted before (a rerun finds all of them here).
    public let alreadyPosted: Int
    /// Seconds spent reading the facts, applying the rules, and writing.
    public let seconds: (read: Double, rules: Double, write: Double)
    /// Earnings of revoked records taken back in this run, and those that wait because the
    /// worker has already spent the points (the next run tries again).
    public var reversed = Total()
    public var reversalsWaiting = 0

    public var posted: Total {
        byReason.values.reduce(into: Total()) {
            $0.count += $1.count; $0.miles += $1.miles
        }
    }

    init(dryRun: Bool, records: Int, rules: Int, new: [Posting], alreadyPosted: Int, seconds: (read: Double, rules: Double, write: Double)) {
        self.dryRun = dryRun
        self.seconds = seconds
        self.records = records
        self.rules = rules
        self.alreadyPosted = alreadyPosted
        var totals: [PostingReason: Total] = [:]
        for p in new {
            totals[p.reason, default: Total()].count += 1
            totals[p.reason, default: Total()].miles += p.amount
        }
        byReason = totals
    }
}

/// Runs the accrual rules over the stored facts: the nightly batch (everyone) and the event when
/// verified records arrive (only their workers). Keys come from the facts, so both may run any
/// number of times and in any order: what was paid is never paid again.
public enum LeermilesAccrual {
    /// `chunk`: postings per transaction (the benchmark tries other sizes).
    public static func run(
        database: any Database, now: Date, workers: Set<String>? = nil, dryRun: Bool = false,
        chunk: Int = LedgerStore.earningsChunk
    ) async throws -> AccrualOutcome {
        let clock = ContinuousClock()
        var mark = clock.now
        func lap() -> Double {
            let now = clock.now
            defer { mark = now }
            return mark.duration(to: now) / .seconds(1)
        }
        let store = LeermilesStore(database: database)
        let rules = try await store.rules()
        let facts = try await store.facts(workers: workers)
        let read = lap()
        let postings = Accrual.postings(rules: rules, facts: facts, today: Day(now, in: Day.dutch), at: now)
        let applied = lap()
        let ledger = LedgerStore(database: database)
        let new: [Posting]
        if dryRun {
            let existing = try await ledger.existingKeys(postings.map(\.key))
            new = postings.filter { !existing.contains($0.key) }
        } else {
            new = try await ledger.postEarnings(postings, chunk: chunk)
        }
        var outcome = AccrualOutcome(
            dryRun: dryRun, records: facts.work.count, rules: rules.count, new: new,
            alreadyPosted: postings.count - new.count, seconds: (read, applied, lap()))
        try await reverseRevoked(store: store, ledger: ledger, rules: rules, workers: workers, now: now, dryRun: dryRun, into: &outcome)
        return outcome
    }

    /// Reverses what revoked records earned: one reversal posting per earning, never an edit.
    /// A reversal the worker's balance cannot carry (the points were spent) waits for a later run.
    static func reverseRevoked(
        store: LeermilesStore, ledger: LedgerStore, rules: [AccrualRule], workers: Set<String>?, now: Date,
        dryRun: Bool, into outcome: inout AccrualOutcome
    ) async throws {
        let revoked = try await store.revokedWork(workers: workers)
        guard !revoked.isEmpty else { return }
        var recordOf: [String: String] = [:]
        for record in revoked { for key in Revocation.earningKeys(record: record, rules: rules) { recordOf[key] = record } }
        for earning in try await ledger.unreversed(keys: recordOf.keys.sorted()) {
            let reversal = Revocation.reversal(of: earning, record: recordOf[earning.key] ?? "", at: now)
            if dryRun { outcome.reversed.count += 1; outcome.reversed.miles += reversal.amount; continue }
            do {
                if try await ledger.post(reversal) == .posted { outcome.reversed.count += 1; outcome.reversed.miles += reversal.amount }
            } catch LedgerError.insufficient {
                outcome.reversalsWaiting += 1
            }
        }
    }
}
