import Foundation
import Testing

@testable import App

/// The databases the storage tests run on: SQLite always; PostgreSQL when the test command
/// started one and put its URL in LOOPBRUG_TEST_POSTGRES_URL. With LOOPBRUG_REQUIRE_POSTGRES=1
/// a missing PostgreSQL fails the run instead of silently testing SQLite only.
enum TestDatabase: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    static var available: [TestDatabase] {
        let env = ProcessInfo.processInfo.environment
        if env["LOOPBRUG_TEST_POSTGRES_URL"]?.isEmpty == false { return [.sqlite, .postgres] }
        if env["LOOPBRUG_REQUIRE_POSTGRES"] == "1" {
            fatalError("LOOPBRUG_REQUIRE_POSTGRES=1 but LOOPBRUG_TEST_POSTGRES_URL is not set: run the tests with scripts/test")
        }
        return [.sqlite]
    }

    var config: AppConfig.Database {
        switch self {
        case .sqlite: .sqliteInMemory
        case .postgres: .postgres(url: ProcessInfo.processInfo.environment["LOOPBRUG_TEST_POSTGRES_URL"]!)
        }
    }

    var testDescription: String { rawValue }
}
