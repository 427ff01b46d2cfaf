import Engine
import Foundation
import Identifiers
import Testing
import VaporTesting

@testable import App

/// The worker's way to better work over HTTP: wishes (refused when impossible), matches with
/// their sentence, transitions from the passport, the explorer; and the imports all or nothing.
@Suite struct CareerRoutesTests {
    static let s1 = "http://data.europa.eu/esco/skill/s1", s2 = "http://data.europa.eu/esco/skill/s2"

    static let vacancies = """
        id,kind,title,employer,occupation,skills,hours_min,hours_max,place,contract,start,sector,days
        v1,vacancy,Kassamedewerker supermarkt,Super (test),\(Fixtures.cashierURI),\(s1)|\(s2),16,24,Almere,temporary,2027-01-04,G4711,
        v2,vacancy,Kassa in Maastricht,Ver Weg (test),,\(s1),16,24,Maastricht,temporary,2027-01-04,,
        """

    func wishes(hours: String = "24", home: String = "Almere") -> [(String, String)] {
        [
            ("maxHours", hours), ("maxTravelKm", "25"), ("home", home), ("days[]", "mon"), ("days[]", "tue"),
            ("contracts[]", "temporary"), ("searchable", "on"),
        ]
    }

    @Test(arguments: TestDatabase.available)
    func wishesFilterAndMatchesExplainThemselves(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            guard case .imported(2) = try await app.careerImports.vacancies(Array(Self.vacancies.utf8), employer: nil) else {
                Issue.record("the vacancy file should import"); return
            }
            let workerID = try await createUser(app, email: "sam@test.nl", role: .worker, password: "right password 1")
            let sam = Browser(app)
            _ = try await sam.login("sam@test.nl", "right password 1")

            // Before any wishes: an invitation, no list.
            let first = try await sam.get("/werk")
            #expect(first.status == .ok)
            #expect(first.body.string.contains("Vertel hoeveel je wilt werken"))

            // Impossible wishes are refused field by field, and nothing is stored.
            let refused = try await sam.post("/werk/wensen", pairs: wishes(hours: "0", home: "Atlantis"))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Vul een aantal uren per week in, van 1 tot 60."))
            #expect(refused.body.string.contains("We kennen \u{201C}Atlantis\u{201D} niet."))
            #expect(try await EngineStore(database: app.db).wishes(worker: workerID) == nil)

            // Good wishes: stored; Maastricht is too far, Almere fits.
            let saved = try await sam.post("/werk/wensen", pairs: wishes())
            #expect(saved.status == .ok)
            #expect(saved.body.string.contains("Je wensen zijn bewaard."))
            #expect(saved.body.string.contains("Kassamedewerker supermarkt"))
            #expect(!saved.body.string.contains("Kassa in Maastricht"))
            #expect(saved.body.string.contains("Je hebt 0 van de 2 vaardigheden. Nog nodig: "))
            let stored = try #require(try await EngineStore(database: app.db).wishes(worker: workerID))
            #expect(stored.wishes.maxHoursPerWeek == 24 && stored.wishes.days == [.monday, .tuesday] && stored.searchable)

            // Work added to the passport (self-declared) now covers the vacancy's skills.
            let added = try await sam.post(
                "/paspoort/toevoegen",
                [
                    "kind": "employment", "roleTitle": "Kassa", "occupation": "kassamedewerker",
                    "start": "2024-01-01", "end": "2024-06-30",
                ])
            #expect(added.status == .seeOther)
            let after = try await sam.get("/werk")
            #expect(after.body.string.contains("Je hebt 2 van de 2 vaardigheden. Er ontbreekt niets."))

            // Too many hours for the worker: 16 is the vacancy's minimum, 8 wanted.
            _ = try await sam.post("/werk/wensen", pairs: wishes(hours: "8"))
            #expect(!(try await sam.get("/werk")).body.string.contains("Kassamedewerker supermarkt"))

            // Deleting the account deletes the wishes too.
            _ = try await app.accountDeletion.delete(workerID)
            #expect(try await EngineStore(database: app.db).wishes(worker: workerID) == nil)
        }
    }

    @Test func pathsPageInvitesAnEmptyPassportAndListsTargetsAfterWork() async throws {
        try await withTestApp { app in
            _ = try await createUser(app, email: "ana@test.nl", role: .worker, password: "right password 1")
            let ana = Browser(app)
            _ = try await ana.login("ana@test.nl", "right password 1")
            #expect((try await ana.get("/waar-naartoe")).body.string.contains("Je paspoort is nog leeg"))
            _ = try await ana.post(
                "/paspoort/toevoegen",
                [
                    "kind": "employment", "roleTitle": "Schoonmaak", "occupation": "schoonmaker",
                    "start": "2024-01-01",
                ])
            let page = try await ana.get("/waar-naartoe")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("kassamedewerker"), "the other occupations are listed as targets")
            #expect(!page.body.string.contains(">schoonmaker gebouwen<"), "the worker's own occupation is not a target")
            #expect(page.body.string.contains("belangrijke vaardigheden"))
        }
    }

    @Test func explorerShowsAnyOccupationsTargetsAndRefusesUnknownOnes() async throws {
        try await withTestApp { app in
            let page = try await Browser(app).get("/beroepen/2b871272-bd61-4206-bd1a-0b96d7023098/overstappen")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Overstappen vanuit kassamedewerker"))
            #expect(page.body.string.contains("schoonmaker gebouwen"))
            #expect((try await Browser(app).get("/beroepen/00000000-0000-0000-0000-000000000000/overstappen")).status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.available)
    func importsAreAllOrNothing(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            let store = EngineStore(database: app.db)
            // A good outlook file replaces the table; a bad one leaves it as it was.
            _ = try await app.careerImports.outlook(Array("key,kind,source,date,demo\n5230,shortage,Test,2026-01-01,yes\n".utf8))
            let bad = try await app.careerImports.outlook(Array("key,kind,source,date\n9112,growth,Test,2026-01-01\n0000,shortage,Test,2026-01-01\n".utf8))
            guard case .refused(let problems) = bad else { Issue.record("a file with a bad row must be refused"); return }
            #expect(problems.map(\.line) == [3])
            #expect(try await store.loadOutlook().map(\.key) == ["5230"])

            // Vacancy ids already on the board are refused by line; nothing of the file is added.
            _ = try await app.careerImports.vacancies(Array(Self.vacancies.utf8), employer: nil)
            let again = Self.vacancies.replacingOccurrences(of: "v1,", with: "v3,")
            guard case .refused(let taken) = try await app.careerImports.vacancies(Array(again.utf8), employer: nil) else {
                Issue.record("v2 is taken already"); return
            }
            #expect(taken.map(\.description) == ["line 3, id: v2 is already on the board"])
            #expect(try await store.loadVacancies(places: try app.careerData.places(app.config)).map(\.id) == ["v1", "v2"])
            #expect(app.careerData.snapshot?.board.count == 2)
        }
    }

    @Test(arguments: TestDatabase.available)
    func employersPostVacanciesInTwoStepsAndFindOnlyWorkersWhoOptedIn(_ db: TestDatabase) async throws {
        try await withTestApp(db) { app in
            _ = try await createUser(app, email: "baas@test.nl", role: .employer, password: "right password 1")
            let boss = Browser(app)
            _ = try await boss.login("baas@test.nl", "right password 1")
            // Step 1: the occupation is looked up and its skills offered, all ticked.
            let step1 = try await boss.post("/werkgever/vacatures", pairs: [("occupation", "kassière"), ("kind", "vacancy")])
            #expect(step1.status == .ok)
            #expect(step1.body.string.contains("value=\"\(Self.s1)\" checked"))
            // Step 2 with a bad field: refused with a message by the field, nothing stored.
            var fields: [(String, String)] = [
                ("occupationURI", Fixtures.cashierURI), ("occupation", "kassamedewerker"), ("skills[]", Self.s1),
                ("kind", "vacancy"), ("title", "Kassa"), ("hoursMin", "24"), ("hoursMax", "16"),
                ("place", "Almere"), ("contract", "temporary"), ("start", "2027-01-04"),
            ]
            let bad = try await boss.post("/werkgever/vacatures", pairs: fields)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("niet minder dan het minimum"))
            #expect(app.careerData.snapshot?.board.count == 0)
            fields[5] = ("hoursMin", "12")
            let good = try await boss.post("/werkgever/vacatures", pairs: fields)
            #expect(good.body.string.contains("staat nu open"))
            #expect(app.careerData.snapshot?.board.vacancies.map(\.title) == ["Kassa"])
            // Another employer cannot remove it; the owner can.
            let id = try #require(app.careerData.snapshot?.board.vacancies.first?.id)
            _ = try await createUser(app, email: "ander@test.nl", role: .employer, password: "right password 1")
            let other = Browser(app)
            _ = try await other.login("ander@test.nl", "right password 1")
            #expect((try await other.post("/werkgever/vacatures/\(id)/weghalen", [:])).status == .notFound)
            #expect((try await boss.post("/werkgever/vacatures/\(id)/weghalen", [:])).status == .seeOther)
            #expect(app.careerData.snapshot?.board.count == 0)

            // Competence search: only workers who opted in, never their names.
            for (email, name, searchable) in [("open@test.nl", "Open Worker", true), ("dicht@test.nl", "Closed Worker", false)] {
                _ = try await createUser(app, email: email, role: .worker, password: "right password 1", name: name)
                let w = Browser(app)
                _ = try await w.login(email, "right password 1")
                _ = try await w.post("/paspoort/toevoegen", ["kind": "employment", "roleTitle": "Kassa", "occupation": "kassamedewerker", "start": "2024-01-01"])
                var pairs = wishes()
                if !searchable { pairs.removeAll { $0.0 == "searchable" } }
                _ = try await w.post("/werk/wensen", pairs: pairs)
            }
            let found = try await boss.get("/werkgever/zoeken?beroep=kassamedewerker")
            #expect(found.status == .ok)
            #expect(found.body.string.contains("Kandidaat 1"))
            #expect(!found.body.string.contains("Kandidaat 2"), "the worker who did not opt in is not shown")
            #expect(!found.body.string.contains("Open Worker") && !found.body.string.contains("open@test.nl"))
            #expect(found.body.string.contains("Heeft 2 van de 2 belangrijke vaardigheden."))
        }
    }

    @Test func anAdminUploadsTheCatalogueAndSeesEveryBadRow() async throws {
        try await withTestApp { app in
            _ = try await createUser(app, email: "admin@test.nl", role: .admin, password: "right password 1")
            let admin = Browser(app)
            _ = try await admin.login("admin@test.nl", "right password 1")
            #expect((try await admin.get("/beheer/loopbaan")).status == .ok)
            let bad = "id,title,provider,skills,hours,cost_eur,format,place,start_dates\nc1,A,P,\(Self.s1),0,0,online,,\nc2,A,P,\(Self.s1),8,0,classroom,Atlantis,\n"
            let refused = try await admin.upload("/beheer/loopbaan", field: "file", filename: "cursussen.csv", content: bad, fields: ["table": "courses"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("cursussen.csv: 2 fouten. Er is niets veranderd."))
            #expect(refused.body.string.contains("0 ligt niet tussen 1 en 5000"), "the problems are in Dutch on a Dutch page")
            #expect(refused.body.string.contains("&quot;Atlantis&quot; is geen Nederlandse plaats die we kennen"))
            #expect(!refused.body.string.contains("is outside"))
            _ = try await admin.get("/taal/en")
            let english = try await admin.upload(
                "/beheer/loopbaan", field: "file", filename: "courses.csv", content: "id,title\n", fields: ["table": "courses"])
            #expect(english.body.string.contains("column &quot;provider&quot; is missing"), "and in English on an English page")
            #expect(app.careerData.snapshot?.catalogue.courses.isEmpty == true)
        }
    }
}
