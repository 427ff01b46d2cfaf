import Dispatch

/// Work spread over all cores (Dispatch), for the pure targets' heavy loops: distance matrices,
/// clustering, reachability, credential checks. Each result element is written by exactly one
/// chunk, so no locks are needed; `Slots` is the one place that relies on that.
public enum Parallel {
    /// The default number of chunks for `count` items: enough small chunks to even out items of
    /// different cost over the cores.
    public static func chunks(for count: Int) -> Int { max(1, min(count, 64)) }

    /// Calls `body(chunk)` for every chunk in `0..<chunks` on all cores; returns when all are done.
    public static func forEach(chunks: Int, _ body: @Sendable (Int) -> Void) {
        DispatchQueue.concurrentPerform(iterations: chunks, execute: body)
    }

    /// `transform(i)` for every `i` in `0..<count`, computed on all cores, in order.
    public static func map<R>(count: Int, _ transform: @Sendable (Int) -> R) -> [R] {
        let chunks = chunks(for: count)
        return array(count: count, chunks: chunks) { chunk, out in
            for i in stride(from: chunk, to: count, by: chunks) { out.initialize(i, to: transform(i)) }
        }
    }

    /// An array of `count` elements made on all cores: `fill(chunk, out)` runs once for each chunk
    /// in `0..<chunks` and must initialize its own elements of `out`; together the chunks must
    /// initialize every element exactly once.
    public static func array<T>(count: Int, chunks: Int, _ fill: @Sendable (_ chunk: Int, _ out: Slots<T>) -> Void) -> [T] {
        [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let out = Slots(buffer)
            forEach(chunks: chunks) { fill($0, out) }
            initialized = count
        }
    }
}

/// The elements of an array being made by `Parallel.array`, shared by the chunks that fill it.
/// Sendable because each element is written by one chunk only (the callers' contract).
public struct Slots<T>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<T>

    init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }

    public var count: Int { buffer.count }

    public func initialize(_ index: Int, to value: T) {
        precondition(index >= 0 && index < buffer.count, "slot \(index) is outside 0..<\(buffer.count)")
        (buffer.baseAddress! + index).initialize(to: value)
    }

    /// The elements `range`, for a chunk that fills a whole row at once.
    public func slice(_ range: Range<Int>) -> UnsafeMutableBufferPointer<T> {
        UnsafeMutableBufferPointer(rebasing: buffer[range])
    }
}
