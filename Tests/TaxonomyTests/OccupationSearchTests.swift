import Taxonomy
import TestSupport
import Testing

@Suite struct OccupationSearchTests {
    let index = RealESCO.index

    func first(_ query: String) -> String? {
        index.searchOccupations(query, limit: 1).first?.occupation.labels[.en]?.preferred
    }

    func top(_ query: String, _ n: Int) -> [String] {
        index.searchOccupations(query, limit: n).compactMap { $0.occupation.labels[.en]?.preferred }
    }

    @Test(arguments: [
        ("schoonmaker", "building cleaner"),
        ("kassière", "cashier"),
        ("kassiere", "cashier"),
        ("KASSIÈRE", "cashier"),
        ("heftruckchauffeur", "forklift operator"),
        ("heftruckchaufeur", "forklift operator"),
        ("magazijnmedewerker", "warehouse worker"),
        ("magazijn medewerker", "warehouse worker"),
        ("magazjinmedewerker", "warehouse worker"),
        ("kassamedewerker", "cashier"),
        ("chauffeur vorkheftruck", "forklift operator"),
        ("vorkheftruck chauffeur", "forklift operator"),
        ("schoonmaakster", "building cleaner"),
        ("forklift operator", "forklift operator"),
        ("operator forklift", "forklift operator"),
        ("forklift oprator", "forklift operator"),
        ("warehouse worker", "warehouse worker"),
        ("cashier", "cashier"),
    ])
    func findsTheRightOccupationFirst(query: String, expected: String) {
        #expect(first(query) == expected)
    }

    @Test func cleanerFindsACleaningOccupationFirst() {
        let hits = top("cleaner", 5)
        #expect(hits.first?.contains("cleaner") == true)
        #expect(hits.count == 5)
        #expect(hits.contains("building cleaner"))
    }

    @Test func emptyAndSymbolOnlyQueriesFindNothing() {
        #expect(index.searchOccupations("").isEmpty)
        #expect(index.searchOccupations("  !!! ").isEmpty)
    }

    @Test func aHugeQueryIsCutAndStillAnswers() throws {
        let huge = String(repeating: "schoonmaker ", count: 1000)
        let answer = index.searchOccupations(huge)
        let cut = index.searchOccupations(String(huge.prefix(OccupationSearch.maxQueryLength)))
        #expect(answer.map(\.occupation.id) == cut.map(\.occupation.id), "only the first \(OccupationSearch.maxQueryLength) characters count")
        let first = try #require(answer.first)
        #expect(TextNormalizer.normalize(first.hit.matchedLabel).contains("schoonmaker"), "the cut query still finds cleaners: \(first.hit.matchedLabel)")
    }

    /// The quality bar: every Dutch and English alternative label finds its occupation
    /// in the top 5 for at least 99% and first for at least 90%, labels shared by several
    /// occupations excepted.
    @Test func alternativeLabelsFindTheirOccupation() {
        let quality = SearchQuality.alternativeLabels(index, stride: 7)
        #expect(quality.total > 6_000)
        #expect(quality.top5Share >= 0.99, "top 5: \(quality.top5Share)")
        #expect(quality.firstShare >= 0.90, "first: \(quality.firstShare)")
    }
}
