import Foundation

/// The id of an account, whatever its role. It wraps the account's UUID so that an account id
/// cannot be mixed up with a record, share or issuer id, and it has one string form (`string`,
/// lowercase), the one stored in every table and signed into credentials.
public struct UserID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let uuid: UUID

    public init(_ uuid: UUID) { self.uuid = uuid }

    /// Reads the string form, in either case; nil for anything that is not a UUID.
    public init?(_ text: String) {
        guard let uuid = UUID(uuidString: text) else { return nil }
        self.uuid = uuid
    }

    /// The canonical string form, as stored and signed.
    public var string: String { uuid.idString }
    public var description: String { string }

    public static func < (lhs: UserID, rhs: UserID) -> Bool { lhs.string < rhs.string }
}

/// A worker is an account with the worker role; the alias says which accounts a parameter expects
/// where that helps the reader (passports, shares, leermiles). It is the same value as `UserID`.
public typealias WorkerID = UserID
