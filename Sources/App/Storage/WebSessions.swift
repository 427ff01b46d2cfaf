import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// Sessions in the database that end on the server, not only in the browser: after a day
/// without a request (idle) and a week after login at most (absolute). An expired session reads
/// as none and is deleted; all expired rows are purged every ten minutes while sessions are made.
/// Only signed-in people have one: an anonymous visitor's form token lives in a cookie (`CSRF`).
struct WebSessions: SessionDriver {
    static let idle: TimeInterval = 24 * 3600
    static let absolute: TimeInterval = 7 * 24 * 3600
    static let purgeEvery: TimeInterval = 600

    private let lastPurge = NIOLockedValueBox<Date>(.distantPast)

    func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        let id = SessionID(string: request.application.dependencies.token())
        let now = request.application.dependencies.now()
        return request.eventLoop.makeFutureWithTask {
            let sql = request.db.sql
            try await sql.insert(into: "web_sessions").columns("id", "data", "created_at", "seen_at")
                .values(SQLBind(id.string), SQLBind(try Self.encode(data)), SQLBind(now), SQLBind(now)).run()
            if lastPurge.withLockedValue({ last in
                guard now.timeIntervalSince(last) >= Self.purgeEvery else { return false }
                last = now
                return true
            }) {
                try await Self.purge(sql, now: now)
            }
            return id
        }
    }

    func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        let now = request.application.dependencies.now()
        return request.eventLoop.makeFutureWithTask {
            let sql = request.db.sql
            guard
                let row = try await sql.select().columns("data", "created_at", "seen_at").from("web_sessions")
                    .where("id", .equal, sessionID.string).first()
            else { return nil }
            let created = try row.decode(column: "created_at", as: Date.self), seen = try row.decode(column: "seen_at", as: Date.self)
            guard Self.isLive(created: created, seen: seen, now: now) else {
                try await sql.delete(from: "web_sessions").where("id", .equal, sessionID.string).run()
                return nil
            }
            return try JSONDecoder().decode(SessionData.self, from: Data(try row.decode(column: "data", as: String.self).utf8))
        }
    }

    /// Runs after every request of a session: the data and the moment it was last used.
    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        let now = request.application.dependencies.now()
        return request.eventLoop.makeFutureWithTask {
            let sql = request.db.sql
            try await sql.update("web_sessions").set("data", to: SQLBind(try Self.encode(data))).set("seen_at", to: SQLBind(now))
                .where("id", .equal, sessionID.string).run()
            return sessionID
        }
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
        request.eventLoop.makeFutureWithTask {
            try await request.db.sql.delete(from: "web_sessions").where("id", .equal, sessionID.string).run()
        }
    }

    static func isLive(created: Date, seen: Date, now: Date) -> Bool {
        now.timeIntervalSince(seen) < idle && now.timeIntervalSince(created) < absolute
    }

    /// Deletes every session past its idle or absolute lifetime.
    static func purge(_ sql: any SQLDatabase, now: Date) async throws {
        try await sql.delete(from: "web_sessions")
            .where("seen_at", .lessThan, SQLBind(now.addingTimeInterval(-idle)))
            .orWhere("created_at", .lessThan, SQLBind(now.addingTimeInterval(-absolute)))
            .run()
    }

    private static func encode(_ data: SessionData) throws -> String {
        String(decoding: try JSONEncoder().encode(data), as: UTF8.self)
    }
}

/// The sessions table; the earlier table of Fluent's driver (sessions without an end) goes.
struct CreateWebSessions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        try await sql.create(table: "web_sessions")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("data", type: .text, .notNull)
            .column("created_at", type: .timestamp, .notNull)
            .column("seen_at", type: .timestamp, .notNull)
            .run()
        try await sql.create(index: "web_sessions_seen").on("web_sessions").column("seen_at").run()
        try await sql.drop(table: "_fluent_sessions").ifExists().run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(table: "web_sessions").run()
    }
}
