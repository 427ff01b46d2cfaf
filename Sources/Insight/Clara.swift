import Dispatch
import Parallel
import Taxonomy

/// CLARA-style k-medoids for populations too large for a distance matrix (Kaufman and
/// Rousseeuw 1990, as R's `cluster::clara`): exact PAM on a random sample, then everyone assigned
/// to the nearest of its medoids; repeated, keeping the medoids with the lowest total over
/// everyone. As in R, later samples contain the best medoids so far. Loopbrug takes larger and
/// more samples than R's defaults (5 samples of 40 + 2k people): each sample's PAM on a few
/// thousand people costs well under a second, and the assignment of a million people a tenth.
public struct Clara: Sendable {
    public let medoids: [Int]
    public let labels: [Int]
    /// Sum over everyone of the Gower distance to their medoid (in doubles).
    public let totalDeviation: Double
    /// The sample whose medoids won, numbered within the population (for its silhouette).
    public let bestSample: [Int]

    public static let defaultSamples = 10
    public static let defaultSampleSize = 3_000

    /// - Parameter among: the people to cluster (a robustness subsample), everyone when nil;
    ///   `labels` then follow its order.
    public init(
        _ gower: GowerFormula, k: Int, among: [Int]? = nil, samples: Int = defaultSamples,
        sampleSize: Int = defaultSampleSize, seed: UInt64
    ) {
        let people = among ?? Array(0..<gower.count)
        let n = people.count
        precondition(k >= 1 && k <= n, "k must be between 1 and the number of people")
        let size = min(n, max(sampleSize, 40 + 2 * k))
        var rng = SeededGenerator(seed: seed)
        var best: (medoids: [Int], labels: [Int], total: Double, sample: [Int])?
        for _ in 0..<samples {
            var chosen = Set(best?.medoids ?? [])
            while chosen.count < size { chosen.insert(people[Int(rng.next() % UInt64(n))]) }
            let sample = chosen.sorted()
            let pam = KMedoids(SquareDistances(gower, indices: sample), k: k)
            let medoids = pam.medoids.map { sample[$0] }
            let (labels, total) = Self.assign(gower, medoids: medoids, among: people)
            if best == nil || total < best!.total { best = (medoids, labels, total, sample) }
            if size == n { break }  // the sample is everyone: more samples give the same answer
        }
        medoids = best!.medoids
        labels = best!.labels
        totalDeviation = best!.total
        bestSample = best!.sample
    }

    /// Everyone's (or `among`'s) nearest medoid, ties to the first, and the total distance.
    public static func assign(_ gower: GowerFormula, medoids: [Int], among: [Int]? = nil) -> (labels: [Int], total: Double) {
        let people = among ?? Array(0..<gower.count)
        let n = people.count, chunks = max(1, min(n, 64))
        // Contiguous ranges of people per chunk: their labels join up in order.
        let parts = Parallel.map(count: chunks) { chunk -> (labels: [Int], sum: Double) in
            var labels: [Int] = [], sum = 0.0
            for position in (n * chunk / chunks)..<(n * (chunk + 1) / chunks) {
                let o = people[position]
                var nearest = 0, distance = Double.infinity
                for (index, m) in medoids.enumerated() {
                    let d = o == m ? 0 : gower.distance(o, m)
                    if d < distance { distance = d; nearest = index }
                }
                labels.append(nearest)
                sum += distance
            }
            return (labels, sum)
        }
        return (parts.flatMap(\.labels), parts.reduce(0) { $0 + $1.sum })
    }
}
