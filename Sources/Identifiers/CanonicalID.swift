import Foundation

extension UUID {
    /// The one string form of every UUID-based id in Loopbrug (accounts and so workers, records,
    /// issuers, credentials): lowercase, as stored in the database and signed into credentials.
    /// `UUID.uuidString` is uppercase, so two spellings of one id would otherwise meet in SQL.
    public var idString: String { uuidString.lowercased() }
}
