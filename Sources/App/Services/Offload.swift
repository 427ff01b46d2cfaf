import Dispatch

/// CPU-heavy work on an upload (reading its lines, verifying signatures, reading microdata)
/// runs on threads of its own, never on the few threads that answer requests: two 24 MB
/// uploads parsed there once made an occupation search wait over 30 seconds.
enum Offload {
    private static let queue = DispatchQueue(label: "loopbrug.offload", qos: .utility, attributes: .concurrent)

    static func run<T: Sendable, E: Error>(_ work: @escaping @Sendable () throws(E) -> T) async throws(E) -> T {
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<T, E>, Never>) in
            queue.async { continuation.resume(returning: Result { () throws(E) in try work() }) }
        }
        return try result.get()
    }
}
