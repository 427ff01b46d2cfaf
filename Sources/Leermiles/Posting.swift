import Foundation

/// Why points moved.
public enum PostingReason: String, Sendable, CaseIterable, Codable {
    /// Earning, from a funder to a worker.
    case workHours = "work_hours", serviceYears = "service_years", contribution, leaveHours = "leave_hours", topUp = "top_up"
    /// Spending: worker → reservation, reservation → provider, reservation → worker.
    case reserve, settle, release
    /// Undoes an earlier posting: the same amount the other way.
    case reversal

    public var isEarning: Bool { [.workHours, .serviceYears, .contribution, .leaveHours, .topUp].contains(self) }
}

/// One movement of points between two accounts: what one account loses the other gains, so every
/// posting sums to zero and so does the ledger. Postings are never changed or removed; a mistake
/// is undone by a reversal posting.
public struct Posting: Sendable, Equatable, Codable {
    /// Unique over the whole ledger: posting the same key again posts nothing.
    public let key: String
    public let from: AccountID
    public let to: AccountID
    public let amount: Miles
    public let reason: PostingReason
    /// Who or what caused it: "rule:work-2026", "user:UUID", "batch:accrual".
    public let cause: String
    public let at: Date
    /// For a reversal: the key of the posting it undoes.
    public let reverses: String?
    /// For reserve, settle and release: the reservation.
    public let reservation: String?

    public init(
        key: String, from: AccountID, to: AccountID, amount: Miles, reason: PostingReason, cause: String, at: Date,
        reverses: String? = nil, reservation: String? = nil
    ) {
        self.key = key
        self.from = from
        self.to = to
        self.amount = amount
        self.reason = reason
        self.cause = cause
        self.at = at
        self.reverses = reverses
        self.reservation = reservation
    }

    /// Whether two postings with the same key are the same request (so the second is a harmless
    /// repeat) rather than a different request that reuses a key.
    public func sameRequest(as other: Posting) -> Bool {
        key == other.key && from == other.from && to == other.to && amount == other.amount && reason == other.reason
            && reverses == other.reverses && reservation == other.reservation
    }

    /// A reversal must move exactly the original's amount back between the same two accounts.
    public func checkReverses(_ original: Posting) throws(LedgerError) {
        guard from == original.to, to == original.from, amount == original.amount else {
            throw .invalid(key, field: "reverses", "must move \(original.amount) from \(original.to) to \(original.from)")
        }
    }

    /// The checks that need no balances: shape, amount, and which accounts a reason may move between.
    public func validate() throws(LedgerError) {
        guard !key.isEmpty, key.utf8.count <= 200 else { throw .invalid(key, field: "key", "must be 1 to 200 bytes") }
        guard !cause.isEmpty else { throw .invalid(key, field: "cause", "must say who or what caused the posting") }
        guard amount > .zero else { throw .invalid(key, field: "amount", "\(amount) is not a positive amount") }
        guard amount <= .largest else { throw .invalid(key, field: "amount", "\(amount) is more than \(Miles.largest)") }
        guard from != to else { throw .invalid(key, field: "to", "is the same account as from") }
        let allowed: Bool =
            switch reason {
            case _ where reason.isEarning: from.kind == .funder && to.kind == .worker
            case .reserve: from.kind == .worker && to == .reserved(from.owner) && reservation != nil
            case .release: from.kind == .reserved && to.kind == .worker && to.owner == from.owner && reservation != nil
            case .settle: from.kind == .reserved && to == .providers && reservation != nil
            case .reversal: reverses != nil
            default: false
            }
        guard allowed else { throw .invalid(key, field: "reason", "\(reason.rawValue) cannot move points from \(from) to \(to)") }
    }
}

/// Why a posting was not written. Each names the posting's key and what is wrong.
public enum LedgerError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalid(String, field: String, String)
    case insufficient(String, account: AccountID, balance: Miles, needed: Miles)
    case keyReused(String)
    case unknownReversal(String, reverses: String)
    case alreadyReversed(String, reverses: String)

    public var description: String {
        switch self {
        case .invalid(let key, let field, let reason): "posting \(key): \(field) \(reason)"
        case .insufficient(let key, let account, let balance, let needed):
            "posting \(key): \(account) has \(balance) and cannot give \(needed)"
        case .keyReused(let key): "posting \(key): the key was already used for a different posting"
        case .unknownReversal(let key, let reverses): "posting \(key): reverses \(reverses), which does not exist"
        case .alreadyReversed(let key, let reverses): "posting \(key): \(reverses) is already reversed"
        }
    }
}
