/// The ledger's rules applied in memory: the reference the database store follows (the store
/// runs the same checks inside a transaction) and what the audit replays postings through.
public struct Ledger: Sendable {
    public enum Outcome: Sendable, Equatable {
        case posted
        /// The key was posted before with the same content: nothing new was written.
        case repeated
    }

    public private(set) var balances: [AccountID: Miles] = [:]
    public private(set) var postings: [Posting] = []
    private var byKey: [String: Int] = [:]
    private var reversed: Set<String> = []

    public init() {}

    /// A ledger that knows only part of the whole: the current balances of some accounts, earlier
    /// postings that matter (same keys, postings to be reversed) and which of those are reversed.
    /// A group of new postings is checked against it before they are written together.
    public init(balances: [AccountID: Miles], earlier: [Posting], reversed: Set<String>) {
        self.balances = balances
        postings = earlier
        for (i, p) in earlier.enumerated() { byKey[p.key] = i }
        self.reversed = reversed
    }

    public func balance(_ account: AccountID) -> Miles { balances[account] ?? .zero }

    /// Writes `posting` when every rule holds; otherwise throws and changes nothing.
    @discardableResult
    public mutating func post(_ posting: Posting) throws(LedgerError) -> Outcome {
        try posting.validate()
        if let earlier = byKey[posting.key] {
            guard postings[earlier].sameRequest(as: posting) else { throw .keyReused(posting.key) }
            return .repeated
        }
        if let target = posting.reverses {
            guard let index = byKey[target] else { throw .unknownReversal(posting.key, reverses: target) }
            try posting.checkReverses(postings[index])
            guard !reversed.contains(target) else { throw .alreadyReversed(posting.key, reverses: target) }
        }
        let after = balance(posting.from) - posting.amount
        guard posting.from.allows(after) else {
            throw .insufficient(posting.key, account: posting.from, balance: balance(posting.from), needed: posting.amount)
        }
        balances[posting.from] = after
        balances[posting.to] = balance(posting.to) + posting.amount
        byKey[posting.key] = postings.count
        postings.append(posting)
        if let target = posting.reverses { reversed.insert(target) }
        return .posted
    }
}
