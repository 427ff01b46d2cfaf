import Fluent
import Leermiles
import NIOConcurrencyHelpers

/// Group commit for the ledger: postings requested at the same moment are written in one
/// transaction (one sync to disk) instead of one each, while every caller still waits until its
/// own posting is committed. A disk that syncs ~4,000 times a second otherwise caps the ledger
/// at that many postings; grouped, it is limited by the statements, not the syncs.
///
/// One group is written at a time; requests that arrive meanwhile form the next group. Each
/// posting has its own savepoint, so a refusal (too few points, a reused key) answers only its
/// caller. A database error fails the whole group, and each caller gets it.
public final class LedgerWriter: Sendable {
    private struct Waiting {
        let posting: Posting
        let continuation: CheckedContinuation<Ledger.Outcome, any Error>
    }

    private let database: any Database
    private let largestGroup: Int
    private let state = NIOLockedValueBox<(waiting: [Waiting], writing: Bool)>(([], false))

    public init(database: any Database, largestGroup: Int = 500) {
        self.database = database
        self.largestGroup = largestGroup
    }

    /// Writes the posting with every rule of `Ledger`; returns once it is committed.
    @discardableResult
    public func post(_ posting: Posting) async throws -> Ledger.Outcome {
        try await withCheckedThrowingContinuation { continuation in
            let start = state.withLockedValue { s -> Bool in
                s.waiting.append(Waiting(posting: posting, continuation: continuation))
                guard !s.writing else { return false }
                s.writing = true
                return true
            }
            if start { Task { await self.writeGroups() } }
        }
    }

    private func writeGroups() async {
        while true {
            let group = state.withLockedValue { s -> [Waiting] in
                let group = Array(s.waiting.prefix(largestGroup))
                s.waiting.removeFirst(group.count)
                if group.isEmpty { s.writing = false }
                return group
            }
            guard !group.isEmpty else { return }
            do {
                let results = try await LedgerStore(database: database).postGroup(group.map(\.posting))
                for (waiting, result) in zip(group, results) { waiting.continuation.resume(with: result.mapError { $0 as any Error }) }
            } catch {
                for waiting in group { waiting.continuation.resume(throwing: error) }
            }
        }
    }
}
