import Testing

@testable import App

@Suite struct AppConfigTests {
    @Test func defaultsNeedNoConfiguration() throws {
        let config = try AppConfig.fromEnvironment([:])
        #expect(config.database == .sqlite(path: "var/loopbrug.sqlite"))
        #expect(config.port == 8080)
        #expect(config.hostname == "127.0.0.1")
        #expect(config.seedDemoData)
    }

    @Test func readsAPostgresURL() throws {
        let config = try AppConfig.fromEnvironment(["DATABASE_URL": "postgres://u:p@db.example:5433/loopbrug", "LOOPBRUG_PUBLIC_URL": "https://loopbrug.nl"])
        #expect(config.database == .postgres(url: "postgres://u:p@db.example:5433/loopbrug"))
        #expect(config.secureCookies)
        #expect(config.database.summary == "PostgreSQL at db.example:5433/loopbrug", "no password in messages")
    }

    @Test(arguments: [
        ("mysql://x@y/z", "scheme \"mysql\" is not supported"),
        ("postgres://user@/db", "no host name"),
        ("postgres://user@host:5432", "no database name"),
        ("not a url at all", "is not a URL"),
    ])
    func rejectsBadDatabaseURLs(url: String, message: String) {
        #expect {
            _ = try AppConfig.fromEnvironment(["DATABASE_URL": url])
        } throws: { error in
            String(describing: error).contains(message)
        }
    }

    @Test func rejectsABadPort() {
        #expect(throws: ConfigError.self) { _ = try AppConfig.fromEnvironment(["PORT": "80800"]) }
    }

    @Test func readsTheInsightUploadLimit() throws {
        #expect(try AppConfig.fromEnvironment([:]).insightUploadLimitBytes == 128 << 20)
        #expect(try AppConfig.fromEnvironment(["LOOPBRUG_INSIGHT_UPLOAD_MB": "16"]).insightUploadLimitBytes == 16 << 20)
        for bad in ["0", "lots", "5000"] {
            #expect(throws: ConfigError.self) { _ = try AppConfig.fromEnvironment(["LOOPBRUG_INSIGHT_UPLOAD_MB": bad]) }
        }
    }
}
