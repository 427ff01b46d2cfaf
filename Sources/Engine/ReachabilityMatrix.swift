import Dispatch
import Parallel

/// Reachability between all ESCO occupations: `score(from: a, to: b)`; row a is source a.
public struct ReachabilityMatrix: Sendable {
    public let count: Int
    private let values: [Float]

    public func score(from source: Int, to target: Int) -> Float { values[source * count + target] }

    public func row(_ source: Int) -> ArraySlice<Float> { values[source * count..<(source + 1) * count] }

    /// Computes every row on all cores (Dispatch), in `workers × 8` interleaved chunks, each with
    /// its own scratch credit array.
    public init(model: ReachabilityModel, workers: Int = 2) {
        let n = model.occupations.count
        count = n
        // Each thread zeroes the rows it writes, so the 36 MB are not cleared twice on one core.
        let chunks = max(1, workers) * 8  // small interleaved chunks even out rows of different cost
        values = Parallel.array(count: n * n, chunks: chunks) { chunk, out in
            var scratch = CreditScratch(skills: model.space.count)
            for row in stride(from: chunk, to: n, by: chunks) {
                let scores = out.slice(row * n..<(row + 1) * n)
                scores.initialize(repeating: 0)
                model.fill(&scratch, occupation: row)
                model.accumulate(scratch, into: scores)
                scratch.clear()
            }
        }
    }
}

extension ReachabilityMatrix {
    /// The `k` best targets of every source (itself left out), best first; rows split over the cores.
    public func topTargets(_ k: Int) -> [[Int]] {
        Parallel.map(count: count) { a in
            values.withUnsafeBufferPointer { v in
                TopList.best(k, of: UnsafeBufferPointer(rebasing: v[a * count..<(a + 1) * count]), skipping: a)
            }
        }
    }
}
