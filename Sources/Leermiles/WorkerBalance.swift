/// A worker's points at a glance: free points, each funder's pot, what is reserved, and what
/// they can spend (free points and pots together).
public struct WorkerBalance: Sendable, Equatable {
    public let worker: String
    public let free: Miles
    /// Funder id → points in that funder's pot.
    public let pots: [String: Miles]
    public let reserved: Miles

    public var spendable: Miles { pots.values.reduce(free, +) }

    /// From the worker's accounts as stored (missing accounts are zero).
    public init(worker: String, accounts: [AccountID: Miles]) {
        self.worker = worker
        free = accounts[.worker(worker)] ?? .zero
        reserved = accounts[.reserved(worker)] ?? .zero
        var pots: [String: Miles] = [:]
        for (account, balance) in accounts where account.kind == .worker && account.owner == worker {
            if let pot = account.pot { pots[pot] = balance }
        }
        self.pots = pots
    }
}
