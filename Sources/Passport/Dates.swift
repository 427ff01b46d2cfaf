import Foundation

/// A calendar date (YYYY-MM-DD) without a time zone: when work started or ended.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2200).contains(year), (1...12).contains(month), day >= 1, day <= CalendarDate.days(in: month, of: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly YYYY-MM-DD.
    public init?(_ text: some StringProtocol) {
        let u = Array(text.utf8)
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-"),
              let y = CalendarDate.number(u[0..<4]), let m = CalendarDate.number(u[5..<7]), let d = CalendarDate.number(u[8..<10]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var description: String {
        // By hand: String(format:) costs microseconds, and every stored record writes two dates.
        func pad(_ n: Int, _ width: Int) -> String {
            let digits = String(n)
            return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        }
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    /// The date a day number (days since 1970-01-01) falls on; nil outside 1900–2200.
    public init?(dayNumber: Int) {
        let civil = Timestamp.civilDate(fromDayNumber: dayNumber)
        self.init(year: civil.year, month: civil.month, day: civil.day)
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for ordering and durations.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { a.dayNumber < b.dayNumber }

    static func days(in month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for b in digits {
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(b - UInt8(ascii: "0"))
        }
        return value
    }
}

/// RFC 3339 timestamps, as VC 2.0 writes validFrom and validUntil.
public enum Timestamp {
    /// Parses YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM).
    public static func parse(_ text: some StringProtocol) -> Date? {
        let u = Array(text.utf8)
        guard u.count >= 20, let date = CalendarDate(String(decoding: u[0..<10], as: UTF8.self)),
              u[10] == UInt8(ascii: "T") || u[10] == UInt8(ascii: "t"), u[13] == UInt8(ascii: ":"), u[16] == UInt8(ascii: ":"),
              let h = CalendarDate.number(u[11..<13]), let m = CalendarDate.number(u[14..<16]), let s = CalendarDate.number(u[17..<19]),
              h < 24, m < 60, s < 61 else { return nil }
        var i = 19
        var fraction = 0.0
        if u[i] == UInt8(ascii: ".") {
            i += 1
            var scale = 0.1
            let start = i
            while i < u.count, u[i] >= UInt8(ascii: "0"), u[i] <= UInt8(ascii: "9") {
                fraction += Double(u[i] - UInt8(ascii: "0")) * scale
                scale /= 10
                i += 1
            }
            if i == start { return nil }
        }
        guard i < u.count else { return nil }
        var offset = 0
        if u[i] == UInt8(ascii: "Z") || u[i] == UInt8(ascii: "z") {
            guard i + 1 == u.count else { return nil }
        } else {
            guard i + 6 == u.count, u[i] == UInt8(ascii: "+") || u[i] == UInt8(ascii: "-"), u[i + 3] == UInt8(ascii: ":"),
                  let oh = CalendarDate.number(u[(i + 1)..<(i + 3)]), let om = CalendarDate.number(u[(i + 4)..<(i + 6)]), oh < 24, om < 60 else { return nil }
            offset = (oh * 3600 + om * 60) * (u[i] == UInt8(ascii: "+") ? 1 : -1)
        }
        let seconds = Double(date.dayNumber * 86400 + h * 3600 + m * 60 + min(s, 59) - offset) + fraction
        return Date(timeIntervalSince1970: seconds)
    }

    /// Formats as YYYY-MM-DDTHH:MM:SSZ (UTC, whole seconds).
    public static func format(_ date: Date) -> String {
        let total = Int(date.timeIntervalSince1970.rounded(.down))
        var days = total / 86400
        var rest = total % 86400
        if rest < 0 { rest += 86400; days -= 1 }
        let civil = civilDate(fromDayNumber: days)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", civil.year, civil.month, civil.day, rest / 3600, rest % 3600 / 60, rest % 60)
    }

    /// The calendar date (UTC) of a day number since 1970-01-01.
    public static func civilDate(fromDayNumber z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }
}
