/// A sign-up form as typed, before any checks.
public struct SignUpInput: Sendable {
    public var email: String
    public var name: String
    public var password: String
    public var role: String

    public init(email: String, name: String, password: String, role: String) {
        self.email = email
        self.name = name
        self.password = password
        self.role = role
    }
}

/// A sign-up that passed every check, with the e-mail address folded to lower case.
public struct ValidSignUp: Sendable, Equatable {
    public let email: String
    public let name: String
    public let password: String
    public let role: Role
}

/// One problem with one form field.
public struct FieldProblem: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case missing, invalidEmail, tooShort(min: Int), tooLong(max: Int), notAllowed
        /// A password many people use (or one character over and over): guessed first.
        case tooCommon
    }
    public let field: String
    public let kind: Kind

    public init(field: String, kind: Kind) {
        self.field = field
        self.kind = kind
    }
}

public enum SignUpRules {
    public static let minPasswordLength = 10
    /// bcrypt only reads the first 72 bytes; longer passwords would be silently cut.
    public static let maxPasswordBytes = 72
    public static let maxNameLength = 100
    public static let maxEmailLength = 254

    /// Checks every field and reports all problems at once.
    public static func validate(_ input: SignUpInput) -> Result<ValidSignUp, SignUpErrors> {
        var problems: [FieldProblem] = []
        let email = input.email.trimmingWhitespace().lowercased()
        let name = input.name.trimmingWhitespace()
        if email.isEmpty {
            problems.append(.init(field: "email", kind: .missing))
        } else if email.count > maxEmailLength {
            problems.append(.init(field: "email", kind: .tooLong(max: maxEmailLength)))
        } else if !isPlausibleEmail(email) {
            problems.append(.init(field: "email", kind: .invalidEmail))
        }
        if name.isEmpty {
            problems.append(.init(field: "name", kind: .missing))
        } else if name.count > maxNameLength {
            problems.append(.init(field: "name", kind: .tooLong(max: maxNameLength)))
        }
        if let problem = passwordProblem(input.password) { problems.append(.init(field: "password", kind: problem)) }
        let role = Role(rawValue: input.role)
        if role == nil || !Role.selfService.contains(role!) {
            problems.append(.init(field: "role", kind: .notAllowed))
        }
        guard problems.isEmpty, let role else { return .failure(SignUpErrors(problems: problems)) }
        return .success(ValidSignUp(email: email, name: name, password: input.password, role: role))
    }

    /// What is wrong with a new password, if anything: empty, too short, longer than bcrypt
    /// reads, or among the most used passwords (`aaaaaaaaaa` passed on length alone).
    public static func passwordProblem(_ password: String) -> FieldProblem.Kind? {
        if password.isEmpty { return .missing }
        if password.count < minPasswordLength { return .tooShort(min: minPasswordLength) }
        if password.utf8.count > maxPasswordBytes { return .tooLong(max: maxPasswordBytes) }
        let folded = password.lowercased()
        if Set(folded).count <= 2 || CommonPasswords.all.contains(folded) { return .tooCommon }
        return nil
    }

    /// One "@", something before it, a dot in the domain, no spaces: enough to catch typing mistakes.
    static func isPlausibleEmail(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !email.contains(where: \.isWhitespace) else { return false }
        let domain = parts[1]
        return domain.contains(".") && !domain.hasPrefix(".") && !domain.hasSuffix(".")
    }
}

public struct SignUpErrors: Error, Sendable, Equatable {
    public let problems: [FieldProblem]
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
