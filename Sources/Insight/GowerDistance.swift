import Dispatch

/// The variables one person is described by for clustering: continuous values (nil when
/// unknown) and categories (as small integer codes, nil when unknown).
public struct MixedData: Sendable {
    public let count: Int
    public let numeric: [[Double?]]
    public let categorical: [[Int?]]

    /// - Parameters: each inner array holds one variable for every person, in the same order.
    public init(numeric: [[Double?]], categorical: [[Int?]]) {
        let counts = Set(numeric.map(\.count) + categorical.map(\.count))
        precondition(counts.count <= 1, "every variable needs a value (or nil) for every person")
        count = counts.first ?? 0
        self.numeric = numeric
        self.categorical = categorical
    }
}

/// Gower dissimilarities with the definition of R's `cluster::daisy(x, metric = "gower")`:
/// for each pair, the mean over the variables both people have of the per-variable distance —
/// |x_i − x_j| ÷ range for a continuous variable (range over the people who have it), 0 or 1
/// for a category. Stored as the lower triangle, as R's `dist` objects are.
public struct GowerMatrix: Sendable {
    public let count: Int
    /// d(i, j) for i > j at `i * (i - 1) / 2 + j`.
    public let values: [Double]

    public func distance(_ i: Int, _ j: Int) -> Double {
        if i == j { return 0 }
        let (a, b) = i > j ? (i, j) : (j, i)
        return values[a * (a - 1) / 2 + b]
    }

    public init(_ data: MixedData) {
        let n = data.count
        count = n
        // Ranges of the continuous variables over the people who have a value.
        let ranges: [Double] = data.numeric.map { column in
            let known = column.compactMap { $0 }
            guard let lo = known.min(), let hi = known.max() else { return 0 }
            return hi - lo
        }
        // Columns as flat arrays with NaN / -1 for unknown: the pair loop touches no optionals.
        let numeric: [[Double]] = data.numeric.map { $0.map { $0 ?? .nan } }
        let categorical: [[Int32]] = data.categorical.map { $0.map { $0.map(Int32.init) ?? -1 } }
        let total = n * (n - 1) / 2
        values = [Double](unsafeUninitializedCapacity: total) { buffer, initialized in
            nonisolated(unsafe) let out = buffer
            // Rows get longer towards the end: interleave them over the chunks to even out the work.
            let chunks = 32
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                for i in stride(from: chunk, to: n, by: chunks) {
                    let rowStart = i * (i - 1) / 2
                    for j in 0..<i {
                        var sum = 0.0, weight = 0.0
                        for (v, column) in numeric.enumerated() {
                            let a = column[i], b = column[j]
                            guard !a.isNaN, !b.isNaN else { continue }
                            weight += 1
                            if ranges[v] > 0 { sum += abs(a - b) / ranges[v] }
                        }
                        for column in categorical {
                            let a = column[i], b = column[j]
                            guard a >= 0, b >= 0 else { continue }
                            weight += 1
                            if a != b { sum += 1 }
                        }
                        out[rowStart + j] = weight > 0 ? sum / weight : .nan
                    }
                }
            }
            initialized = total
        }
    }
}
