import Accounts
import Foundation
import Identifiers
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
