import Dispatch
import Parallel

/// A k-medoids clustering: which people are the medoids, everyone's cluster, and the total
/// dissimilarity to the nearest medoid (R's `pam` reports this divided by n as its objective).
public struct KMedoids: Sendable {
    public let medoids: [Int]
    public let labels: [Int]
    public let totalDeviation: Double
    public let swaps: Int

    public var objective: Double { labels.isEmpty ? 0 : totalDeviation / Double(labels.count) }

    /// PAM: the BUILD start of Kaufman and Rousseeuw, then FasterPAM's eager swaps (Schubert and
    /// Rousseeuw 2021) until no single swap of a medoid with another person lowers the total —
    /// the same stopping rule as R's `pam` SWAP phase, reached with far fewer distance reads.
    /// - Parameter start: the BUILD medoids when already known (BUILD for k is the first k
    ///   medoids of BUILD for a larger k, so one BUILD serves k = 2…8).
    public init<D: Dissimilarities>(_ d: D, k: Int, start: [Int]? = nil) {
        let n = d.count
        precondition(k >= 1 && k <= n, "k must be between 1 and the number of people")
        var medoids = start.map { Array($0.prefix(k)) } ?? Self.build(d, k: k)
        precondition(medoids.count == k, "the start needs k medoids")
        var state = Nearest(d, medoids: medoids)
        var swaps = 0
        var sinceLastSwap = 0, candidate = 0
        // One pass over all candidates without an improving swap ends the search.
        while sinceLastSwap < n {
            defer { candidate = (candidate + 1) % n; sinceLastSwap += 1 }
            if state.isMedoid[candidate] { continue }
            var delta = state.removalLoss
            var gain = 0.0
            for o in 0..<n {
                let doc = d.distance(o, candidate)
                let dn = state.nearestDistance[o], ds = state.secondDistance[o]
                if doc < dn {
                    gain += doc - dn
                    delta[state.nearest[o]] += dn - ds
                } else if doc < ds {
                    delta[state.nearest[o]] += doc - ds
                }
            }
            var best = 0
            for m in 1..<k where delta[m] < delta[best] { best = m }
            // A small tolerance keeps rounding noise from swapping back and forth.
            if gain + delta[best] < -1e-12 {
                state.isMedoid[medoids[best]] = false
                medoids[best] = candidate
                state = Nearest(d, medoids: medoids)
                swaps += 1
                sinceLastSwap = 0
            }
        }
        self.medoids = medoids
        labels = state.nearest
        totalDeviation = state.nearestDistance.reduce(0, +)
        self.swaps = swaps
    }

    /// BUILD: the person with the smallest total distance first, then each time the person who
    /// lowers the total most.
    public static func build<D: Dissimilarities>(_ d: D, k: Int) -> [Int] {
        let n = d.count
        var nearest = [Double](repeating: .infinity, count: n)
        var medoids: [Int] = []
        var isMedoid = [Bool](repeating: false, count: n)
        let chunks = min(n, 16)
        for _ in 0..<k {
            // Candidates in contiguous chunks over the cores; ties go to the lowest index, as in R.
            let (near, taken, first) = (nearest, isMedoid, medoids.isEmpty)  // this step's copies, shared by the chunks
            let bests = Parallel.map(count: chunks) { chunk -> (gain: Double, c: Int) in
                var bestGain = -Double.infinity, best = -1
                for c in (n * chunk / chunks)..<(n * (chunk + 1) / chunks) where !taken[c] {
                    var gain = 0.0
                    for o in 0..<n {
                        let dist = d.distance(o, c)
                        if first { gain -= dist } else if dist < near[o] { gain += near[o] - dist }
                    }
                    if gain > bestGain { bestGain = gain; best = c }
                }
                return (bestGain, best)
            }
            var best = -1, bestGain = -Double.infinity
            for candidate in bests where candidate.c >= 0 && candidate.gain > bestGain { bestGain = candidate.gain; best = candidate.c }
            medoids.append(best)
            isMedoid[best] = true
            for o in 0..<n { nearest[o] = min(nearest[o], d.distance(o, best)) }
        }
        return medoids
    }

    /// Everyone's nearest and second-nearest medoid, and what removing each medoid would cost.
    struct Nearest {
        var nearest: [Int]
        var nearestDistance: [Double]
        var secondDistance: [Double]
        var removalLoss: [Double]
        var isMedoid: [Bool]

        init<D: Dissimilarities>(_ d: D, medoids: [Int]) {
            let n = d.count
            nearest = [Int](repeating: 0, count: n)
            nearestDistance = [Double](repeating: .infinity, count: n)
            secondDistance = [Double](repeating: .infinity, count: n)
            removalLoss = [Double](repeating: 0, count: medoids.count)
            isMedoid = [Bool](repeating: false, count: n)
            for m in medoids { isMedoid[m] = true }
            for o in 0..<n {
                for (index, m) in medoids.enumerated() {
                    let dist = d.distance(o, m)
                    // Ties go to the medoid listed first, as in R's pam.
                    if dist < nearestDistance[o] {
                        secondDistance[o] = nearestDistance[o]
                        nearestDistance[o] = dist
                        nearest[o] = index
                    } else if dist < secondDistance[o] {
                        secondDistance[o] = dist
                    }
                }
                if medoids.count > 1 { removalLoss[nearest[o]] += secondDistance[o] - nearestDistance[o] }
            }
        }
    }
}
