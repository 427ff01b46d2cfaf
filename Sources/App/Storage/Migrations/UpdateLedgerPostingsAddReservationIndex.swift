import Fluent
import SQLKit

/// Finding a reservation's postings (a release, the fund's approval list) scanned the whole
/// ledger. Partial, so the millions of earning postings without a reservation cost nothing.
struct UpdateLedgerPostingsAddReservationIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await (database as! any SQLDatabase)
            .raw("CREATE INDEX ledger_postings_reservation ON ledger_postings (reservation) WHERE reservation IS NOT NULL").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("DROP INDEX IF EXISTS ledger_postings_reservation").run()
    }
}
