import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Share views computed recently, so a busy verification link does not re-read and re-check 50
/// records per request. An entry is used only while it is still exactly right:
/// - nothing was written since it was computed (every form post or API call that changes data
///   moves the generation on, after its write; see `ShareCacheInvalidation`);
/// - no share expiry or record validity boundary has passed since;
/// - it is at most `maxAge` old, which bounds staleness when another process (the CLI, a second
///   server on the same PostgreSQL) changed the data.
final class ShareViewCache: Sendable {
    static let maxAge: TimeInterval = 5

    private struct Entry {
        let view: ShareView
        let generation: UInt64
        let staleAt: Date
    }

    private struct State {
        var generation: UInt64 = 0
        var entries: [String: Entry] = [:]
        /// Parts of pages rendered from an entry, by share id and a key (such as the language).
        var fragments: [String: any Sendable] = [:]
        /// Views being computed now: the first request computes, the others wait for it.
        var loading: [String: Task<(ShareView, UInt64), any Error>] = [:]
    }

    private let state = NIOLockedValueBox(State())

    /// The generation to remember before reading the database for a new entry.
    var generation: UInt64 { state.withLockedValue { $0.generation } }

    func invalidateAll() {
        state.withLockedValue {
            $0.generation &+= 1
            $0.entries.removeAll(keepingCapacity: true)
            $0.fragments.removeAll(keepingCapacity: true)
        }
    }

    /// The cached view and the generation it belongs to, while it is still exact.
    func get(_ shareID: String, now: Date) -> (view: ShareView, generation: UInt64)? {
        state.withLockedValue { state in
            guard let entry = state.entries[shareID], entry.generation == state.generation, now < entry.staleAt else { return nil }
            return (entry.view, entry.generation)
        }
    }

    /// The view of a share from the cache, or computed by `compute`: once, however many requests
    /// ask at the same moment (without this, every open request recomputes when an entry goes stale).
    func view(_ shareID: String, now: Date, compute: @escaping @Sendable () async throws -> ShareView) async throws -> (view: ShareView, generation: UInt64) {
        if let hit = get(shareID, now: now) { return hit }
        let task = state.withLockedValue { state in
            if let running = state.loading[shareID] { return running }
            let generation = state.generation
            let task = Task<(ShareView, UInt64), any Error> {
                defer { self.state.withLockedValue { _ = $0.loading.removeValue(forKey: shareID) } }
                let view = try await compute()
                self.set(view, generation: generation, computedAt: now)
                return (view, generation)
            }
            state.loading[shareID] = task
            return task
        }
        return try await task.value
    }

    /// A part of a response made from the view of `generation`, made once while that view is current.
    func fragment<T: Sendable>(_ shareID: String, _ key: String, generation: UInt64, make: () -> T) -> T {
        let name = shareID + "|" + key
        if let hit = state.withLockedValue({ $0.generation == generation ? $0.fragments[name] as? T : nil }) { return hit }
        let made = make()
        state.withLockedValue { state in
            if state.generation == generation && state.entries[shareID]?.generation == generation { state.fragments[name] = made }
        }
        return made
    }

    func set(_ view: ShareView, generation: UInt64, computedAt now: Date) {
        var staleAt = min(now.addingTimeInterval(Self.maxAge), view.share.expiresAt)
        for record in view.records {
            for boundary in [record.entry.row.validFrom, record.entry.row.validUntil].compactMap({ $0 }) where boundary > now {
                staleAt = min(staleAt, boundary)
            }
        }
        state.withLockedValue { state in
            guard generation == state.generation else { return }  // something was written meanwhile
            if state.entries.count >= 10_000 {
                state.entries.removeAll(keepingCapacity: true)
                state.fragments.removeAll(keepingCapacity: true)
            }
            state.fragments = state.fragments.filter { !$0.key.hasPrefix(view.share.id + "|") }
            state.entries[view.share.id] = Entry(view: view, generation: generation, staleAt: staleAt)
        }
    }
}

/// Moves the share cache's generation on after every request that may have written something:
/// a POST that reached a route, by someone signed in or with an API key, and succeeded. Writes are
/// transactions, so a refused request wrote nothing (the audit emptied the cache with anonymous
/// posts to missing paths, which made every share view read the database again).
struct ShareCacheInvalidation: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard req.method != .GET && req.method != .HEAD else { return try await next.respond(to: req) }
        let response = try await next.respond(to: req)
        if req.route != nil, req.user != nil, response.status.code < 400 { req.application.shareViewCache.invalidateAll() }
        return response
    }
}

extension Application {
    private struct ShareViewCacheKey: StorageKey { typealias Value = ShareViewCache }

    var shareViewCache: ShareViewCache { shared(ShareViewCacheKey.self) { ShareViewCache() } }
}
