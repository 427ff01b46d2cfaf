import Dispatch
import Parallel

/// How well a clustering fits, and how much two clusterings agree.
public enum ClusterQuality {
    /// The mean silhouette width (Rousseeuw 1987), as R's `cluster::silhouette`: for each person,
    /// a = mean dissimilarity to the others in their cluster, b = the smallest mean dissimilarity
    /// to another cluster, s = (b − a) / max(a, b); 0 for a person alone in their cluster.
    public static func averageSilhouette<D: Dissimilarities>(_ d: D, labels: [Int], k: Int) -> Double {
        averageSilhouettes(d, labelings: [labels], ks: [k])[0]
    }

    /// The mean silhouette of several clusterings of the same people in one sweep over the
    /// distances (each person's row is read once for all of them), rows spread over the cores.
    public static func averageSilhouettes<D: Dissimilarities>(_ d: D, labelings: [[Int]], ks: [Int]) -> [Double] {
        let n = d.count, runs = labelings.count
        guard n > 1 else { return [Double](repeating: 0, count: runs) }
        let offsets = ks.indices.map { ks[..<$0].reduce(0, +) }, width = ks.reduce(0, +)
        let sizes: [[Int]] = labelings.indices.map { r in
            var sizes = [Int](repeating: 0, count: ks[r])
            for l in labelings[r] { sizes[l] += 1 }
            return sizes
        }
        // Each person's column in the flat sums: the run's offset plus their cluster.
        let slots: [[Int32]] = labelings.indices.map { r in labelings[r].map { Int32(offsets[r] + $0) } }
        let chunks = min(n, 64)
        // Per chunk, each run's sum of silhouettes; added up in chunk order, so runs repeat exactly.
        let totals = Parallel.map(count: chunks) { chunk -> [Double] in
            var totals = [Double](repeating: 0, count: runs)
            var sums = [Double](repeating: 0, count: width)
            for i in stride(from: chunk, to: n, by: chunks) {
                for c in 0..<width { sums[c] = 0 }
                for j in 0..<n where j != i {
                    let dist = d.distance(j, i)  // j varies fastest: contiguous in a square matrix
                    for r in 0..<runs { sums[Int(slots[r][j])] += dist }
                }
                for r in 0..<runs {
                    let own = labelings[r][i]
                    guard sizes[r][own] > 1 else { continue }
                    let a = sums[offsets[r] + own] / Double(sizes[r][own] - 1)
                    var b = Double.infinity
                    for c in 0..<ks[r] where c != own && sizes[r][c] > 0 { b = min(b, sums[offsets[r] + c] / Double(sizes[r][c])) }
                    let m = max(a, b)
                    if m > 0, b.isFinite { totals[r] += (b - a) / m }
                }
            }
            return totals
        }
        return (0..<runs).map { r in (0..<chunks).reduce(0) { $0 + totals[$1][r] } / Double(n) }
    }

    /// The adjusted Rand index (Hubert and Arabie 1985) of two labelings of the same people:
    /// 1 for the same partition, about 0 for chance agreement.
    public static func adjustedRandIndex(_ x: [Int], _ y: [Int]) -> Double {
        precondition(x.count == y.count, "both labelings must cover the same people")
        let n = x.count
        guard n > 1 else { return 1 }
        var table: [Int: [Int: Int]] = [:]
        var rows: [Int: Int] = [:], columns: [Int: Int] = [:]
        for (a, b) in zip(x, y) {
            table[a, default: [:]][b, default: 0] += 1
            rows[a, default: 0] += 1
            columns[b, default: 0] += 1
        }
        func pairs(_ m: Int) -> Double { Double(m) * Double(m - 1) / 2 }
        let index = table.values.flatMap(\.values).reduce(0) { $0 + pairs($1) }
        let rowPairs = rows.values.reduce(0) { $0 + pairs($1) }
        let columnPairs = columns.values.reduce(0) { $0 + pairs($1) }
        let expected = rowPairs * columnPairs / pairs(n)
        let maximum = (rowPairs + columnPairs) / 2
        guard maximum != expected else { return 1 }
        return (index - expected) / (maximum - expected)
    }
}
