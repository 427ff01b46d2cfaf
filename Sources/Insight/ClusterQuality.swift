/// How well a clustering fits, and how much two clusterings agree.
public enum ClusterQuality {
    /// The mean silhouette width (Rousseeuw 1987), as R's `cluster::silhouette`: for each person,
    /// a = mean dissimilarity to the others in their cluster, b = the smallest mean dissimilarity
    /// to another cluster, s = (b − a) / max(a, b); 0 for a person alone in their cluster.
    public static func averageSilhouette(_ d: GowerMatrix, labels: [Int], k: Int) -> Double {
        let n = d.count
        guard n > 1, k > 1 else { return 0 }
        var sizes = [Int](repeating: 0, count: k)
        for l in labels { sizes[l] += 1 }
        var total = 0.0
        var sums = [Double](repeating: 0, count: k)
        for i in 0..<n {
            for c in 0..<k { sums[c] = 0 }
            for j in 0..<n where j != i { sums[labels[j]] += d.distance(i, j) }
            let own = labels[i]
            guard sizes[own] > 1 else { continue }
            let a = sums[own] / Double(sizes[own] - 1)
            var b = Double.infinity
            for c in 0..<k where c != own && sizes[c] > 0 { b = min(b, sums[c] / Double(sizes[c])) }
            let m = max(a, b)
            if m > 0, b.isFinite { total += (b - a) / m }
        }
        return total / Double(n)
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
