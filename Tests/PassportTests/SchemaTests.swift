import Testing
@testable import Passport

@Suite struct SchemaTests {
    @Test func everyValidExamplePassesTheSchemaAndTheRecordRules() throws {
        let valid = Standard.examples("valid")
        #expect(valid.count >= 7)
        for (name, json) in valid {
            let violation = Standard.schema.firstViolation(in: json)
            #expect(violation == nil, "\(name): \(String(describing: violation))")
            #expect(throws: Never.self, "\(name)") { try WorkRecord(validated: json) }
        }
    }

    @Test func everyInvalidExampleFailsWithAFieldAndAReason() {
        let invalid = Standard.examples("invalid")
        #expect(invalid.count >= 10)
        for (name, json) in invalid {
            let violation = Standard.schema.firstViolation(in: json)
            #expect(violation != nil, "\(name) should be refused")
        }
    }

    @Test func theViolationNamesTheField() throws {
        let json = Standard.examples("invalid").first { $0.name == "impossible-date.json" }!.json
        let violation = try #require(Standard.schema.firstViolation(in: json, at: "credentialSubject"))
        #expect(violation.path == "credentialSubject.period.start")
        #expect(violation.reason == "must be a real date written YYYY-MM-DD")
        let extra = Standard.examples("invalid").first { $0.name == "unknown-field.json" }!.json
        #expect(Standard.schema.firstViolation(in: extra)?.path == "salaryScale")
        let skill = Standard.examples("invalid").first { $0.name == "duplicate-skill.json" }!.json
        #expect(Standard.schema.firstViolation(in: skill)?.reason == "must not repeat an item")
    }

    @Test func rulesTheSchemaCannotSayAreCheckedToo() throws {
        guard case .object(var json) = Standard.example("employment.json") else { Issue.record("not an object"); return }
        json["period"] = .object(["start": .string("2025-05-01"), "end": .string("2025-04-01")])
        #expect(throws: CredentialProblem.schema(path: "period.end", reason: "is before period.start (2025-05-01)")) { try WorkRecord(validated: .object(json)) }
        json["period"] = .object(["start": .string("2025-05-01"), "end": .string("2025-05-01")])
        json["hours"] = .number(25)
        #expect(throws: CredentialProblem.schema(path: "hours", reason: "is more than the 24 hours in the period")) { try WorkRecord(validated: .object(json)) }
        json["hours"] = .number(8)
        json["ratings"] = .object(["average": .number(6), "scale": .number(5), "count": .number(2)])
        #expect(throws: CredentialProblem.schema(path: "ratings.average", reason: "is higher than the scale (5)")) { try WorkRecord(validated: .object(json)) }
    }

    @Test func aKeywordTheValidatorDoesNotKnowStopsCompiling() {
        #expect(throws: SchemaCompileError.self) { try JSONSchema(json: JSONValue.parse(#"{"type":"object","patternProperties":{"^x":{}}}"#)) }
    }

    @Test func theRecordReadsItsFields() throws {
        let record = try WorkRecord(validated: Standard.example("platform-work-period.json"))
        #expect(record.kind == .platformWork)
        #expect(record.jobs == 138)
        #expect(record.ratings == WorkRecord.Ratings(average: 4.8, scale: 5, count: 96))
        #expect(record.reliability == WorkRecord.Reliability(completed: 138, cancelled: 3, noShow: 0))
        #expect(record.withoutEarnings["earnings"] == nil)
        #expect(record.json["earnings"] != nil)
    }
}
