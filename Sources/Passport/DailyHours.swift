import Days

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
        public init?(start: Day, end: Day?, hours: Double?, today: Day) {
            guard let hours, hours > 0 else { return nil }
            self.init(first: start.dayNumber, last: (end ?? max(today, start)).dayNumber, hours: hours)
        }

        public init?(_ record: WorkRecord, today: Day) {
            self.init(start: record.start, end: record.end, hours: record.hours, today: today)
        }

        public var days: Int { last - first + 1 }
        var perDay: Double { hours / Double(days) }
    }
}

/// One worker's hours per day so far, for checking records one after another: each check and
/// each addition costs the days of that record's period, whatever the worker has already.
public struct WorkerLoad: Sendable {
    private var hoursOnDay: [Int: Double] = [:]

    public init(_ spans: [DailyHours.Span] = []) {
        for span in spans { add(span) }
    }

    /// The busiest day `span` would make past 24 hours (the first, if several), or nil when it
    /// fits. A hundredth of an hour of slack absorbs rounding in issuers' sums.
    public func overflow(adding span: DailyHours.Span) -> (day: Int, hours: Double)? {
        var worst: (day: Int, hours: Double)?
        for day in span.first...span.last {
            let hours = (hoursOnDay[day] ?? 0) + span.perDay
            if hours > DailyHours.limit + 0.01, hours > (worst?.hours ?? 0) + 1e-9 { worst = (day, hours) }
        }
        return worst
    }

    public mutating func add(_ span: DailyHours.Span) {
        for day in span.first...span.last { hoursOnDay[day, default: 0] += span.perDay }
    }
}
