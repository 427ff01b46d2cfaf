/// No one works more than 24 hours a day, however many records describe their work.
///
/// Each record's hours are spread evenly over the days of its period; a worker's records
/// together may not put more than 24 hours on any day. One record is checked on its own by the
/// schema rules (`WorkRecord`); this checks the records of one worker against each other, so an
/// issuer cannot send three records of 4,300 hours for the same six months (each fine alone)
/// and earn points three times.
public enum DailyHours {
    public static let limit = 24.0

    /// A record's hours over its days, as day numbers (both ends included).
    public struct Span: Sendable, Equatable {
        public let first: Int
        public let last: Int
        public let hours: Double

        public init(first: Int, last: Int, hours: Double) {
            self.first = first
            self.last = max(first, last)
            self.hours = hours
        }

        /// A record's span; an ongoing record (no end) runs to `today`. Nil without hours.
        public init?(_ record: WorkRecord, today: CalendarDate) {
            guard let hours = record.hours, hours > 0 else { return nil }
            self.init(first: record.start.dayNumber, last: (record.end ?? max(today, record.start)).dayNumber, hours: hours)
        }

        var perDay: Double { hours / Double(last - first + 1) }
    }

    /// The busiest day (its day number and hours) of `spans` together.
    public static func busiestDay(_ spans: [Span]) -> (day: Int, hours: Double)? {
        guard !spans.isEmpty else { return nil }
        // A sweep over the days where the load changes: +perDay at a first day, -perDay after a last.
        var changes: [(day: Int, delta: Double)] = []
        changes.reserveCapacity(spans.count * 2)
        for s in spans {
            changes.append((s.first, s.perDay))
            changes.append((s.last + 1, -s.perDay))
        }
        changes.sort { $0.day != $1.day ? $0.day < $1.day : $0.delta < $1.delta }
        var load = 0.0, best: (day: Int, hours: Double) = (changes[0].day, 0)
        var i = 0
        while i < changes.count {
            let day = changes[i].day
            while i < changes.count && changes[i].day == day { load += changes[i].delta; i += 1 }
            if load > best.hours + 1e-9 { best = (day, load) }
        }
        return best
    }

    /// Whether `adding` fits beside a worker's `existing` spans; otherwise the day and total it
    /// would reach. A hundredth of an hour of slack absorbs rounding in issuers' sums.
    public static func overflow(existing: [Span], adding: Span) -> (day: Int, hours: Double)? {
        let overlapping = existing.filter { $0.first <= adding.last && adding.first <= $0.last }
        guard let busiest = busiestDay(overlapping + [adding]), busiest.hours > limit + 0.01 else { return nil }
        return busiest
    }
}
