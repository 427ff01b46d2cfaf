import Foundation
import Testing
import VaporTesting

@testable import App

@Suite struct OccupationRoutesTests {
    @Test func searchAPIReturnsUriLabelScoreBestFirst() async throws {
        try await withTestApp { app in
            let response = try await Browser(app).get("/api/v1/occupations?q=kassiere")
            #expect(response.status == .ok)
            let results = try JSONDecoder().decode([OccupationController.SearchResult].self, from: Data(response.body.string.utf8))
            #expect(results.first?.uri == Fixtures.cashierURI)
            #expect(results.first?.label == "kassamedewerker")
            #expect(results.map(\.score) == results.map(\.score).sorted(by: >))
        }
    }

    @Test(arguments: [
        "/api/v1/occupations", "/api/v1/occupations?q=", "/api/v1/occupations?q=%20%20",
        "/api/v1/occupations?q=<10 KB>", "/api/v1/occupations?q=kassa&limit=0",
    ])
    func badSearchesGetAClearJSONError(path: String) async throws {
        try await withTestApp { app in
            let response = try await Browser(app).get(path.replacingOccurrences(of: "<10 KB>", with: String(repeating: "a", count: 10_240)))
            #expect(response.status == .badRequest)
            #expect(response.body.string.contains("\"reason\""))
        }
    }

    @Test func aHugeSearchOnThePageSaysItIsTooLong() async throws {
        try await withTestApp { app in
            let response = try await Browser(app).get("/beroepen?q=" + String(repeating: "a", count: 10_240))
            #expect(response.status == .badRequest)
            #expect(response.body.string.contains("Je zoekterm is te lang"))
        }
    }

    @Test func theSearchPageEscapesWhatWasTyped() async throws {
        try await withTestApp { app in
            let page = try await Browser(app).get("/beroepen?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E").body.string
            #expect(!page.contains("<script>alert(1)"))
            #expect(page.contains("&lt;script&gt;"))
        }
    }

    @Test func occupationPageShowsSkillsAndKnowledgeInDutchOrEnglish() async throws {
        try await withTestApp { app in
            let browser = Browser(app)
            let dutch = try await browser.get("/beroepen/2b871272-bd61-4206-bd1a-0b96d7023098").body.string
            #expect(dutch.contains("<h1>kassamedewerker</h1>"))
            #expect(dutch.contains("Kassamedewerkers rekenen af met klanten."))
            #expect(dutch.contains("Vaardigheden (1)"))
            #expect(dutch.contains("Kennis (1)"))
            #expect(dutch.contains("5230 – Cashiers and ticket clerks"))
            // Dutch where ESCO has it; otherwise English, marked so (the audit found English on every Dutch page).
            #expect(dutch.contains("<li>betalingen verwerken</li>"))
            #expect(dutch.contains("<li lang=\"en\">customer service</li>"))
            #expect(dutch.contains("Sommige vaardigheden hebben in ESCO nog geen Nederlandse naam."))
            #expect(!dutch.contains("process payments"))

            _ = try await browser.get("/taal/en?terug=%2F")
            let english = try await browser.get("/beroepen/2b871272-bd61-4206-bd1a-0b96d7023098").body.string
            #expect(english.contains("<h1>cashier</h1>"))
            #expect(english.contains("<html lang=\"en\">"))
            #expect(english.contains("<li>process payments</li>") && english.contains("<li>customer service</li>"))

            let cleaner = try await Browser(app).get("/beroepen/00000000-0000-4000-8000-000000000002").body.string
            #expect(cleaner.contains("Deze uitleg is er alleen in het Engels."), "no Dutch description: English shown and said so")
            #expect(cleaner.contains("clean floors &lt;and&gt; stairs"))
        }
    }

    @Test func skillsAreFoundByNameInBothLanguages() async throws {
        try await withTestApp { app in
            let dutch = try await Browser(app).get("/api/v1/skills?q=afrekenen").body.string
            #expect(dutch == #"[{"uri":"http://data.europa.eu/esco/skill/s1","label":"betalingen verwerken","lang":"nl"}]"#)
            let english = try await Browser(app).get("/api/v1/skills?q=take%20payments&lang=en").body.string
            #expect(english == #"[{"uri":"http://data.europa.eu/esco/skill/s1","label":"process payments","lang":"en"}]"#)
            let fallback = try await Browser(app).get("/api/v1/skills?q=customer").body.string
            #expect(fallback.contains(#""label":"customer service","lang":"en""#), "no Dutch label: English, and said so")
            #expect(try await Browser(app).get("/api/v1/skills?q=").status == .badRequest)
            // Every answer says nosniff, JSON and errors too (the audit found JSON without it).
            for path in ["/api/v1/skills?q=afrekenen", "/api/v1/occupations?q=kassa", "/api/v1/occupations/nope", "/openapi.json"] {
                #expect(try await Browser(app).get(path).headers.first(name: "X-Content-Type-Options") == "nosniff", "\(path)")
            }
            #expect(try await Browser(app).get("/api/v1/skills?q=x&limit=500").status == .badRequest)
        }
    }

    @Test func occupationJSONHasTheSkillLists() async throws {
        try await withTestApp { app in
            let json = try await Browser(app).get("/api/v1/occupations/2b871272-bd61-4206-bd1a-0b96d7023098").body.string
            #expect(json.contains("\"essentialSkills\":[{"))
            #expect(json.contains("process payments"))
            #expect(try await Browser(app).get("/api/v1/occupations/does-not-exist").status == .notFound)
            #expect(try await Browser(app).get("/beroepen/does-not-exist").status == .notFound)
        }
    }

    @Test func anUnknownPageIsAFriendly404() async throws {
        try await withTestApp { app in
            let response = try await Browser(app).get("/bestaat-niet")
            #expect(response.status == .notFound)
            #expect(response.body.string.contains("Deze pagina bestaat niet."))
        }
    }
}

@Suite struct JSONTextTests {
    @Test func escapesLikeJSONEncoder() throws {
        let tricky = "a \"quoted\" \\ back\nslash\t\u{01} é € 🙂"
        let decoded = try JSONDecoder().decode(String.self, from: Data(jsonStringLiteral(tricky).utf8))
        #expect(decoded == tricky)
    }
}

@Suite struct SearchParametersTests {
    @Test func readsAQueryStringLikeAForm() {
        let p = OccupationController.SearchParameters(queryString: "q=kassi%C3%A8re+casino&limit=3&lang=en&x=1")
        #expect(p.q == "kassière casino")
        #expect(p.limit == 3)
        #expect(p.lang == "en")
        #expect(OccupationController.SearchParameters(queryString: "limit=drie").limit == nil)
        #expect(OccupationController.SearchParameters(queryString: "").q == nil)
    }
}
