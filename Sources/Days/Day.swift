import Foundation

/// A calendar day ("2026-11-23"): a work record's period, a ledger posting's day, a vacancy's
/// start. The one day type of every target, with day arithmetic that needs no `Calendar`.
public struct Day: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The latest year a work record or vacancy may name (input from outside is checked to it).
    public static let latestRecordYear = 2200

    public init?(year: Int, month: Int, day: Int) {
        guard (1900...9999).contains(year), (1...12).contains(month), (1...Self.days(in: month, year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly YYYY-MM-DD (digits only) of a year up to `latestYear`.
    public init?(iso text: some StringProtocol, latestYear: Int = 9999) {
        let u = Array(text.utf8)
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-"),
            let y = Self.number(u[0..<4]), let m = Self.number(u[5..<7]), let d = Self.number(u[8..<10]), y <= latestYear
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The calendar day `date` falls on in `timeZone` (Loopbrug's days are Dutch: Europe/Amsterdam).
    public init(_ date: Date, in timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: c.year!, month: c.month!, day: c.day!)!
    }

    public static let dutch = TimeZone(identifier: "Europe/Amsterdam")!

    public var description: String {
        // By hand: String(format:) costs microseconds, and every stored record writes two dates.
        func pad(_ n: Int, _ width: Int) -> String {
            let digits = String(n)
            return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        }
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    /// The same day `months` later (the month's last day when it has fewer days).
    public func adding(months: Int) -> Day {
        let total = year * 12 + (month - 1) + months
        let (y, m) = (total / 12, total % 12 + 1)
        return Day(year: y, month: m, day: min(day, Self.days(in: m, y)))!
    }

    /// Days since 1970-01-01 (negative before), by the civil-from-days algorithm: no calendar needed.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The day a day number (days since 1970-01-01) falls on; nil outside the years 1900–9999.
    public init?(dayNumber: Int) {
        let civil = Self.civil(fromDayNumber: dayNumber)
        self.init(year: civil.year, month: civil.month, day: civil.day)
    }

    /// The calendar date of a day number since 1970-01-01, for any day number.
    public static func civil(fromDayNumber number: Int) -> (year: Int, month: Int, day: Int) {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public func adding(days: Int) -> Day { Day(dayNumber: dayNumber + days)! }
    public func distance(to other: Day) -> Int { other.dayNumber - dayNumber }

    public static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    static func days(in month: Int, _ year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The value of ASCII digits; nil if any byte is not a digit.
    public static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for b in digits {
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(b - UInt8(ascii: "0"))
        }
        return value
    }
}
