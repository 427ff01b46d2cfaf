import Testing

@testable import Engine

@Suite("CSV imports: shortage table, courses, vacancies")
struct CSVImportTests {
    let model = ReachabilityModel(dataset: ToyTaxonomy.dataset)
    let places = RealPlaces.directory
    func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }
    func problems<T>(_ r: CSVImportResult<T>) -> [String] {
        if case .problems(let p) = r { return p.map(\.description) }
        return []
    }
    func rows<T>(_ r: CSVImportResult<T>) -> [T] {
        if case .rows(let rows) = r { return rows }
        return []
    }

    @Test func outlookRowsAreCheckedAgainstESCO() {
        let good = "key,kind,source,date,demo\n9112,shortage,UWV 2026,2026-06-01,yes\n\(ToyTaxonomy.uri("chef")),growth,CBS,2026-01-15,no\n"
        let entries = rows(OccupationOutlook.parse(bytes(good), model: model))
        #expect(entries.count == 2)
        let table = OutlookTable(entries: entries)
        #expect(table.entries(forURI: ToyTaxonomy.uri("cleaner"), iscoGroup: "9112").map(\.kind) == [.shortage])
        #expect(table.entries(forURI: ToyTaxonomy.uri("chef"), iscoGroup: "5120").map(\.kind) == [.growth])
        #expect(table.entries(forURI: ToyTaxonomy.uri("supervisor"), iscoGroup: "5151").isEmpty)

        let bad = """
            key,kind,source,date
            9999,shortage,UWV,2026-06-01
            9112,scarce,UWV,2026-06-01
            9112,shortage,,2026-06-01
            9112,shortage,UWV,2026-02-30
            http://example.org/nope,growth,CBS,2026-01-01
            9112,shortage,UWV,2026-06-01
            9112,shortage,UWV,2026-06-01
            """
        #expect(
            problems(OccupationOutlook.parse(bytes(bad), model: model)) == [
                "line 2, key: \"9999\" is neither an ISCO-08 group code (1–4 digits) with occupations in ESCO nor an ESCO occupation URI",
                "line 3, kind: \"scarce\" must be shortage or growth",
                "line 4, source: is empty",
                "line 5, date: \"2026-02-30\" is not a date like 2027-01-31",
                "line 6, key: http://example.org/nope is not an ESCO occupation",
                "line 8, key: 9112 (shortage) is already on line 7",
            ])
    }

    @Test func wholeFileProblemsNameTheLine() {
        #expect(problems(OccupationOutlook.parse(bytes(""), model: model)) == ["line 1: the file is empty"])
        #expect(problems(OccupationOutlook.parse(bytes("key,kind,source,date\n"), model: model)) == ["line 2: the file has a header but no rows"])
        #expect(
            problems(OccupationOutlook.parse(bytes("key,kind,date\n9112,shortage,2026-01-01\n"), model: model))
                == ["line 1, source: column \"source\" is missing; the header must hold key, kind, source, date"])
        #expect(
            problems(OccupationOutlook.parse(bytes("key,kind,source,date,colour\n"), model: model))
                == ["line 1, colour: unknown column \"colour\"; allowed: key, kind, source, date, demo"])
        let latin1: [UInt8] = Array("key,kind,source,date\n9112,shortage,".utf8) + [0xE9] + Array(",2026-01-01\n".utf8)
        #expect(problems(OccupationOutlook.parse(latin1, model: model)).first?.contains("not valid UTF-8") == true)
        #expect(
            problems(OccupationOutlook.parse(bytes("key,kind,source,date\n9112,shortage\n"), model: model))
                == ["line 2: 2 fields where the header has 4"])
    }

    @Test func coursesNeedKnownSkillsAndAPlaceUnlessOnline() {
        let csv = """
            id,title,provider,skills,hours,cost_eur,format,place,start_dates,url,demo
            c1,Basis,ROC,\(ToyTaxonomy.uri("b"))|\(ToyTaxonomy.uri("e")),40,"250,00",classroom,Almere,2027-02-01|2027-09-01,https://example.org,yes
            c2,Online,Leerhuis,\(ToyTaxonomy.uri("b")),8,0,online,,,,no
            """
        let courses = rows(Course.parse(bytes(csv), model: model, places: places))
        #expect(courses.map(\.id) == ["c1", "c2"])
        #expect(courses[0].place?.name == "Almere Stad")
        #expect(courses[0].costEuros == 250)
        let catalogue = CourseCatalogue(courses: courses, model: model)
        let found = catalogue.courses(for: [model.space.id(of: ToyTaxonomy.uri("b"))!, model.space.id(of: ToyTaxonomy.uri("e"))!], limit: 5)
        #expect(found.map(\.course.id) == ["c1", "c2"])  // c1 teaches both missing skills

        let bad = """
            id,title,provider,skills,hours,cost_eur,format,place,start_dates
            c1,A,P,,10,0,online,,
            c2,A,P,http://example.org/zz,10,0,online,,
            c3,A,P,\(ToyTaxonomy.uri("b")),0,0,online,,
            c4,A,P,\(ToyTaxonomy.uri("b")),10,gratis,online,,
            c5,A,P,\(ToyTaxonomy.uri("b")),10,0,classroom,Atlantis,
            c5,A,P,\(ToyTaxonomy.uri("b")),10,0,online,,2027-13-01
            c6,A,P,\(ToyTaxonomy.uri("b")),10,0,online,,
            c6,A,P,\(ToyTaxonomy.uri("b")),10,0,online,,
            """
        #expect(
            problems(Course.parse(bytes(bad), model: model, places: places)) == [
                "line 2, skills: a course must teach at least one ESCO skill",
                "line 3, skills: http://example.org/zz is not an ESCO skill",
                "line 4, hours: 0 is outside 1–5000",
                "line 5, cost_eur: \"gratis\" is not an amount in euros like 250 or 12,50",
                "line 6, place: \"Atlantis\" is not a Dutch place we know",
                "line 7, start_dates: \"2027-13-01\" is not a date like 2027-01-31",
                "line 9, id: c6 is already on line 8",
            ])
    }

    @Test func vacanciesAreValidatedFieldByField() {
        let header = Vacancy.csvColumns.joined(separator: ",")
        let a = ToyTaxonomy.uri("a")
        let csv = """
            \(header)
            v1,vacancy,Schoonmaker,Schoon BV,\(ToyTaxonomy.uri("cleaner")),\(a),16,24,Almere,temporary,2027-01-04,N8121,
            v2,klus,Verhuizen,Buurt,,\(a),4,4,Utrecht,gig,2027-01-09,,sat
            """
        let list = rows(Vacancy.parse(bytes(csv), model: model, places: places))
        #expect(list.map(\.id) == ["v1", "v2"])
        #expect(list[1].days == .saturday)

        let bad = """
            \(header)
            v1,vacancy,T,E,,,16,24,Almere,temporary,2027-01-04,,
            v2,vacancy,T,E,,\(a),24,16,Almere,temporary,2027-01-04,,
            v3,vacancy,T,E,,\(a),0,16,Almere,temporary,2027-01-04,,
            v4,vacancy,T,E,,\(a),8,16,Almere,forever,2027-01-04,,
            v5,vacancy,T,E,,\(a),8,16,Almere,temporary,2027-01-04,Z99,
            v6,klus,T,E,,\(a),8,16,Almere,gig,2027-01-04,,someday
            """
        #expect(
            problems(Vacancy.parse(bytes(bad), model: model, places: places)) == [
                "line 2, skills: name at least one ESCO skill the work needs",
                "line 3, hours_max: is less than hours_min (24)",
                "line 4, hours_min: 0 is outside 1–60",
                "line 5, contract: \"forever\" must be permanent, temporary, on-call, freelance or gig",
                "line 6, sector: \"Z99\" is not an SBI code like N or N8121",
                "line 7, days: \"someday\" must be days like mon|wed|fri (or empty for \"to agree\")",
            ])
    }
}
