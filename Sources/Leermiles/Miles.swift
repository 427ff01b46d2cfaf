import Foundation

/// An amount of leermiles, kept in hundredths so that rates such as 0.25 per hour add up exactly.
public struct Miles: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let hundredths: Int64

    public init(hundredths: Int64) { self.hundredths = hundredths }
    public init(_ whole: Int) { hundredths = Int64(whole) * 100 }

    public static let zero = Miles(hundredths: 0)
    /// No single amount is larger: ten million miles.
    public static let largest = Miles(10_000_000)

    /// `quantity × rate`, rounded to the nearest hundredth (halves away from zero).
    public static func times(_ quantity: Double, _ rate: Miles) -> Miles {
        Miles(hundredths: Int64((quantity * Double(rate.hundredths)).rounded(.toNearestOrAwayFromZero)))
    }

    /// "12", "12.5", "-3.25": a dot decimal with at most two decimals, as in CSV and JSON.
    public init?(parsing text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        let negative = t.hasPrefix("-")
        let body = negative ? t.dropFirst() : Substring(t)
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 12,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }), let whole = Int64(parts[0])
        else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            guard (1...2).contains(parts[1].count), let f = Int64(parts[1]) else { return nil }
            fraction = parts[1].count == 1 ? f * 10 : f
        }
        hundredths = (negative ? -1 : 1) * (whole * 100 + fraction)
    }

    public var description: String {
        let m = hundredths.magnitude
        let sign = hundredths < 0 ? "-" : ""
        let cents = m % 100
        return cents == 0 ? "\(sign)\(m / 100)" : "\(sign)\(m / 100)." + (cents < 10 ? "0\(cents)" : "\(cents)")
    }

    public static func + (a: Miles, b: Miles) -> Miles { Miles(hundredths: a.hundredths + b.hundredths) }
    public static func - (a: Miles, b: Miles) -> Miles { Miles(hundredths: a.hundredths - b.hundredths) }
    public static prefix func - (a: Miles) -> Miles { Miles(hundredths: -a.hundredths) }
    public static func += (a: inout Miles, b: Miles) { a = a + b }
    public static func -= (a: inout Miles, b: Miles) { a = a - b }
    public static func < (a: Miles, b: Miles) -> Bool { a.hundredths < b.hundredths }
}
