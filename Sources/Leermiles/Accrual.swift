import Days
import Foundation

/// A passport record that earns points: issued by a platform or employer, not self-declared, not revoked.
public struct VerifiedWork: Sendable, Equatable {
    public let recordID: String
    public let worker: String
    public let issuer: String
    public let hours: Double?
    public let start: Day
    /// The day the work was completed; nil while it goes on.
    public let end: Day?

    public init(recordID: String, worker: String, issuer: String, hours: Double?, start: Day, end: Day?) {
        self.recordID = recordID
        self.worker = worker
        self.issuer = issuer
        self.hours = hours
        self.start = start
        self.end = end
    }
}

/// Unused leave hours a worker converted into points.
public struct LeaveConversion: Sendable, Equatable {
    public let id: String
    public let worker: String
    public let hours: Double
    public let on: Day
    public init(id: String, worker: String, hours: Double, on: Day) {
        self.id = id
        self.worker = worker
        self.hours = hours
        self.on = on
    }
}

/// What the accrual rules pay for the given facts, up to and including `today`. Every posting's
/// key is derived from the facts (record, rule, worker, period), so running the batch again, or
/// the event for a record that arrives, posts nothing that was already posted.
public enum Accrual {
    public struct Facts: Sendable {
        public var work: [VerifiedWork] = []
        public var leave: [LeaveConversion] = []
        /// Workers known to have no starting qualification.
        public var withoutStartingQualification: Set<String> = []
        public init(work: [VerifiedWork] = [], leave: [LeaveConversion] = [], withoutStartingQualification: Set<String> = []) {
            self.work = work
            self.leave = leave
            self.withoutStartingQualification = withoutStartingQualification
        }
    }

    public static func postings(rules: [AccrualRule], facts: Facts, today: Day, at: Date) -> [Posting] {
        var out: [Posting] = []
        each(rules: rules, facts: facts, today: today, at: at) { _, posting in out.append(posting) }
        return out
    }

    /// The postings with the day each was earned on: the day the work ended, the anniversary, the
    /// contribution's or top-up's day, the day leave was converted. The overview's pace and
    /// projection go by these days, not by when the batch happened to run.
    public static func datedPostings(rules: [AccrualRule], facts: Facts, today: Day, at: Date) -> [(earnedOn: Day, posting: Posting)] {
        var out: [(earnedOn: Day, posting: Posting)] = []
        each(rules: rules, facts: facts, today: today, at: at) { day, posting in out.append((day, posting)) }
        return out
    }

    /// Hands every posting the rules give, with its day, to `emit`: the batch keeps only the
    /// postings (1.5 million of them for a million records, so no second array to copy them from).
    static func each(rules: [AccrualRule], facts: Facts, today: Day, at: Date, _ emit: (Day, Posting) -> Void) {
        func pay(_ rule: AccrualRule, _ worker: String, _ amount: Miles, key: String, on day: Day) {
            guard amount > .zero else { return }
            emit(
                day,
                Posting(
                    key: "accrual:" + key, from: .funder(rule.funder), to: rule.account(for: worker), amount: amount,
                    reason: rule.kind.reason, cause: "rule:\(rule.id)", at: at))
        }
        for rule in rules {
            switch rule.kind {
            case .workHours(let perHour):
                for w in facts.work {
                    guard let hours = w.hours, hours > 0, let end = w.end, end <= today, rule.isEffective(on: end) else { continue }
                    pay(rule, w.worker, .times(hours, perHour), key: "work:\(rule.id):\(w.recordID)", on: end)
                }
            case .serviceYears(let perYear):
                for span in serviceSpans(facts.work, today: today) {
                    // A span ends today at the latest, so every anniversary in it has passed.
                    var year = 1, anniversary = span.start.adding(months: 12)
                    while anniversary <= span.end {
                        if rule.isEffective(on: anniversary) {
                            pay(rule, span.worker, perYear, key: "service:\(rule.id):\(span.worker):\(span.issuer):\(year)", on: anniversary)
                        }
                        year += 1
                        anniversary = span.start.adding(months: 12 * year)
                    }
                }
            case .contribution(let amount, let every):
                // Sorted once, not once per period: a monthly rule has dozens of periods.
                let workers = contributionWorkers(facts.work, funder: rule.funder).sorted { $0.key < $1.key }
                for period in periods(rule, every, today: today) {
                    for (worker, spans) in workers
                    where spans.contains(where: { $0.start <= period && ($0.end.map { period <= $0 } ?? true) }) {
                        pay(rule, worker, amount, key: "contribution:\(rule.id):\(worker):\(period)", on: period)
                    }
                }
            case .leaveHours(let perHour):
                for l in facts.leave where l.on <= today && rule.isEffective(on: l.on) && l.hours > 0 {
                    pay(rule, l.worker, .times(l.hours, perHour), key: "leave:\(rule.id):\(l.id)", on: l.on)
                }
            case .topUp(let perYear):
                for period in periods(rule, .yearly, today: today) {
                    for worker in facts.withoutStartingQualification.sorted() {
                        pay(rule, worker, perYear, key: "topup:\(rule.id):\(worker):\(period.year)", on: period)
                    }
                }
            }
        }
    }

    /// Per worker and issuer: from the first day of work to the last (today while work goes on),
    /// in a stable order.
    static func serviceSpans(_ work: [VerifiedWork], today: Day) -> [(worker: String, issuer: String, start: Day, end: Day)] {
        var spans: [String: (worker: String, issuer: String, start: Day, end: Day)] = [:]
        for w in work {
            let end = min(w.end ?? today, today)
            let id = w.worker + "\u{0}" + w.issuer
            let earlier = spans[id]
            spans[id] = (w.worker, w.issuer, min(earlier?.start ?? w.start, w.start), max(earlier?.end ?? end, end))
        }
        return spans.keys.sorted().map { spans[$0]! }
    }

    /// The workers with verified work for `funder` (as issuer), with their work periods.
    static func contributionWorkers(_ work: [VerifiedWork], funder: String) -> [String: [(start: Day, end: Day?)]] {
        var out: [String: [(start: Day, end: Day?)]] = [:]
        for w in work where w.issuer == funder { out[w.worker, default: []].append((w.start, w.end)) }
        return out
    }

    /// The days a recurring rule pays on, from its start, while it is effective and not after today.
    static func periods(_ rule: AccrualRule, _ every: AccrualRule.Recurrence, today: Day) -> [Day] {
        var days: [Day] = []
        var day = rule.from
        while day <= today && rule.isEffective(on: day) {
            days.append(day)
            if every == .once { break }
            day = rule.from.adding(months: (every == .monthly ? 1 : 12) * days.count)
        }
        return days
    }
}
