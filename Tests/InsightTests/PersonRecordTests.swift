import Foundation
import Testing

@testable import Insight

@Suite("Reading the person-level microdata CSV")
struct PersonRecordTests {
    static let header = "person_id,age,sex,household,education,income_eur,contract,hours_per_week,hours_band,sector,n_jobs,breadwinner,municipality,extra"

    func problems(_ text: String) -> [String] {
        if case .problems(let p) = PersonRecordReader.read(Array(text.utf8)) { return p.map(\.description) }
        return []
    }

    @Test func readsGoodRowsAndIgnoresExtraColumns() {
        let csv = "\u{FEFF}" + Self.header + "\r\n1,23,vrouw,thuiswonend_kind,mbo2,,flex,12,12-20,N78,2,nee,Almere,x\r\n2,45,man,partner_met_kind,laag,31000,vast,38,35+,C,1,ja,Almere,y\r\n"
        guard case .records(let people) = PersonRecordReader.read(Array(csv.utf8)) else { Issue.record("should read"); return }
        #expect(people.count == 2)
        #expect(people[0].incomeEuros == nil && people[0].sector == "N78" && people[0].jobs == 2)
        #expect(people[1].incomeEuros == 31000 && people[1].hoursBand == .over35)
    }

    @Test func spacesAndTabsAroundFieldsAreIgnored() {
        let csv = Self.header + "\n 7 ,\t23, vrouw ,alleenstaande,mbo2, 21000 ,flex,\t,<12, n78 , 1 ,nee, Almere ,\n"
        guard case .records(let people) = PersonRecordReader.read(Array(csv.utf8)) else { Issue.record("should read: \(problems(csv))"); return }
        #expect(people[0].personID == "7" && people[0].age == 23 && people[0].sex == .vrouw && people[0].incomeEuros == 21000)
        #expect(people[0].hoursPerWeek == nil && people[0].sector == "N78" && people[0].municipality == "Almere")
        #expect(problems(Self.header + "\n1,20,man,overig,laag,,flex,10,<12,A,1,nee\n") == ["line 2: 12 fields where the header has 14"])
    }

    @Test func reportsEveryProblemWithLineAndColumn() {
        let csv =
            Self.header + "\n"
            + "1,abc,vrouw,thuiswonend_kind,mbo2,,flex,12,12-20,N78,2,nee,Almere,x\n"
            + "2,30,x,partner_met_kind,laag,31000,vast,38,35+,Z,0,ja,Almere,y\n"
            + "2,30,man,partner_met_kind,laag,veel,vast,38,35+,C,1,ja,Almere,y\n"
            + "4,30,man\n"
        #expect(
            problems(csv) == [
                "line 2, age: \"abc\" is not an age (a whole number 0–120)",
                "line 3, sex: \"x\" is not one of man, vrouw",
                "line 3, sector: \"Z\" is not an SBI section letter (A–U) or N78",
                "line 3, n_jobs: \"0\" is not a positive whole number",
                "line 4, person_id: 2 is already on line 3",
                "line 4, income_eur: \"veel\" is not an amount (or empty when unknown)",
                "line 5: 3 fields where the header has 14",
            ])
    }

    @Test func wholeFileProblems() {
        #expect(problems("") == ["line 1: the file is empty"])
        #expect(problems(Self.header + "\n") == ["line 2: the file has a header but no people"])
        #expect(problems("person_id,age\n1,20\n").first == "line 1, sex: column is missing from the header")
        #expect(problems(Self.header + "\n1,20,man,overig,laag,,flex,10,<12,A,1,nee,X,\u{0}\n".replacingOccurrences(of: "\u{0}", with: "")).isEmpty)
        let latin1: [UInt8] = Array((Self.header + "\n1,20,man,overig,laag,,flex,10,<12,A,1,nee,").utf8) + [0xE9] + Array(",x\n".utf8)
        guard case .problems(let p) = PersonRecordReader.read(latin1) else { Issue.record("should refuse"); return }
        #expect(p.map(\.description) == ["line 2, municipality: not valid UTF-8"])
    }
}

@Suite("Clustering variables")
struct ClusterVariablesTests {
    @Test func incomeIsTransformedCappedAndUnknownsLeftOut() {
        func person(_ id: Int, income: Double?, jobs: Int = 1) -> PersonRecord {
            PersonRecord(
                personID: "\(id)", age: 20 + id, sex: .man, household: .overig, education: .laag, incomeEuros: income,
                contract: .flex, hoursPerWeek: nil, hoursBand: .under12, sector: "N78", jobs: jobs, breadwinner: .nee, municipality: "X")
        }
        var people = (0..<100).map { person($0, income: Double($0 * 1000)) }
        people.append(person(100, income: nil, jobs: 3))
        let v = ClusterVariables(people)
        #expect(v.included.count == 100 && v.leftOutForUnknownIncome == 1)
        let transformed = (0..<100).map { asinh(Double($0 * 1000)) }.sorted()
        // R: quantile(x, 0.01) with type 7 = x[1] + 0.99 * (x[2] - x[1]) for 100 values.
        let low = transformed[0] + 0.99 * (transformed[1] - transformed[0])
        #expect(abs(v.transformedIncome[0] - low) < 1e-12, "the lowest income is raised to the 1st percentile")
        #expect(v.transformedIncome[50] == asinh(50_000))
        #expect(v.data.categorical[4].allSatisfy { $0 == 0 }, "one job each among those included")
    }
}
