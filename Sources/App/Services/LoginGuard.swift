import Accounts
import Foundation
import Vapor

/// The failed-login throttles for accounts and client addresses, shared by all requests.
actor LoginGuard {
    private var perAccount = LoginThrottle(policy: .perAccount)
    private var perClient = LoginThrottle(policy: .perClient)

    /// Seconds until the next attempt is allowed, or nil when it is allowed now.
    func lockedFor(email: String, client: String, now: Date) -> Int? {
        let t = now.timeIntervalSince1970
        for decision in [perAccount.decision(for: email, now: t), perClient.decision(for: client, now: t)] {
            if case .locked(let seconds) = decision { return seconds }
        }
        return nil
    }

    func failed(email: String, client: String, now: Date) {
        perAccount.recordFailure(for: email, now: now.timeIntervalSince1970)
        perClient.recordFailure(for: client, now: now.timeIntervalSince1970)
    }

    func succeeded(email: String) {
        perAccount.recordSuccess(for: email)
    }
}

extension Application {
    private struct LoginGuardKey: StorageKey { typealias Value = LoginGuard }

    var loginGuard: LoginGuard {
        get { storage[LoginGuardKey.self]! }
        set { storage[LoginGuardKey.self] = newValue }
    }
}
