/// A ledger account. Points flow from funders to workers, from a worker's available points to
/// their reservations, and from reservations to the course providers' settlement account.
///
/// Each account has a normal side and its balance never crosses zero against it: a worker's
/// available and reserved points and the settlement account never go below zero; a funder's
/// balance is what it has given, so it never goes above zero. The sum over all accounts is zero.
public struct AccountID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable, Codable {
        /// A worker's points they can spend; `pot` names the funder whose restriction applies.
        case worker
        /// A worker's points set aside for a course, waiting for approval or completion.
        case reserved
        /// An employer, O&O fund, government or the work-accrual fund: the points it has given.
        case funder
        /// Points paid to course providers for completed courses.
        case provider
    }

    public let kind: Kind
    public let owner: String
    /// For worker accounts: the funder whose spending restriction these points carry; nil for free points.
    public let pot: String?

    public init(kind: Kind, owner: String, pot: String? = nil) {
        self.kind = kind
        self.owner = owner
        self.pot = pot
    }

    public static func worker(_ id: String, pot: String? = nil) -> AccountID { AccountID(kind: .worker, owner: id, pot: pot) }
    public static func reserved(_ worker: String) -> AccountID { AccountID(kind: .reserved, owner: worker) }
    public static func funder(_ id: String) -> AccountID { AccountID(kind: .funder, owner: id) }
    public static let providers = AccountID(kind: .provider, owner: "settlement")

    /// Whether the balance grows with points coming in (workers, reservations, providers) or
    /// records points going out (funders).
    public var isDebitNormal: Bool { kind != .funder }

    /// Whether `balance` is allowed for this account.
    public func allows(_ balance: Miles) -> Bool { isDebitNormal ? balance >= .zero : balance <= .zero }

    /// "worker:ID", "worker:ID:FUNDER", "reserved:ID", "funder:ID", "provider:settlement".
    public var description: String { [kind.rawValue, owner, pot].compactMap { $0 }.joined(separator: ":") }

    public init?(parsing text: String) {
        let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, let kind = Kind(rawValue: parts[0]), !parts[1].isEmpty else { return nil }
        if parts.count == 3 { guard kind == .worker, !parts[2].isEmpty else { return nil } }
        self.init(kind: kind, owner: parts[1], pot: parts.count == 3 ? parts[2] : nil)
    }

    public static func < (a: AccountID, b: AccountID) -> Bool { a.description < b.description }
}
