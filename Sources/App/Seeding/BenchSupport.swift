import Accounts
import Foundation
import Identifiers
import Localization
import Passport
import Vapor

/// What the upload benchmark needs that only the app may make: a platform account with an API
/// token and a registered issuer key, as a platform would have after signing up.
public enum BenchSupport {
    public static func platform(_ app: Application, name: String, key: Ed25519JWK) async throws -> (issuerID: String, token: String) {
        let now = app.dependencies.now()
        let user = UserModel(
            email: "\(UUID().idString)@bench.loopbrug.nl", name: name, role: .issuer,
            passwordHash: "!", createdAt: now)
        try await user.create(on: app.db)
        let userID = try user.requireID()
        let token = APITokens.prefix + app.dependencies.token()
        try await APITokenModel(userID: userID, name: "bench", tokenHash: APITokens.hash(token), createdAt: now).create(on: app.db)
        let issuerID = try await app.passportStore.createIssuer(name: name, ownerUserID: UserID(userID), key: key, now: now)
        return (issuerID, token)
    }
}

/// For the benchmark command: a share of `recordIDs` and its KlusCV, through the same code as the web.
public enum ShareBench {
    public static func createShare(_ app: Application, worker: WorkerID, recordIDs: [String]) async throws -> String {
        try await app.sharing.create(worker: worker, label: "bench", recordIDs: recordIDs, showEarnings: false, days: 30).id
    }

    /// A worker account with this id, so the bench's records have a name on the KlusCV.
    public static func createWorker(_ app: Application, id: WorkerID) async throws {
        try await UserModel(
            id: id.uuid, email: "bench-\(id)@example.invalid", name: "Zoë Bench-Brouwer", role: .worker,
            passwordHash: "-", createdAt: app.dependencies.now()
        ).create(on: app.db)
    }

    /// Reads the share with live statuses, as the verification endpoint does; returns the record count.
    public static func read(_ app: Application, shareID: String) async throws -> Int {
        let sharing = app.sharing
        guard let share = try await sharing.shares.share(id: shareID) else { throw ConfigError("no share \(shareID)") }
        return try await sharing.view(share).records.count
    }

    /// Reads the share with live statuses and renders its KlusCV; returns the PDF.
    public static func kluscv(_ app: Application, shareID: String, lang: Lang) async throws -> Data {
        let sharing = app.sharing
        guard let share = try await sharing.shares.share(id: shareID) else { throw ConfigError("no share \(shareID)") }
        return try sharing.kluscv(try await sharing.view(share), lang)
    }
}
