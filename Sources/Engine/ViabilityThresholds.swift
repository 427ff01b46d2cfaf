/// When a transition counts as "viable" or "highly viable", calibrated from ESCO itself as Nesta's
/// Mapping Career Causeways did: the scores between occupations of the same ISCO-08 unit group
/// (both directions, groups with at least two members) are taken as known-feasible moves;
/// viable = the mean over groups of the group's mean score minus the mean of the groups'
/// standard deviations, highly viable = the mean of the group means. Why not all pairs pooled:
/// docs/engine.md.
public struct ViabilityThresholds: Sendable, Equatable, Codable {
    public let viable: Float
    public let highlyViable: Float
    /// How many within-group pairs the figures come from.
    public let pairs: Int

    public init(viable: Float, highlyViable: Float, pairs: Int) {
        self.viable = viable
        self.highlyViable = highlyViable
        self.pairs = pairs
    }

    /// From the full matrix when it has been computed.
    public init(model: ReachabilityModel, matrix: ReachabilityMatrix) {
        self.init(model: model) { a, members in members.map { matrix.score(from: a, to: $0) } }
    }

    /// From the model alone: only the within-group scores are computed (a few milliseconds).
    public init(model: ReachabilityModel) {
        self.init(model: model) { a, members in
            let credit = model.credits(for: model.heldSkills(ofOccupation: a))
            return credit.withUnsafeBufferPointer { c in members.map { model.score($0, c) } }
        }
    }

    /// Each unit group counts once, whatever its size: pooling all pairs would let a few large,
    /// mixed groups (dozens of members, hundreds of pairs each) set the thresholds for everyone.
    private init(model: ReachabilityModel, scores: (Int, [Int]) -> [Float]) {
        let groups = Dictionary(grouping: model.occupations.indices, by: { model.occupations[$0].iscoGroup })
        var means: [Double] = [], deviations: [Double] = [], pairs = 0
        for members in groups.values where members.count >= 2 {
            var sum = 0.0, squares = 0.0, n = 0
            for a in members {
                for s in scores(a, members.filter { $0 != a }) {
                    sum += Double(s); squares += Double(s) * Double(s); n += 1
                }
            }
            let mean = sum / Double(n)
            means.append(mean)
            deviations.append(n > 1 ? max(0, (squares - Double(n) * mean * mean) / Double(n - 1)).squareRoot() : 0)
            pairs += n
        }
        let mean = means.isEmpty ? 0 : means.reduce(0, +) / Double(means.count)
        let sd = deviations.isEmpty ? 0 : deviations.reduce(0, +) / Double(deviations.count)
        self.init(viable: Float(max(0, mean - sd)), highlyViable: Float(mean), pairs: pairs)
    }

    public func level(of score: Float) -> Viability {
        score >= highlyViable ? .highlyViable : score >= viable ? .viable : .notViable
    }
}

public enum Viability: String, Sendable, Codable {
    case highlyViable = "highly-viable", viable, notViable = "not-viable"
}
