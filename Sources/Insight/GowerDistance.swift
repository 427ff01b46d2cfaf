import Dispatch
import Parallel

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

/// What the clustering reads: the dissimilarity of any two people.
public protocol Dissimilarities: Sendable {
    var count: Int { get }
    func distance(_ i: Int, _ j: Int) -> Double
}

/// Gower's dissimilarity with the definition of R's `cluster::daisy(x, metric = "gower")`: the
/// mean over the variables both people have of the per-variable distance — |x_i − x_j| ÷ range
/// for a continuous variable (range over the people who have it), 0 or 1 for a category.
public struct GowerFormula: Sendable {
    public let count: Int
    // Columns as flat arrays with NaN / -1 for unknown: the pair loop touches no optionals.
    private let numeric: [[Double]]
    private let ranges: [Double]
    private let categorical: [[Int32]]

    public init(_ data: MixedData) {
        count = data.count
        ranges = data.numeric.map { column in
            let known = column.compactMap { $0 }
            guard let lo = known.min(), let hi = known.max() else { return 0 }
            return hi - lo
        }
        numeric = data.numeric.map { $0.map { $0 ?? .nan } }
        categorical = data.categorical.map { $0.map { $0.map(Int32.init) ?? -1 } }
    }

    /// NaN when two people share no known variable (as daisy gives NA).
    @inline(__always)
    public func distance(_ i: Int, _ j: Int) -> Double {
        var sum = 0.0, weight = 0.0
        for v in numeric.indices {
            let a = numeric[v][i], b = numeric[v][j]
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
        return weight > 0 ? sum / weight : .nan
    }
}

/// The Gower dissimilarities in doubles as the lower triangle, as R's `dist` objects store them:
/// exact, for the cross-check with R (n = 16,073 takes about 1 GB).
public struct GowerMatrix: Dissimilarities {
    public let count: Int
    /// d(i, j) for i > j at `i * (i - 1) / 2 + j`.
    public let values: [Double]

    public func distance(_ i: Int, _ j: Int) -> Double {
        if i == j { return 0 }
        let (a, b) = i > j ? (i, j) : (j, i)
        return values[a * (a - 1) / 2 + b]
    }

    public init(_ data: MixedData) {
        let gower = GowerFormula(data)
        let n = data.count
        count = n
        let total = n * (n - 1) / 2
        // Rows get longer towards the end: interleave them over the chunks to even out the work.
        let chunks = 32
        values = Parallel.array(count: total, chunks: chunks) { chunk, out in
            for i in stride(from: chunk, to: n, by: chunks) {
                let row = out.slice(i * (i - 1) / 2..<i * (i + 1) / 2)
                for j in 0..<i { row.initializeElement(at: j, to: gower.distance(i, j)) }
            }
        }
    }
}

/// The Gower dissimilarities as a full square matrix of 32-bit floats: every row contiguous, so
/// the clustering reads a person's distances to everyone in one sweep (n = 16,073 takes 1.03 GB,
/// as much as the triangle in doubles). Float keeps 7 significant digits; objectives that are
/// reported are summed again in doubles from the formula.
public struct SquareDistances: Dissimilarities {
    public let count: Int
    public let values: [Float]

    @inline(__always)
    public func distance(_ i: Int, _ j: Int) -> Double { Double(values[j &* count &+ i]) }

    /// - Parameter indices: the people to take (a CLARA sample), numbered 0..<indices.count;
    ///   everyone when nil.
    public init(_ gower: GowerFormula, indices: [Int]? = nil) {
        let people = indices ?? Array(0..<gower.count)
        let n = people.count
        count = n
        let chunks = Parallel.chunks(for: n)
        values = Parallel.array(count: n * n, chunks: chunks) { chunk, out in
            for i in stride(from: chunk, to: n, by: chunks) {
                let row = out.slice(i * n..<(i + 1) * n), person = people[i]
                for j in 0..<n { row.initializeElement(at: j, to: i == j ? 0 : Float(gower.distance(person, people[j]))) }
            }
        }
    }
}

/// Some of the people of a larger matrix (a robustness sample), numbered 0..<indices.count.
public struct SubsetDistances<Base: Dissimilarities>: Dissimilarities {
    public let base: Base
    public let indices: [Int]
    public var count: Int { indices.count }

    public init(_ base: Base, indices: [Int]) {
        self.base = base
        self.indices = indices
    }

    @inline(__always)
    public func distance(_ i: Int, _ j: Int) -> Double { base.distance(indices[i], indices[j]) }
}
