import Days
import Localization
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

@Suite struct SummaryTests {
    @Test func totalsWeighRatingsByTheirCountOnAFivePointScale() throws {
        let a = try WorkRecord(validated: Standard.example("platform-work-period.json"))  // 4.8/5 × 96, 412.5 h, 138 jobs
        let b = try WorkRecord(validated: Standard.example("platform-work-job.json"))  // 5/5 × 11, 5 h, 1 job
        let c = try WorkRecord(validated: Standard.example("volunteering.json"))  // 200 h, no ratings
        let totals = PassportTotals([(a, true), (b, true), (c, false)])
        #expect(totals.records == 3 && totals.verified == 2)
        #expect(totals.hours == 617.5)
        #expect(totals.jobs == 139)
        #expect(totals.ratingCount == 107)
        #expect(abs(totals.ratingAverage! - (4.8 * 96 + 5 * 11) / 107) < 1e-9)
        #expect(PassportTotals([]).ratingAverage == nil)
    }

    @Test func periodsReadNaturally() {
        let d = { (text: String) in Day(iso: text)! }
        #expect(PeriodText.describe(start: d("2025-03-01"), end: d("2025-08-31"), lang: .nl) == "mrt 2025 – aug 2025")
        #expect(PeriodText.describe(start: d("2024-02-01"), end: nil, lang: .nl) == "sinds feb 2024")
        #expect(PeriodText.describe(start: d("2025-10-04"), end: d("2025-10-04"), lang: .en) == "4 Oct 2025")
        #expect(PeriodText.describe(start: d("2025-10-04"), end: d("2025-10-20"), lang: .nl) == "okt 2025")
    }
}
