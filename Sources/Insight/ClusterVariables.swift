import Foundation

/// The study's clustering variables for a set of people: age and income continuous, the rest
/// categories. Income is transformed with asinh and capped at the 1st and 99th percentile of the
/// transformed values (R's default quantile, type 7); people with unknown income are left out
/// of the clustering and counted.
public struct ClusterVariables: Sendable {
    /// Indexes into the people given, of those who are clustered.
    public let included: [Int]
    public let leftOutForUnknownIncome: Int
    public let data: MixedData
    /// The transformed and capped income of each included person (for reports and cross-checks).
    public let transformedIncome: [Double]

    public static let categoricalNames = ["contract", "household", "hours_band", "sector", "jobs", "breadwinner"]

    public init(_ people: [PersonRecord]) {
        let included = people.indices.filter { people[$0].incomeEuros != nil }
        self.included = included
        leftOutForUnknownIncome = people.count - included.count
        let raw = included.map { asinh(people[$0].incomeEuros!) }
        let sorted = raw.sorted()
        let low = Self.quantile(sorted, 0.01), high = Self.quantile(sorted, 0.99)
        let income = raw.map { min(max($0, low), high) }
        transformedIncome = income
        func code<T: CaseIterable & Equatable>(_ value: T) -> Int { T.allCases.firstIndex(of: value).map { T.allCases.distance(from: T.allCases.startIndex, to: $0) } ?? 0 }
        let sectors = PersonRecord.sectors.sorted()
        data = MixedData(
            numeric: [included.map { Double(people[$0].age) }, income],
            categorical: [
                included.map { code(people[$0].contract) },
                included.map { code(people[$0].household) },
                included.map { code(people[$0].hoursBand) },
                included.map { sectors.firstIndex(of: people[$0].sector) ?? 0 },
                included.map { people[$0].jobs >= 2 ? 1 : 0 },
                included.map { code(people[$0].breadwinner) },
            ])
    }

    /// R's default (type 7) quantile of sorted values.
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let h = Double(sorted.count - 1) * p
        let lo = Int(h.rounded(.down)), hi = min(sorted.count - 1, lo + 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }
}
