import Dispatch

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
        let values = [Float](unsafeUninitializedCapacity: n * n) { buffer, initialized in
            nonisolated(unsafe) let out = buffer
            let chunks = max(1, workers) * 8 // small interleaved chunks even out rows of different cost
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var scratch = CreditScratch(skills: model.space.count)
                var row = chunk
                while row < n {
                    let scores = UnsafeMutableBufferPointer(rebasing: out[row * n..<(row + 1) * n])
                    scores.initialize(repeating: 0)
                    model.fill(&scratch, occupation: row)
                    model.accumulate(scratch, into: scores)
                    scratch.clear()
                    row += chunks
                }
            }
            initialized = n * n
        }
        self.values = values
    }
}

extension ReachabilityMatrix {
    /// The `k` best targets of every source (itself left out), best first; rows split over the cores.
    public func topTargets(_ k: Int) -> [[Int]] {
        var result = [[Int]](repeating: [], count: count)
        result.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: 16) { chunk in
                for a in stride(from: chunk, to: count, by: 16) {
                    out[a] = values.withUnsafeBufferPointer { v in
                        TopList.best(k, of: UnsafeBufferPointer(rebasing: v[a * count..<(a + 1) * count]), skipping: a)
                    }
                }
            }
        }
        return result
    }
}
