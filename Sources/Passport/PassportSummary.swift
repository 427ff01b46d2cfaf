import Days
import Localization

/// Totals over a passport's records, as the passport page and the KlusCV show them.
public struct PassportTotals: Sendable, Equatable {
    public var records = 0
    public var verified = 0
    public var hours = 0.0
    public var jobs = 0
    /// Ratings on a 5-point scale, weighted by how many ratings each record has.
    public var ratingAverage: Double?
    public var ratingCount = 0

    public init(_ records: [(record: WorkRecord, verified: Bool)]) {
        var weighted = 0.0
        for (record, verified) in records {
            self.records += 1
            if verified { self.verified += 1 }
            hours += record.hours ?? 0
            jobs += record.jobs ?? 0
            if let r = record.ratings, r.scale > 0 {
                weighted += r.average / r.scale * 5 * Double(r.count)
                ratingCount += r.count
            }
        }
        ratingAverage = ratingCount > 0 ? weighted / Double(ratingCount) : nil
    }
}

/// A record's period in words: "mrt 2025 – aug 2025", "sinds feb 2024", "4 okt 2025".
public enum PeriodText {
    static let dutchMonths = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
    static let englishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    public static func describe(start: Day, end: Day?, lang: Lang) -> String {
        let months = lang.isEnglish ? englishMonths : dutchMonths
        func month(_ d: Day) -> String { "\(months[d.month - 1]) \(d.year)" }
        guard let end else { return (lang.isEnglish ? "since " : "sinds ") + month(start) }
        if start == end { return "\(start.day) \(months[start.month - 1]) \(start.year)" }
        if start.year == end.year && start.month == end.month { return month(start) }
        return "\(month(start)) – \(month(end))"
    }
}
