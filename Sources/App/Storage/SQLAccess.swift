import Fluent
import SQLKit

extension Database {
    /// This database as SQLKit sees it. Both drivers Loopbrug runs on (SQLite, PostgreSQL) are
    /// SQL databases; this is the one place that relies on it.
    public var sql: any SQLDatabase {
        guard let sql = self as? any SQLDatabase else {
            preconditionFailure("Loopbrug needs an SQL database (SQLite or PostgreSQL), not \(type(of: self))")
        }
        return sql
    }
}
