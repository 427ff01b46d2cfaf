/// Why a group cannot be clustered as asked. Checked before any work starts, on the people who
/// will really be clustered (those with a known income), so no run can reach PAM with too few.
public enum ClusterProblem: Error, Equatable, Sendable {
    /// Fewer than two people fit the definition at all.
    case groupTooSmall(group: Int)
    /// `k` clusters need `needed` people with a known income; only `clustered` have one
    /// (`unknownIncome` more were left out).
    case tooFewToCluster(k: Int, needed: Int, clustered: Int, unknownIncome: Int)
    /// A number of clusters below two says nothing.
    case kBelowTwo(Int)

    /// Each cluster should be able to hold two people: a cluster of one has no silhouette.
    public static let peoplePerCluster = 2

    /// The ks that will run: the asked range without ks the clustered people cannot fill, or the
    /// problem when not even its smallest k (or the analyst's chosen k) can be filled.
    public static func runnableKs(
        _ asked: ClosedRange<Int>, chosen: Int?, clustered: Int, unknownIncome: Int,
        group: Int
    ) -> Result<ClosedRange<Int>, ClusterProblem> {
        guard group >= 2 else { return .failure(.groupTooSmall(group: group)) }
        guard asked.lowerBound >= 2 else { return .failure(.kBelowTwo(asked.lowerBound)) }
        if let chosen, chosen < 2 { return .failure(.kBelowTwo(chosen)) }
        let largest = clustered / peoplePerCluster
        let smallest = chosen ?? asked.lowerBound
        guard smallest <= largest else {
            return .failure(.tooFewToCluster(k: smallest, needed: smallest * peoplePerCluster, clustered: clustered, unknownIncome: unknownIncome))
        }
        return .success(asked.lowerBound...min(asked.upperBound, largest))
    }

    /// In English, for the command line and logs (pages translate the cases themselves).
    public var message: String {
        switch self {
        case .groupTooSmall(let group):
            "\(group == 0 ? "no one" : "only \(group) person") in the group: nothing to cluster"
        case .tooFewToCluster(let k, let needed, let clustered, let unknown):
            "\(k) clusters need at least \(needed) people with a known income; the group has \(clustered)"
                + (unknown > 0 ? " (\(unknown) left out because income_eur is empty)" : "")
        case .kBelowTwo(let k):
            "k = \(k): a clustering needs at least 2 clusters"
        }
    }
}
