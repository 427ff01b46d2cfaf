import Dispatch

/// Reachability between all ESCO occupations: `score(from: a, to: b)`; row a is source a.
public struct ReachabilityMatrix: Sendable {
    public let count: Int
    private let values: [Float]

    public func score(from source: Int, to target: Int) -> Float { values[source * count + target] }

    public func row(_ source: Int) -> ArraySlice<Float> { values[source * count..<(source + 1) * count] }

    /// Computes every row, the rows split over `workers` threads (each with its own credit array).
    public init(model: ReachabilityModel, workers: Int = 2) {
        let n = model.occupations.count
        count = n
        var values = [Float](repeating: 0, count: n * n)
        let chunks = max(1, workers) * 8 // small chunks even out rows of different cost
        values.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var credit = [Float](repeating: 0, count: model.space.count)
                var row = chunk
                while row < n {
                    let held = model.heldSkills(ofOccupation: row)
                    model.fill(&credit, held)
                    credit.withUnsafeBufferPointer { c in
                        for target in 0..<n { out[row * n + target] = model.score(target, c) }
                    }
                    model.clear(&credit, held)
                    row += chunks
                }
            }
        }
        self.values = values
    }
}

extension ReachabilityModel {
    /// Zeroes what `fill` wrote for `held`, cheaper than a new array per row.
    func clear(_ credit: inout [Float], _ held: HeldSkills) {
        for skill in held.strength.keys {
            credit[Int(skill)] = 0
            for r in space.related[Int(skill)] { credit[Int(r)] = 0 }
            for s in space.siblings[Int(skill)] { credit[Int(s)] = 0 }
        }
    }
}
