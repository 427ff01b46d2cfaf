import Days

/// A rule that earns points, valid from a day until (not including) another or open-ended.
/// Rules are configuration: they change by adding a rule with a later start, never by editing
/// what was paid.
public struct AccrualRule: Sendable, Equatable {
    public enum Recurrence: String, Sendable, CaseIterable { case once, monthly, yearly }

    public enum Kind: Sendable, Equatable {
        /// Per hour of completed, verified work in the passport (counted on the record's end day).
        case workHours(perHour: Miles)
        /// Per full year a worker has worked for the same issuer (counted on each anniversary).
        case serviceYears(perYear: Miles)
        /// An employer's or O&O fund's contribution to every worker with verified work for it.
        case contribution(amount: Miles, every: Recurrence)
        /// Per unused leave hour a worker converts.
        case leaveHours(perHour: Miles)
        /// A yearly government top-up for workers without a starting qualification.
        case topUp(perYear: Miles)

        public var name: String {
            switch self {
            case .workHours: "work_hours"
            case .serviceYears: "service_years"
            case .contribution: "contribution"
            case .leaveHours: "leave_hours"
            case .topUp: "top_up"
            }
        }

        /// Builds a kind from its stored parts; nil when they do not fit together.
        public init?(name: String, rate: Miles, every: Recurrence?) {
            switch (name, every) {
            case ("work_hours", nil): self = .workHours(perHour: rate)
            case ("service_years", nil): self = .serviceYears(perYear: rate)
            case ("contribution", let every?): self = .contribution(amount: rate, every: every)
            case ("leave_hours", nil): self = .leaveHours(perHour: rate)
            case ("top_up", nil): self = .topUp(perYear: rate)
            default: return nil
            }
        }

        public static let names = ["work_hours", "service_years", "contribution", "leave_hours", "top_up"]

        /// Only contributions recur.
        public var every: Recurrence? {
            if case .contribution(_, let every) = self { return every }
            return nil
        }

        public var rate: Miles {
            switch self {
            case .workHours(let m), .serviceYears(let m), .contribution(let m, _), .leaveHours(let m), .topUp(let m): m
            }
        }

        var reason: PostingReason {
            switch self {
            case .workHours: .workHours
            case .serviceYears: .serviceYears
            case .contribution: .contribution
            case .leaveHours: .leaveHours
            case .topUp: .topUp
            }
        }
    }

    /// What points from a restricted rule may be spent on.
    public enum Restriction: String, Sendable, CaseIterable { case shortageOccupations = "shortage_occupations" }

    public let id: String
    public let kind: Kind
    /// The funder that pays: an employer, an O&O fund, the government, or Loopbrug's work fund.
    public let funder: String
    public let from: Day
    public let until: Day?
    public let restriction: Restriction?
    /// Whether spending this rule's points needs a coach's or the funder's approval first.
    public let requiresApproval: Bool

    public init(
        id: String, kind: Kind, funder: String, from: Day, until: Day? = nil, restriction: Restriction? = nil,
        requiresApproval: Bool = false
    ) {
        self.id = id
        self.kind = kind
        self.funder = funder
        self.from = from
        self.until = until
        self.restriction = restriction
        self.requiresApproval = requiresApproval
    }

    public func isEffective(on day: Day) -> Bool { from <= day && (until.map { day < $0 } ?? true) }

    /// The worker account this rule pays into: the funder's pot when its points are restricted
    /// or need approval to spend, so that what the funder asked for stays with its points.
    public func account(for worker: String) -> AccountID { .worker(worker, pot: restriction == nil && !requiresApproval ? nil : funder) }

    /// Whether two rules would both pay for the same thing on some day.
    func overlaps(_ other: AccrualRule) -> Bool {
        guard kind.name == other.kind.name, funder == other.funder else { return false }
        let aEnd = until, bEnd = other.until
        return (aEnd.map { other.from < $0 } ?? true) && (bEnd.map { from < $0 } ?? true)
    }
}

/// Why a set of rules was refused; each names the rule.
public struct RuleProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public let rule: String
    public let reason: String
    public var description: String { "rule \(rule): \(reason)" }
}

public enum AccrualRules {
    /// Every problem in a set of rules: empty ids, duplicates, non-positive rates, an end before
    /// the start, and two rules of the same kind and funder whose dates overlap.
    public static func problems(_ rules: [AccrualRule]) -> [RuleProblem] {
        var found: [RuleProblem] = []
        var ids: Set<String> = []
        for rule in rules {
            if rule.id.isEmpty || rule.id.contains(":") { found.append(RuleProblem(rule: rule.id, reason: "the id must be non-empty without ':'")) }
            if !ids.insert(rule.id).inserted { found.append(RuleProblem(rule: rule.id, reason: "the id is used twice")) }
            if rule.funder.isEmpty || rule.funder.contains(":") { found.append(RuleProblem(rule: rule.id, reason: "needs a funder id without ':'")) }
            if rule.kind.rate > .largest { found.append(RuleProblem(rule: rule.id, reason: "\(rule.kind.rate) is more than the largest amount, \(Miles.largest)")) }
            if rule.kind.rate <= .zero { found.append(RuleProblem(rule: rule.id, reason: "\(rule.kind.rate) is not a positive amount")) }
            if let until = rule.until, until <= rule.from { found.append(RuleProblem(rule: rule.id, reason: "ends (\(until)) on or before it starts (\(rule.from))")) }
        }
        for (i, a) in rules.enumerated() {
            for b in rules[(i + 1)...] where a.overlaps(b) {
                found.append(RuleProblem(rule: b.id, reason: "overlaps rule \(a.id) (\(a.kind.name) paid by \(a.funder) from \(a.from) until \(a.until?.description ?? "open"))"))
            }
        }
        return found
    }
}
