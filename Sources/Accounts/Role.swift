/// What a person does in Loopbrug; every route says which roles may use it.
public enum Role: String, Sendable, CaseIterable, Codable {
    case worker, coach, employer, issuer, analyst, admin

    /// Roles a person may pick when signing up; the others are given by an admin.
    public static let selfService: [Role] = [.worker, .employer]

    public var dutchName: String {
        switch self {
        case .worker: "werkende"
        case .coach: "coach"
        case .employer: "werkgever"
        case .issuer: "platform (uitgever)"
        case .analyst: "beleidsanalist"
        case .admin: "beheerder"
        }
    }

    public var englishName: String {
        switch self {
        case .worker: "worker"
        case .coach: "coach"
        case .employer: "employer"
        case .issuer: "platform (issuer)"
        case .analyst: "policy analyst"
        case .admin: "administrator"
        }
    }
}
