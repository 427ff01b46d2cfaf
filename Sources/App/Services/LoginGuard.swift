import Accounts
import Foundation
import Vapor

/// The failed-login throttle, shared by all requests of this process. An actor, so deciding
/// and counting an attempt is one step: concurrent guesses cannot slip past the count.
actor LoginGuard {
    private var throttle = LoginThrottle()

    /// Nil when the attempt may be checked (it is counted already); otherwise seconds to wait.
    func attempt(email: String, client: String, now: Date) -> Int? {
        switch throttle.attempt(account: email, client: client, now: now.timeIntervalSince1970) {
        case .check: nil
        case .wait(let seconds): max(1, seconds)
        }
    }

    func succeeded(email: String, client: String) {
        throttle.succeeded(account: email, client: client)
    }
}

extension Application {
    private struct LoginGuardKey: StorageKey { typealias Value = LoginGuard }

    var loginGuard: LoginGuard {
        get { storage[LoginGuardKey.self]! }
        set { storage[LoginGuardKey.self] = newValue }
    }
}

extension Request {
    /// The address the request came from: the peer, or with `LOOPBRUG_TRUSTED_PROXY_HEADER` set
    /// (Loopbrug behind a load balancer), the last address in that header, the one the trusted
    /// proxy added itself. Earlier entries are whatever the client wrote and are ignored.
    var clientAddress: String {
        if let header = application.config.trustedProxyHeader,
            let last = headers[header].last?.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty
        {
            return String(last.prefix(64))
        }
        return remoteAddress?.ipAddress ?? "unknown"
    }
}
