import Fluent
import Vapor

extension Request {
    private struct UserKey: StorageKey { typealias Value = SignedInUser }

    /// The signed-in person, if any (set by `SessionUserMiddleware` or the bearer-token check).
    public var user: SignedInUser? {
        get { storage[UserKey.self] }
        set { storage[UserKey.self] = newValue }
    }
}

/// Loads the signed-in person from the session cookie. Requests without a cookie never touch
/// the session store, so anonymous browsing and the API write nothing.
struct SessionUserMiddleware: AsyncMiddleware {
    static let userKey = "user_id"

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if req.hasSession, let idText = req.session.data[Self.userKey], let id = UUID(uuidString: idText),
            let model = try await UserModel.find(id, on: req.db)
        {
            req.user = model.signedIn
        }
        return try await next.respond(to: req)
    }
}
