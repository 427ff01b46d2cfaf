import Accounts
import Fluent
import Vapor

/// One demo account per role, created in an empty database so a new user can look around at once.
public enum DemoData {
    public static let password = "loopbrug-demo"

    public static let accounts: [(email: String, name: String, role: Role)] = [
        ("worker@demo.loopbrug.nl", "Samira de Vries", .worker),
        ("coach@demo.loopbrug.nl", "Kees Jansen", .coach),
        ("employer@demo.loopbrug.nl", "Schoonmaakbedrijf Helder", .employer),
        ("issuer@demo.loopbrug.nl", "KlusPlatform Demo", .issuer),
        ("analyst@demo.loopbrug.nl", "Gemeente Almere (demo)", .analyst),
        ("admin@demo.loopbrug.nl", "Beheerder Loopbrug", .admin),
    ]

    /// Creates the demo accounts when no account exists yet; returns whether it did.
    @discardableResult
    public static func seedIfEmpty(_ app: Application) async throws -> Bool {
        guard try await UserModel.query(on: app.db).count() == 0 else { return false }
        let now = app.dependencies.now()
        let hash = try await app.password.async.hash(password)
        try await app.db.writeTransaction { db in
            for account in accounts {
                try await UserModel(email: account.email, name: account.name, role: account.role, passwordHash: hash, createdAt: now).create(on: db)
            }
        }
        return true
    }

    /// Lines to print at start-up when the demo accounts exist.
    public static func credentialLines() -> [String] {
        ["Demo accounts (password for all: \(password)):"]
            + accounts.map { "  \($0.role.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \($0.email)" }
    }
}

/// Creates the demo accounts in an empty database (for `loopbrug migrate`); true when it did.
public func seedDemoAccounts(_ app: Application) async throws -> Bool {
    try await DemoData.seedIfEmpty(app)
}
