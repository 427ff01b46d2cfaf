import Days

/// One amount a worker earned (or lost by a correction), dated by the day it was earned on.
public struct Earning: Sendable, Equatable {
    public let earnedOn: Day
    /// Negative for a reversal of an earlier earning.
    public let amount: Miles
    public let funder: String
    public let reason: PostingReason
    /// Whether it comes back by itself when the worker goes on as now: work hours, years of
    /// service, the yearly top-up and recurring contributions. One-off contributions and converted
    /// leave do not.
    public let recurs: Bool

    public init(earnedOn: Day, amount: Miles, funder: String, reason: PostingReason, recurs: Bool) {
        self.earnedOn = earnedOn
        self.amount = amount
        self.funder = funder
        self.reason = reason
        self.recurs = recurs
    }
}

/// What the overview shows besides the balance, like the Dutch pension overview: where the points
/// came from, what was earned month by month, and what another twelve months at the same pace add.
public struct EarningsOverview: Sendable, Equatable {
    public struct Source: Sendable, Equatable {
        public let funder: String
        public let reason: PostingReason
        public let amount: Miles
    }

    public struct Month: Sendable, Equatable {
        /// The first day of the month.
        public let start: Day
        public let earned: Miles
    }

    /// Per funder and reason, largest first (corrections subtracted).
    public let sources: [Source]
    /// The twelve months up to and including today's, oldest first.
    public let months: [Month]
    /// Recurring points per month over the pace window.
    public let perMonth: Miles
    /// What twelve more months at that pace add.
    public let nextTwelveMonths: Miles
    /// How many days the pace is measured over: the last year, or since the first recurring
    /// earning (at least 90 days, so one busy week does not promise a busy year).
    public let paceDays: Int

    public static let shortestPaceWindow = 90

    public init(earnings: [Earning], today: Day) {
        var bySource: [String: (funder: String, reason: PostingReason, amount: Miles)] = [:]
        for e in earnings where e.earnedOn <= today {
            let key = e.funder + "\u{0}" + e.reason.rawValue
            bySource[key, default: (e.funder, e.reason, .zero)].amount += e.amount
        }
        sources = bySource.values.filter { $0.amount != .zero }
            .sorted { ($1.amount, $0.funder, $0.reason.rawValue) < ($0.amount, $1.funder, $1.reason.rawValue) }
            .map { Source(funder: $0.funder, reason: $0.reason, amount: $0.amount) }

        let thisMonth = Day(year: today.year, month: today.month, day: 1)!
        let starts = (0..<12).map { thisMonth.adding(months: $0 - 11) }
        var perStart: [Day: Miles] = [:]
        for e in earnings where e.earnedOn <= today && e.earnedOn >= starts[0] {
            perStart[Day(year: e.earnedOn.year, month: e.earnedOn.month, day: 1)!, default: .zero] += e.amount
        }
        months = starts.map { Month(start: $0, earned: perStart[$0] ?? .zero) }

        let yearAgo = today.adding(days: -364)
        let recurring = earnings.filter { $0.recurs && $0.earnedOn <= today }
        guard let first = recurring.map(\.earnedOn).min() else {
            perMonth = .zero
            nextTwelveMonths = .zero
            paceDays = 365
            return
        }
        let windowStart = max(first, yearAgo)
        let days = max(Self.shortestPaceWindow, windowStart.distance(to: today) + 1)
        let earned = recurring.filter { $0.earnedOn >= windowStart }.reduce(Miles.zero) { $0 + $1.amount }
        let positive = max(earned, .zero)
        paceDays = days
        nextTwelveMonths = .times(365.0 / Double(days), positive)
        perMonth = .times(365.0 / 12.0 / Double(days), positive)
    }
}

extension Earning {
    /// Whether points for this reason come back by themselves: a contribution only when its rule recurs.
    public static func recurs(_ reason: PostingReason, every: AccrualRule.Recurrence?) -> Bool {
        switch reason {
        case .workHours, .serviceYears, .topUp: true
        case .contribution: every != nil && every != .once
        default: false
        }
    }
}
