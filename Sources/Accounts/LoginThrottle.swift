/// Slows down password guessing: after `maxFailures` wrong passwords for one key (an e-mail
/// address, or a client address) within `window` seconds, that key is locked for `lockout`
/// seconds. A successful login clears the key. Time comes from the caller, so tests control it.
public struct LoginThrottle: Sendable {
    public struct Policy: Sendable {
        public var maxFailures: Int
        public var window: Double
        public var lockout: Double

        public init(maxFailures: Int, window: Double, lockout: Double) {
            self.maxFailures = maxFailures
            self.window = window
            self.lockout = lockout
        }

        /// Five wrong passwords for one address within 15 minutes lock it for 15 minutes.
        public static let perAccount = Policy(maxFailures: 5, window: 900, lockout: 900)
        /// A client address gets more room: several people can share one (a library, a school).
        public static let perClient = Policy(maxFailures: 30, window: 900, lockout: 900)
    }

    public enum Decision: Sendable, Equatable {
        case allowed
        case locked(secondsLeft: Int)
    }

    private struct State: Sendable {
        var failures: [Double] = []
        var lockedUntil: Double?
    }

    public let policy: Policy
    private var states: [String: State] = [:]

    public init(policy: Policy) {
        self.policy = policy
    }

    /// Whether a login attempt for `key` may be checked at all at time `now` (seconds).
    public func decision(for key: String, now: Double) -> Decision {
        guard let until = states[key]?.lockedUntil, until > now else { return .allowed }
        return .locked(secondsLeft: Int((until - now).rounded(.up)))
    }

    /// Records a wrong password; returns the decision for the next attempt.
    @discardableResult
    public mutating func recordFailure(for key: String, now: Double) -> Decision {
        var state = states[key] ?? State()
        if let until = state.lockedUntil, until <= now { state = State() }
        state.failures = state.failures.filter { now - $0 < policy.window } + [now]
        if state.failures.count >= policy.maxFailures {
            state.lockedUntil = now + policy.lockout
            state.failures = []
        }
        states[key] = state
        prune(now: now)
        return decision(for: key, now: now)
    }

    public mutating func recordSuccess(for key: String) {
        states[key] = nil
    }

    /// Keeps memory bounded: forget keys with nothing recent.
    private mutating func prune(now: Double) {
        guard states.count > 10_000 else { return }
        states = states.filter { _, s in
            (s.lockedUntil ?? 0) > now || s.failures.contains { now - $0 < policy.window }
        }
    }
}
