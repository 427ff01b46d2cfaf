import Taxonomy
import Testing

@testable import Insight

@Suite("Gower distance, PAM, silhouette and adjusted Rand index on fixtures with known answers")
struct ClusteringTests {
    @Test func gowerMatchesTheDefinitionWorkedOutByHand() {
        // age (range 20), income with one unknown (range 200), two categories with one unknown.
        let data = MixedData(numeric: [[20, 30, 40], [nil, 100, 300]], categorical: [[0, 0, 1], [1, nil, 1]])
        let d = GowerMatrix(data)
        #expect(abs(d.distance(1, 0) - 0.5 / 2) < 1e-15)  // age 0.5, cat1 0; income and cat2 unknown
        #expect(abs(d.distance(2, 0) - 2.0 / 3) < 1e-15)  // age 1, cat1 1, cat2 0
        #expect(abs(d.distance(2, 1) - 2.5 / 3) < 1e-15)  // age 0.5, income 1, cat1 1
        #expect(d.distance(0, 2) == d.distance(2, 0) && d.distance(1, 1) == 0)
        #expect(d.values.count == 3)
    }

    static let line = MixedData(numeric: [[0, 1, 2, 10, 11, 12]], categorical: [])

    @Test func pamFindsTwoObviousClusters() {
        let d = GowerMatrix(Self.line)
        let result = KMedoids(d, k: 2)
        #expect(Set(result.medoids) == [1, 4])
        #expect(result.labels[0] == result.labels[2] && result.labels[3] == result.labels[5] && result.labels[0] != result.labels[3])
        #expect(abs(result.totalDeviation - 4.0 / 12) < 1e-12)
    }

    @Test func silhouetteOfTheLineWorkedOutByHand() {
        let d = GowerMatrix(Self.line)
        let labels = [0, 0, 0, 1, 1, 1]
        let expected = (2 * ((11 - 1.5) / 11 + (10 - 1.0) / 10 + (9 - 1.5) / 9)) / 6
        #expect(abs(ClusterQuality.averageSilhouette(d, labels: labels, k: 2) - expected) < 1e-12)
    }

    @Test func adjustedRandIndexKnownValues() {
        #expect(ClusterQuality.adjustedRandIndex([0, 0, 1, 1, 2], [5, 5, 3, 3, 9]) == 1)
        #expect(abs(ClusterQuality.adjustedRandIndex([0, 0, 1, 1], [0, 0, 0, 1])) < 1e-12)
    }

    /// Random mixed data; PAM must end where no single swap lowers the total (R's stopping rule)
    /// and never be worse than its BUILD start.
    @Test(arguments: [1, 2, 3, 4, 5])
    func pamEndsInALocalOptimumNoWorseThanBuild(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let n = 40
        let data = MixedData(
            numeric: [(0..<n).map { _ in Double(rng.next() % 80) }, (0..<n).map { _ in rng.next() % 7 == 0 ? nil : Double(rng.next() % 1000) }],
            categorical: [(0..<n).map { _ in Int(rng.next() % 3) }, (0..<n).map { _ in Int(rng.next() % 5) }])
        let d = GowerMatrix(data)
        for k in 2...5 {
            let result = KMedoids(d, k: k)
            func total(_ medoids: [Int]) -> Double { (0..<n).reduce(0) { s, o in s + medoids.map { d.distance(o, $0) }.min()! } }
            #expect(abs(total(result.medoids) - result.totalDeviation) < 1e-9)
            #expect(result.totalDeviation <= total(KMedoids.build(d, k: k)) + 1e-12)
            for m in result.medoids.indices {
                for c in 0..<n where !result.medoids.contains(c) {
                    var swapped = result.medoids
                    swapped[m] = c
                    #expect(total(swapped) >= result.totalDeviation - 1e-9, "swap \(m)→\(c) would improve k=\(k)")
                }
            }
        }
    }
}
