import Dispatch
import Parallel
import Taxonomy

/// The study's clustering of a research group, for every k asked: PAM on Gower distances (CLARA
/// for groups too large for a matrix), the average silhouette per k, a chosen k (the highest
/// silhouette unless the analyst picks one), and its robustness: the chosen k clustered again on
/// five random 80 % samples, each compared with the full clustering by the adjusted Rand index.
public struct ClusterAnalysis: Sendable {
    /// One k: medoids and everyone's cluster, numbered within the clustered people.
    public struct Run: Sendable {
        public let k: Int
        public let medoids: [Int]
        public let labels: [Int]
        /// Sum of the Gower distances to the nearest medoid, in doubles.
        public let totalDeviation: Double
        public let silhouette: Double
        public var sizes: [Int] {
            var sizes = [Int](repeating: 0, count: k)
            for l in labels { sizes[l] += 1 }
            return sizes
        }
    }

    public enum Method: String, Sendable { case pam, clara }

    public struct Options: Sendable {
        public var ks: ClosedRange<Int> = 2...8
        public var chosenK: Int?
        public var robustnessRuns = 5
        public var sampleShare = 0.8
        public var seed: UInt64 = 1
        /// Above this many people the matrix (n² floats) gives way to CLARA: 20,000 is 1.6 GB.
        public var exactLimit = 20_000
        public init() {}
    }

    public let variables: ClusterVariables
    public let method: Method
    public let runs: [Run]
    public let chosen: Run
    /// The adjusted Rand index of each 80 % sample's clustering against the full one.
    public let robustness: [Double]

    /// - Parameter progress: told of each step, for a page that shows how far the run is.
    /// - Throws: when the people with a known income cannot fill the smallest k (or the chosen k);
    ///   ks of the range they cannot fill are left out.
    public init(_ group: [PersonRecord], options: Options = Options(), progress: @Sendable (String) -> Void = { _ in }) throws(ClusterProblem) {
        let variables = ClusterVariables(group)
        self.variables = variables
        let gower = GowerFormula(variables.data)
        let n = gower.count
        let ks = Array(
            try ClusterProblem.runnableKs(
                options.ks, chosen: options.chosenK, clustered: n,
                unknownIncome: variables.leftOutForUnknownIncome, group: group.count
            ).get())
        let method: Method = n > options.exactLimit ? .clara : .pam
        self.method = method
        var rng = SeededGenerator(seed: options.seed)
        let runs: [Run]
        // Clusters a sample again at the chosen k (labels in the sample's order).
        let recluster: @Sendable (_ sample: [Int], _ k: Int, _ seed: UInt64) -> [Int]
        switch method {
        case .pam:
            progress("distances")
            let d = SquareDistances(gower)
            runs = Self.pamRuns(d, gower: gower, ks: ks, progress: progress)
            recluster = { sample, k, _ in KMedoids(SubsetDistances(d, indices: sample), k: min(k, sample.count)).labels }
        case .clara:
            runs = ks.map { k in
                progress("clara k=\(k)")
                let clara = Clara(gower, k: k, seed: rng.next())
                let sample = clara.bestSample
                let silhouette = ClusterQuality.averageSilhouette(SquareDistances(gower, indices: sample), labels: sample.map { clara.labels[$0] }, k: k)
                return Run(k: k, medoids: clara.medoids, labels: clara.labels, totalDeviation: clara.totalDeviation, silhouette: silhouette)
            }
            recluster = { sample, k, seed in Clara(gower, k: k, among: sample, seed: seed).labels }
        }
        let chosen = Self.choose(runs, options.chosenK)
        progress("robustness")
        let samples = (0..<options.robustnessRuns).map { _ in
            (people: Self.sample(n, share: options.sampleShare, rng: &rng), seed: method == .clara ? rng.next() : 0)
        }
        let agreement: @Sendable ((people: [Int], seed: UInt64)) -> Double = { sample in
            ClusterQuality.adjustedRandIndex(recluster(sample.people, chosen.k, sample.seed), sample.people.map { chosen.labels[$0] })
        }
        // PAM runs one core each, so the samples share the cores; CLARA already uses both.
        robustness = method == .pam ? Self.parallelMap(samples, agreement) : samples.map(agreement)
        self.runs = runs
        self.chosen = chosen
        progress("done")
    }

    /// PAM for every k from one BUILD (BUILD for k is the first k medoids of BUILD for the
    /// largest), the ks side by side on the cores, and their silhouettes in one sweep.
    static func pamRuns(_ d: SquareDistances, gower: GowerFormula, ks: [Int], progress: @Sendable (String) -> Void) -> [Run] {
        progress("build")
        let start = KMedoids.build(d, k: ks.max() ?? 1)
        progress("swap")
        let results = parallelMap(ks) { k in
            let pam = KMedoids(d, k: k, start: start)
            // Labels and total again in doubles from the formula (the matrix holds floats).
            let exact = Clara.assign(gower, medoids: pam.medoids)
            return (medoids: pam.medoids, labels: exact.labels, total: exact.total)
        }
        progress("silhouettes")
        let silhouettes = ClusterQuality.averageSilhouettes(d, labelings: results.map(\.labels), ks: ks)
        return ks.indices.map {
            Run(k: ks[$0], medoids: results[$0].medoids, labels: results[$0].labels, totalDeviation: results[$0].total, silhouette: silhouettes[$0])
        }
    }

    /// The analyst's k when it was run, otherwise the highest silhouette (the smaller k on a tie).
    static func choose(_ runs: [Run], _ k: Int?) -> Run {
        if let k, let run = runs.first(where: { $0.k == k }) { return run }
        return runs.reduce(runs[0]) { $1.silhouette > $0.silhouette ? $1 : $0 }
    }

    /// A random share of 0..<n, sorted.
    static func sample(_ n: Int, share: Double, rng: inout SeededGenerator) -> [Int] {
        var all = Array(0..<n)
        all.shuffle(using: &rng)
        return all.prefix(max(1, Int((Double(n) * share).rounded()))).sorted()
    }

    /// `transform` on each element over the cores, results in order.
    static func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        Parallel.map(count: items.count) { transform(items[$0]) }
    }
}
