import SQLKit
import SQLiteNIO

extension SQLDatabase {
    /// Multi-row inserts of up to 500 rows: far fewer round trips, within both drivers' bind limits.
    func insertRows(_ table: String, _ columns: [String], _ rows: [[(any Encodable & Sendable)?]]) async throws {
        let perStatement = max(1, min(500, 30_000 / max(1, columns.count)))
        for start in stride(from: 0, to: rows.count, by: perStatement) {
            var builder = insert(into: table).columns(columns)
            for row in rows[start..<min(start + perStatement, rows.count)] {
                builder = builder.values(
                    row.map { value -> any SQLExpression in
                        if let value { SQLBind(value) } else { SQLLiteral.null }
                    })
            }
            try await builder.run()
        }
    }
}

extension SQLiteDatabase {
    /// The same multi-row inserts for SQLite, with values already in SQLite's own types: going
    /// through Encodable for every one of 18 columns was most of the cost of storing a record.
    func insertRows(_ table: String, _ columns: [String], _ rows: [[SQLiteData]]) async throws {
        let perStatement = max(1, min(500, 30_000 / max(1, columns.count)))
        let placeholders = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
        let head = "INSERT INTO \"\(table)\" (" + columns.map { "\"\($0)\"" }.joined(separator: ",") + ") VALUES "
        for start in stride(from: 0, to: rows.count, by: perStatement) {
            let chunk = rows[start..<min(start + perStatement, rows.count)]
            let sql = head + Array(repeating: placeholders, count: chunk.count).joined(separator: ",")
            _ = try await query(sql, chunk.flatMap { $0 })
        }
    }
}
