import Foundation

/// What a revoked record earned, taken back. Postings are never edited: each earning the record
/// caused gets a reversal posting that moves the same points back to the funder.
public enum Revocation {
    /// The keys under which the work-hours rules paid for a record (see `Accrual`).
    public static func earningKeys(record: String, rules: [AccrualRule]) -> [String] {
        rules.compactMap { rule in
            if case .workHours = rule.kind { "accrual:work:\(rule.id):\(record)" } else { nil }
        }
    }

    /// The reversal of `earning` (a posting of a revoked record), keyed so it is made once.
    public static func reversal(of earning: Posting, record: String, at: Date) -> Posting {
        Posting(
            key: "reversal:" + earning.key, from: earning.to, to: earning.from, amount: earning.amount, reason: .reversal,
            cause: "revoked:\(record)", at: at, reverses: earning.key)
    }
}
