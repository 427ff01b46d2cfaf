import Fluent
import SQLKit

extension Database {
    /// A transaction that writes, safe when several connections write at once.
    ///
    /// SQLite's `BEGIN` is deferred: a transaction that reads first works on a snapshot, and if
    /// another connection commits before it writes, its first write fails at once with "database
    /// is locked". Ten parallel imports from one platform made seven fail that way. So on SQLite:
    /// - write transactions of this process take turns (`SQLiteWriters`), waiting without a
    ///   thread: SQLite's busy handler spins on one of the few blocking-pool threads, and enough
    ///   spinners starve the very transaction they wait for;
    /// - each writes first, before any read (a no-op on `write_intent`), which takes the write lock
    ///   at the start like `BEGIN IMMEDIATE` and waits for another process (the CLI) if it must.
    ///   Fluent begins its transactions itself, so `BEGIN IMMEDIATE` cannot be asked for.
    /// PostgreSQL's transactions wait on row locks and need nothing extra.
    func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard !inTransaction, let sql = self as? any SQLDatabase, sql.dialect.name == "sqlite" else { return try await transaction(body) }
        return try await SQLiteWriters.shared.holding {
            try await transaction { db in
                try await db.sql.raw("DELETE FROM \(ident: CreateWriteIntent.table) WHERE 0 = 1").run()
                return try await body(db)
            }
        }
    }
}

/// One SQLite write transaction at a time in this process; the others wait their turn in order.
enum SQLiteWriters {
    static let shared = AsyncLock()
}

/// The table `writeTransaction` writes to on SQLite to take the write lock first; always empty.
struct CreateWriteIntent: AsyncMigration {
    static let table = "write_intent"

    func prepare(on database: any Database) async throws {
        let sql = database.sql
        guard sql.dialect.name == "sqlite" else { return }
        try await sql.create(table: Self.table).column("id", type: .int).run()
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        guard sql.dialect.name == "sqlite" else { return }
        try await sql.drop(table: Self.table).run()
    }
}
