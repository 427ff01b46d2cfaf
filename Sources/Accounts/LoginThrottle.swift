/// Slows down password guessing without handing strangers a way to lock owners out.
///
/// - An attempt is counted when it is let through, before the password is checked (the caller
///   checks only what `attempt` allowed), so a burst of concurrent guesses cannot all be checked.
///   A correct password takes its own count back (`succeeded`).
/// - One account from one client address: five wrong passwords lock that pair for 15 minutes.
///   Only the pair: the owner at another address is not locked out by a stranger.
/// - One client address over all accounts: thirty wrong passwords lock the address (password
///   spraying). The address comes from the peer or a trusted proxy header, never from the client.
/// - One account over all addresses: after five wrong passwords, each next attempt waits twice as
///   long as the last (1, 2, 4 … seconds, at most 60): guessing from many addresses stays slow,
///   and the owner waits a minute at worst.
///
/// Time comes from the caller (seconds), so tests control it.
public struct LoginThrottle: Sendable {
    public struct Policy: Sendable {
        public var pairFailures = 5
        public var clientFailures = 30
        public var window: Double = 900
        public var lockout: Double = 900
        /// Failures on one account (any address) before attempts are spaced out.
        public var accountFreeFailures = 5
        public var longestAccountDelay: Double = 60

        public init() {}
        public static let standard = Policy()
    }

    public enum Decision: Sendable, Equatable {
        /// Check the password; the attempt already counts as a failure until `succeeded`.
        case check
        /// Refused without a check: try again after this many seconds.
        case wait(seconds: Int)
    }

    /// Recent attempts of one key and, for locking keys, until when it is locked.
    private struct Track: Sendable {
        var attempts: [Double] = []
        var lockedUntil: Double?

        mutating func forget(before cutoff: Double) {
            attempts.removeAll { $0 < cutoff }
        }
    }

    public let policy: Policy
    private var pairs: [String: Track] = [:]
    private var clients: [String: Track] = [:]
    private var accounts: [String: Track] = [:]

    public init(policy: Policy = .standard) {
        self.policy = policy
    }

    /// Decides whether an attempt for `account` from `client` may be checked, and if so counts it.
    public mutating func attempt(account: String, client: String, now: Double) -> Decision {
        prune(now: now)
        let pairKey = account + "\u{0}" + client
        let waits = [
            Self.lockWait(pairs[pairKey], now: now),
            Self.lockWait(clients[client], now: now),
            accountWait(accounts[account], now: now),
        ].compactMap { $0 }
        if let longest = waits.max() { return .wait(seconds: Int(longest.rounded(.up))) }
        let policy = self.policy
        Self.count(&pairs[pairKey, default: Track()], limit: policy.pairFailures, policy, now: now)
        Self.count(&clients[client, default: Track()], limit: policy.clientFailures, policy, now: now)
        accounts[account, default: Track()].forget(before: now - policy.window)
        accounts[account, default: Track()].attempts.append(now)
        return .check
    }

    /// The password was right: the pair and the account start afresh; the address keeps its
    /// other failures (one right password among many guesses does not clear a sprayer).
    public mutating func succeeded(account: String, client: String) {
        pairs[account + "\u{0}" + client] = nil
        accounts[account] = nil
        if var track = clients[client], !track.attempts.isEmpty {
            track.attempts.removeLast()
            clients[client] = track
        }
    }

    private static func lockWait(_ track: Track?, now: Double) -> Double? {
        guard let until = track?.lockedUntil, until > now else { return nil }
        return until - now
    }

    /// After the free failures, the gap since the last attempt must be 1, 2, 4 … seconds (capped).
    private func accountWait(_ track: Track?, now: Double) -> Double? {
        guard let track, let last = track.attempts.last else { return nil }
        let recent = track.attempts.filter { now - $0 < policy.window }.count
        guard recent >= policy.accountFreeFailures else { return nil }
        let exponent = min(recent - policy.accountFreeFailures, 16)
        let gap = min(Double(1 << exponent), policy.longestAccountDelay)
        let left = gap - (now - last)
        return left > 0 ? left : nil
    }

    private static func count(_ track: inout Track, limit: Int, _ policy: Policy, now: Double) {
        if let until = track.lockedUntil, until <= now { track = Track() }
        track.forget(before: now - policy.window)
        track.attempts.append(now)
        if track.attempts.count >= limit {
            track.lockedUntil = now + policy.lockout
            track.attempts = []
        }
    }

    /// Keeps memory bounded: forget keys with nothing recent.
    private mutating func prune(now: Double) {
        let horizon = now - policy.window
        func keep(_ t: Track) -> Bool { (t.lockedUntil ?? 0) > now || (t.attempts.last ?? -.infinity) >= horizon }
        if pairs.count > 10_000 { pairs = pairs.filter { keep($0.value) } }
        if clients.count > 10_000 { clients = clients.filter { keep($0.value) } }
        if accounts.count > 10_000 { accounts = accounts.filter { keep($0.value) } }
    }
}
