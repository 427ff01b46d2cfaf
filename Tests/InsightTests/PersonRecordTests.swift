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

    @Test func reportsEveryProblemWithLineAndColumn() {
        let csv = Self.header + "\n"
            + "1,abc,vrouw,thuiswonend_kind,mbo2,,flex,12,12-20,N78,2,nee,Almere,x\n"
            + "2,30,x,partner_met_kind,laag,31000,vast,38,35+,Z,0,ja,Almere,y\n"
            + "2,30,man,partner_met_kind,laag,veel,vast,38,35+,C,1,ja,Almere,y\n"
            + "4,30,man\n"
        #expect(problems(csv) == [
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
        #expect(p.map(\.description) == ["line 2: not valid UTF-8"])
    }
}
