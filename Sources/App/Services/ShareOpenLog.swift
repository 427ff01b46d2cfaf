import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Remembers which minute each share's opening was last written, so a busy link costs one
/// write a minute rather than one per view.
final class ShareOpenLog: Sendable {
    private let last = NIOLockedValueBox([String: Date]())

    func shouldRecord(_ shareID: String, _ minute: Date) -> Bool {
        last.withLockedValue { last in
            if last[shareID] == minute { return false }
            if last.count > 10_000 { last.removeAll() }
            last[shareID] = minute
            return true
        }
    }
}

extension Application {
    private struct ShareOpenLogKey: StorageKey { typealias Value = ShareOpenLog }

    var shareOpenLog: ShareOpenLog { shared(ShareOpenLogKey.self) { ShareOpenLog() } }
}
