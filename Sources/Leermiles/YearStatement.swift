import Days
import Foundation

/// A worker's leermiles over one calendar year, as a bank or pension statement: the balance on
/// 1 January, every posting that changed it, and the balance on 31 December (or today).
///
/// "Your leermiles" are the free points, every funder's pot and what is reserved for courses:
/// reserving moves points between them (the total stays, the reserved part grows), settling a
/// course pays them out, a release puts them back.
public struct YearStatement: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public let day: Day
        public let key: String
        public let reason: PostingReason
        /// The account on the other side: the funder for earnings, the providers for a settled course.
        public let counterpart: AccountID
        public let reservation: String?
        /// Change of the worker's total (free + pots + reserved).
        public let change: Miles
        /// Change of the reserved part.
        public let reservedChange: Miles
        public let totalAfter: Miles
        public let reservedAfter: Miles
    }

    public let worker: String
    public let year: Int
    public let openingTotal: Miles
    public let openingReserved: Miles
    public let lines: [Line]

    public var closingTotal: Miles { lines.last?.totalAfter ?? openingTotal }
    public var closingReserved: Miles { lines.last?.reservedAfter ?? openingReserved }
    /// Earned this year, corrections subtracted.
    public var earned: Miles { lines.filter { $0.reason.isEarning || $0.reason == .reversal }.reduce(.zero) { $0 + $1.change } }
    /// Paid to course providers this year.
    public var spent: Miles { lines.filter { $0.reason == .settle }.reduce(.zero) { $0 - $1.change } }

    /// `postings` are every posting touching the worker's accounts, in the order written; days are
    /// taken in `timeZone` (Dutch time for Dutch statements).
    public init(worker: String, year: Int, postings: [Posting], timeZone: TimeZone) {
        self.worker = worker
        self.year = year
        func owned(_ a: AccountID) -> Bool { (a.kind == .worker || a.kind == .reserved) && a.owner == worker }
        var total = Miles.zero, reserved = Miles.zero
        var opening: (Miles, Miles)?
        var lines: [Line] = []
        for p in postings {
            let day = Day(p.at, in: timeZone)
            guard day.year <= year else { continue }
            let fromOwned = owned(p.from), toOwned = owned(p.to)
            guard fromOwned || toOwned else { continue }
            let change = (toOwned ? p.amount : .zero) - (fromOwned ? p.amount : .zero)
            let reservedChange = (p.to == .reserved(worker) ? p.amount : .zero) - (p.from == .reserved(worker) ? p.amount : .zero)
            if day.year == year && opening == nil { opening = (total, reserved) }
            total += change
            reserved += reservedChange
            guard day.year == year else { continue }
            lines.append(
                Line(
                    day: day, key: p.key, reason: p.reason, counterpart: toOwned ? p.from : p.to, reservation: p.reservation,
                    change: change, reservedChange: reservedChange, totalAfter: total, reservedAfter: reserved))
        }
        (openingTotal, openingReserved) = opening ?? (total, reserved)
        self.lines = lines
    }
}
