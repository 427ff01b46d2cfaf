/// How a worker pays for a course with their points. 1 leermile pays €1 of a course's price.
///
/// Restricted pots are used first when the course is allowed for them (their points are the
/// hardest to spend, so they should go first), then free points. A reservation needs approval
/// when any pot it draws from belongs to a funder whose rules ask for it.
public enum Spending {
    /// What a funder's rules say about spending the points they paid into a pot.
    public struct PotTerms: Sendable, Equatable {
        public let restriction: AccrualRule.Restriction?
        public let requiresApproval: Bool
        public init(restriction: AccrualRule.Restriction?, requiresApproval: Bool) {
            self.restriction = restriction
            self.requiresApproval = requiresApproval
        }

        /// The terms of each funder's pot: restricted or needing approval when any of its rules says so.
        public static func from(_ rules: [AccrualRule]) -> [String: PotTerms] {
            var out: [String: PotTerms] = [:]
            for rule in rules where rule.restriction != nil || rule.requiresApproval {
                let earlier = out[rule.funder]
                out[rule.funder] = PotTerms(
                    restriction: earlier?.restriction ?? rule.restriction,
                    requiresApproval: (earlier?.requiresApproval ?? false) || rule.requiresApproval)
            }
            return out
        }
    }

    public struct Leg: Sendable, Equatable {
        public let account: AccountID
        public let amount: Miles
    }

    public struct Plan: Sendable, Equatable {
        public let legs: [Leg]
        public let needsApproval: Bool
    }

    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case notPositive(Miles)
        case tooLarge(Miles)
        /// `usable` counts only points this course may be paid with; `restrictedElsewhere` are points in pots that do not allow it.
        case insufficient(wanted: Miles, usable: Miles, restrictedElsewhere: Miles)

        /// What is wrong with the amount, without naming the field.
        public var reason: String {
            switch self {
            case .notPositive(let m): "\(m) is not a positive amount"
            case .tooLarge(let m): "\(m) is more than \(Miles.largest)"
            case .insufficient(let wanted, let usable, let elsewhere):
                "the course costs \(wanted) and only \(usable) can pay for it" + (elsewhere > .zero ? " (\(elsewhere) more are only for other courses)" : "")
            }
        }

        public var description: String { "amount: \(reason)" }
    }

    /// Which accounts pay `amount` for a course. `balances` are the worker's own accounts (free
    /// points and pots); `forShortageOccupation` says whether the course leads to one.
    public static func plan(amount: Miles, balances: [AccountID: Miles], pots: [String: PotTerms], forShortageOccupation: Bool) -> Result<Plan, Problem> {
        guard amount > .zero else { return .failure(.notPositive(amount)) }
        guard amount <= .largest else { return .failure(.tooLarge(amount)) }
        var usable: [(account: AccountID, balance: Miles, terms: PotTerms?)] = []
        var elsewhere = Miles.zero
        for (account, balance) in balances where account.kind == .worker && balance > .zero {
            let terms = account.pot.flatMap { pots[$0] }
            let allowed =
                switch terms?.restriction {
                case nil: true
                case .shortageOccupations: forShortageOccupation
                }
            if allowed { usable.append((account, balance, terms)) } else { elsewhere += balance }
        }
        // Pots first, in a fixed order; free points last.
        usable.sort { ($0.account.pot == nil ? 1 : 0, $0.account.description) < ($1.account.pot == nil ? 1 : 0, $1.account.description) }
        let total = usable.reduce(Miles.zero) { $0 + $1.balance }
        guard total >= amount else { return .failure(.insufficient(wanted: amount, usable: total, restrictedElsewhere: elsewhere)) }
        var legs: [Leg] = []
        var left = amount
        var approval = false
        for source in usable where left > .zero {
            let take = min(left, source.balance)
            legs.append(Leg(account: source.account, amount: take))
            approval = approval || (source.terms?.requiresApproval ?? false)
            left -= take
        }
        return .success(Plan(legs: legs, needsApproval: approval))
    }
}
