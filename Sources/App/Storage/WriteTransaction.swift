import Fluent
import SQLKit

extension Database {
    /// A transaction that writes, safe when several connections write at once.
    ///
    /// SQLite's `BEGIN` is deferred: a transaction that reads first works on a snapshot, and if
    /// another connection commits before it writes, its first write fails at once with "database
    /// is locked" (the busy handler cannot help: waiting would not make the snapshot current).
    /// Ten parallel imports from one platform made seven fail that way. Writing first, before
    /// any read, takes the write lock at the start and waits its turn like `BEGIN IMMEDIATE`
    /// (Fluent starts its transactions itself, so the write is a no-op on a table of its own).
    /// PostgreSQL's transactions wait on row locks and need nothing extra.
    func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await transaction { db in
            if let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" {
                try await sql.raw("DELETE FROM \(ident: CreateWriteIntent.table) WHERE 0 = 1").run()
            }
            return try await body(db)
        }
    }
}

/// The table `writeTransaction` writes to on SQLite to take the write lock first; always empty.
struct CreateWriteIntent: AsyncMigration {
    static let table = "write_intent"

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        guard sql.dialect.name == "sqlite" else { return }
        try await sql.create(table: Self.table).column("id", type: .int).run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        guard sql.dialect.name == "sqlite" else { return }
        try await sql.drop(table: Self.table).run()
    }
}
