import Testing

@testable import Accounts

@Suite struct SignUpRulesTests {
    func input(email: String = "Zoe@Example.NL ", name: String = " Zoë Çelik ", password: String = "paars-fiets-42!", role: String = "worker") -> SignUpInput {
        SignUpInput(email: email, name: name, password: password, role: role)
    }

    @Test func aGoodSignUpIsFoldedAndTrimmed() throws {
        let valid = try SignUpRules.validate(input()).get()
        #expect(valid == ValidSignUp(email: "zoe@example.nl", name: "Zoë Çelik", password: "paars-fiets-42!", role: .worker))
    }

    @Test func everyProblemIsReportedAtOnce() {
        guard case .failure(let errors) = SignUpRules.validate(input(email: "", name: "  ", password: "kort", role: "admin")) else {
            Issue.record("should fail"); return
        }
        #expect(
            errors.problems == [
                FieldProblem(field: "email", kind: .missing),
                FieldProblem(field: "name", kind: .missing),
                FieldProblem(field: "password", kind: .tooShort(min: 10)),
                FieldProblem(field: "role", kind: .notAllowed),
            ])
    }

    @Test(arguments: ["zoe", "zoe@", "@example.nl", "zoe@example", "zoe@.nl", "zoe@example.", "zo e@example.nl", "a@b@c.nl"])
    func implausibleAddressesAreRefused(_ email: String) {
        guard case .failure(let errors) = SignUpRules.validate(input(email: email)) else { Issue.record("\(email) should fail"); return }
        #expect(errors.problems == [FieldProblem(field: "email", kind: .invalidEmail)])
    }

    @Test func lengthsAreCheckedAtTheirLimits() {
        let longEmail = String(repeating: "a", count: 250) + "@x.nl"
        #expect(SignUpRules.validate(input(email: longEmail)).problems == [FieldProblem(field: "email", kind: .tooLong(max: 254))])
        #expect(SignUpRules.validate(input(name: String(repeating: "é", count: 101))).problems == [FieldProblem(field: "name", kind: .tooLong(max: 100))])
        #expect(SignUpRules.validate(input(name: String(repeating: "é", count: 100))).problems == [])
    }

    @Test func passwordsAreCheckedByCharactersAndByTheBytesBcryptReads() {
        #expect(SignUpRules.passwordProblem("") == .missing)
        #expect(SignUpRules.passwordProblem("negen9999") == .tooShort(min: 10))
        // Characters count for the minimum, bytes for the maximum (a € is three bytes).
        #expect(SignUpRules.passwordProblem(String(repeating: "€", count: 10)) == .tooCommon, "one character over and over")
        #expect(SignUpRules.passwordProblem("€uro-munt-42") == nil)
        #expect(SignUpRules.passwordProblem(String(repeating: "€uro-", count: 11)) == .tooLong(max: 72), "55 characters, 77 bytes")
    }

    @Test func commonAndRepetitivePasswordsAreRefusedWhateverTheirCase() {
        #expect(SignUpRules.passwordProblem("aaaaaaaaaa") == .tooCommon)
        #expect(SignUpRules.passwordProblem("ababababab") == .tooCommon)
        #expect(SignUpRules.passwordProblem("0123654789") == .tooCommon)
        #expect(SignUpRules.passwordProblem("0123654789".uppercased()) == .tooCommon)
        #expect(SignUpRules.passwordProblem("abcabcabca") == nil, "three different characters are not refused for repetition")
    }

    @Test func onlyWorkersAndEmployersSignUpThemselves() {
        for role in Role.allCases {
            let allowed = SignUpRules.validate(input(role: role.rawValue)).problems.isEmpty
            #expect(allowed == [.worker, .employer].contains(role), "\(role)")
        }
        #expect(SignUpRules.validate(input(role: "Worker")).problems == [FieldProblem(field: "role", kind: .notAllowed)])
    }

    @Test func everyRoleHasADutchAndAnEnglishName() {
        #expect(Set(Role.allCases.map(\.dutchName)).count == Role.allCases.count)
        #expect(Set(Role.allCases.map(\.englishName)).count == Role.allCases.count)
    }
}

extension Result where Failure == SignUpErrors {
    /// The problems of a failed sign-up; none for a good one.
    var problems: [FieldProblem] {
        if case .failure(let errors) = self { return errors.problems }
        return []
    }
}
