import Accounts
import Fluent
import Foundation
import Identifiers

/// A person's account. Only the adapter layer sees this class; pages get `SignedInUser`.
final class UserModel: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "name") var name: String
    @Field(key: "role") var role: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(id: UUID? = nil, email: String, name: String, role: Role, passwordHash: String, createdAt: Date) {
        self.id = id
        self.email = email
        self.name = name
        self.role = role.rawValue
        self.passwordHash = passwordHash
        self.createdAt = createdAt
    }

    /// The typed id, once the row is saved.
    var userID: UserID? { id.map(UserID.init) }

    var signedIn: SignedInUser? {
        guard let id, let role = Role(rawValue: role) else { return nil }
        return SignedInUser(id: UserID(id), email: email, name: name, role: role)
    }
}

/// The person behind a request, as handlers and pages see them.
public struct SignedInUser: Sendable, Equatable {
    public let id: UserID
    public let email: String
    public let name: String
    public let role: Role
}
