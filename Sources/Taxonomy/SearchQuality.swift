/// How well search finds occupations by their own labels: the quality measure.
public struct SearchQualityReport: Sendable {
    public var total = 0
    public var first = 0
    public var top5 = 0
    /// Labels left out because several occupations share them.
    public var shared = 0

    public var firstShare: Double { total == 0 ? 0 : Double(first) / Double(total) }
    public var top5Share: Double { total == 0 ? 0 : Double(top5) / Double(total) }
}

public enum SearchQuality {
    /// Searches every Dutch and English alternative label (each `stride`-th one, for a quicker
    /// sample), after `transform`, and counts how often its occupation comes first and in the top 5.
    public static func alternativeLabels(
        _ index: TaxonomyIndex, stride: Int = 1,
        transform: (String) -> String = { $0 }
    ) -> SearchQualityReport {
        var report = SearchQualityReport()
        var counter = 0
        for (position, occupation) in index.occupations.enumerated() {
            for language in Language.allCases {
                for label in Set(occupation.labels[language]?.alternative ?? []) {
                    counter += 1
                    guard counter % stride == 0 else { continue }
                    if index.search.isSharedLabel(label) { report.shared += 1; continue }
                    report.total += 1
                    let hits = index.search.search(transform(label), limit: 5)
                    if hits.first?.occupationIndex == position { report.first += 1 }
                    if hits.contains(where: { $0.occupationIndex == position }) { report.top5 += 1 }
                }
            }
        }
        return report
    }
}

/// A small deterministic random number generator (SplitMix64), so benchmark inputs are the same every run.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The fixed list of benchmark queries: labels as typed, without diacritics, in capitals,
/// with one typo (a letter dropped, doubled, swapped or replaced), or with words reordered.
public enum BenchmarkQueries {
    public static func make(from index: TaxonomyIndex, count: Int = 1000, seed: UInt64 = 2026) -> [String] {
        var rng = SeededGenerator(seed: seed)
        var labels: [String] = []
        for occupation in index.occupations {
            for language in Language.allCases {
                guard let set = occupation.labels[language] else { continue }
                labels.append(set.preferred)
                labels.append(contentsOf: set.alternative)
            }
        }
        return (0..<count).map { i in
            let label = labels[Int(rng.next() % UInt64(labels.count))]
            switch i % 5 {
            case 0: return label
            case 1: return TextNormalizer.normalize(label)
            case 2: return label.uppercased()
            case 3: return withTypo(label, rng: &rng)
            default: return TextNormalizer.tokens(label).reversed().joined(separator: " ")
            }
        }
    }

    /// One typing mistake in a random letter of the text.
    public static func withTypo(_ text: String, rng: inout SeededGenerator) -> String {
        var chars = Array(text)
        let letters = chars.indices.filter { chars[$0].isLetter }
        guard letters.count >= 4 else { return text }
        let i = letters[Int(rng.next() % UInt64(letters.count))]
        switch rng.next() % 4 {
        case 0: chars.remove(at: i)
        case 1: chars.insert(chars[i], at: i)
        case 2 where i + 1 < chars.count: chars.swapAt(i, i + 1)
        default: chars[i] = Array("abcdefghijklmnopqrstuvwxyz")[Int(rng.next() % 26)]
        }
        return String(chars)
    }
}
