/// Figures that say whether the reachability score behaves: computed from the full matrix and
/// printed in docs/engine-quality.md by `loopbrug transitions --quality`.
public struct EngineQuality: Sendable {
    /// Occupations whose ISCO unit group has other members.
    public let occupationsWithGroupPeers: Int
    /// Of those, how many have a group peer among their top 10 targets.
    public let topTenWithGroupPeer: Int
    /// Number of viable targets of each occupation (itself left out), in `occupations` order.
    public let viableTargets: [Int]
    /// The same counts sorted, for quantiles.
    public var viableCounts: [Int] { viableTargets.sorted() }
    public let highlyViableCounts: [Int]

    public init(model: ReachabilityModel, matrix: ReachabilityMatrix, thresholds: ViabilityThresholds) {
        let n = model.occupations.count
        let group = model.occupations.map(\.iscoGroup)
        let groupSize = Dictionary(grouping: group, by: { $0 }).mapValues(\.count)
        var withPeers = 0, hits = 0
        var viable: [Int] = [], high: [Int] = []
        for a in 0..<n {
            let row = matrix.row(a)
            let others = (0..<n).filter { $0 != a }
            viable.append(others.count { row[row.startIndex + $0] >= thresholds.viable })
            high.append(others.count { row[row.startIndex + $0] >= thresholds.highlyViable })
            guard (groupSize[group[a]] ?? 0) > 1 else { continue }
            withPeers += 1
            let top = others.sorted { row[row.startIndex + $0] > row[row.startIndex + $1] }.prefix(10)
            if top.contains(where: { group[$0] == group[a] }) { hits += 1 }
        }
        occupationsWithGroupPeers = withPeers
        topTenWithGroupPeer = hits
        viableTargets = viable
        highlyViableCounts = high.sorted()
    }

    /// The value below which `fraction` of the sorted counts lie.
    public static func quantile(_ sorted: [Int], _ fraction: Double) -> Int {
        sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction))]
    }
}
