import Days
import Foundation

/// RFC 3339 timestamps, as VC 2.0 writes validFrom and validUntil.
public enum Timestamp {
    /// Parses YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM).
    public static func parse(_ text: some StringProtocol) -> Date? {
        let u = Array(text.utf8)
        guard u.count >= 20, let date = Day(iso: String(decoding: u[0..<10], as: UTF8.self), latestYear: Day.latestRecordYear),
            u[10] == UInt8(ascii: "T") || u[10] == UInt8(ascii: "t"), u[13] == UInt8(ascii: ":"), u[16] == UInt8(ascii: ":"),
            let h = Day.number(u[11..<13]), let m = Day.number(u[14..<16]), let s = Day.number(u[17..<19]),
            h < 24, m < 60, s < 61
        else { return nil }
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
                let oh = Day.number(u[(i + 1)..<(i + 3)]), let om = Day.number(u[(i + 4)..<(i + 6)]), oh < 24, om < 60
            else { return nil }
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
        let civil = Day.civil(fromDayNumber: days)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", civil.year, civil.month, civil.day, rest / 3600, rest % 3600 / 60, rest % 60)
    }
}
