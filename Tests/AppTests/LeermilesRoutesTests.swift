import Days
import Foundation
import Identifiers
import Insight
import Leermiles
import Testing
import VaporTesting

@testable import App

/// Leermiles in the browser: the worker's overview, reserving (once per request, refused with a
/// reason), cancelling only one's own, the fund's approval without names, consent, and the yearly
/// statement as CSV and PDF.
@Suite struct LeermilesRoutesTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// Four people and a fund: Ana (a worker with 100 free points and 40 in the fund's pot that
    /// need its approval), Bob (another worker), the fund's coach and a coach of no fund; a
    /// shortage course (kassa, 120) and another (schoon, 30).
    struct Scenario {
        let ana: String
        let worker: Browser, other: Browser, fund: Browser, stranger: Browser
        let store: ReservationStore
    }

    func scenario(_ app: Application) async throws -> Scenario {
        guard case .imported = try await app.careerImports.outlook(Array("key,kind,source,date\n\(Fixtures.cashierURI),shortage,UWV (test),2026-06-01\n".utf8)),
            case .imported = try await app.careerImports.courses(Array(ReservationTests.courses.utf8))
        else { throw ScenarioProblem("the test tables should import") }
        try await LeermilesStore(database: app.db).addRule(
            AccrualRule(
                id: "fund", kind: .contribution(amount: Miles(40), every: .once), funder: "oo-fonds",
                from: Day(iso: "2026-01-01")!, restriction: .shortageOccupations, requiresApproval: true), now: now)
        let ana = try await createUser(app, email: "ana@test.nl", role: .worker, password: "right password 1", name: "Ana Jansen")
        _ = try await createUser(app, email: "bob@test.nl", role: .worker, password: "right password 1")
        _ = try await createUser(app, email: "coach@test.nl", role: .coach, password: "right password 1")
        _ = try await createUser(app, email: "other@test.nl", role: .coach, password: "right password 1")
        try await FunderStore(database: app.db).register(.init(id: "oo-fonds", name: "O&O-fonds Test"), memberEmails: ["coach@test.nl"], now: now)
        let id = ana.string
        _ = try await LedgerStore(database: app.db).postEarnings([
            Posting(key: "e-free", from: .funder("werkfonds"), to: .worker(id), amount: Miles(100), reason: .workHours, cause: "rule:t", at: now),
            Posting(key: "e-pot", from: .funder("oo-fonds"), to: .worker(id, pot: "oo-fonds"), amount: Miles(40), reason: .contribution, cause: "rule:fund", at: now),
        ])
        let scenario = Scenario(ana: id, worker: Browser(app), other: Browser(app), fund: Browser(app), stranger: Browser(app), store: ReservationStore(database: app.db))
        _ = try await scenario.worker.login("ana@test.nl", "right password 1")
        _ = try await scenario.other.login("bob@test.nl", "right password 1")
        _ = try await scenario.fund.login("coach@test.nl", "right password 1")
        _ = try await scenario.stranger.login("other@test.nl", "right password 1")
        return scenario
    }

    struct ScenarioProblem: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// Ana reserves the shortage course with request id `abc`; returns the reservation's id.
    func reserveKassa(_ s: Scenario) async throws -> String {
        #expect(try await s.worker.post("/leermiles/reserveren", ["course": "kassa", "request": "abc"]).status == .seeOther)
        return try #require(try await s.store.reservations(worker: s.ana).first).id
    }

    /// A job in the passport: the engine then has something to give course tips from.
    func addCashierWork(_ s: Scenario) async throws {
        _ = try await s.worker.post(
            "/paspoort/toevoegen",
            ["kind": "employment", "roleTitle": "Kassa", "occupation": "kassamedewerker", "start": "2024-01-01", "end": "2024-06-30"])
    }

    @Test(arguments: TestDatabase.available)
    func theOverviewExplainsTheBalanceAndThePotInBothLanguages(_ database: TestDatabase) async throws {
        try await withTestApp(database, now: { Date(timeIntervalSince1970: 1_800_000_000) }) { app in
            let s = try await scenario(app)
            await #expect { try await FunderStore(database: app.db).register(.init(id: "x", name: "X"), memberEmails: ["bob@test.nl"], now: now) } throws: {
                "\($0)".contains("only coach and employer accounts act for a funder")
            }
            let page = try await s.worker.get("/leermiles").body.string
            #expect(page.contains("data-testid=\"spendable\">140<"))
            #expect(
                page.contains("Van je saldo komen 40 leermiles van O&amp;O-fonds Test (alleen voor een cursus naar een beroep waar veel vraag naar is; O&amp;O-fonds Test moet eerst akkoord geven)."))
            #expect(page.contains("<li><strong>100</strong> gewerkte uren, van werkfonds</li>"))
            _ = try await s.worker.get("/taal/en?terug=/leermiles")
            #expect(try await s.worker.get("/leermiles").body.string.contains("40 leermiles of your balance come from O&amp;O-fonds Test"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func aReservationIsMadeOnceWaitsForTheFundAndIsRefusedWithADutchReason(_ database: TestDatabase) async throws {
        try await withTestApp(database, now: { Date(timeIntervalSince1970: 1_800_000_000) }) { app in
            let s = try await scenario(app)
            // The pot first, then free points; it waits for the fund.
            let reserved = try await s.worker.post("/leermiles/reserveren", ["course": "kassa", "request": "abc"])
            #expect(reserved.status == .seeOther)
            let location = try #require(reserved.headers.first(name: .location))
            #expect(try await s.worker.get(location).body.string.contains("Het fonds moet nog akkoord geven."))
            // The same form again (a double click) reserves nothing more.
            #expect(try await s.worker.post("/leermiles/reserveren", ["course": "kassa", "request": "abc"]).headers.first(name: .location) == location)
            let rows = try await s.store.reservations(worker: s.ana)
            #expect(rows.count == 1 && rows[0].state == .awaitingApproval)

            // With work in the passport the page brings course tips; a course reserved is no tip.
            try await addCashierWork(s)
            let tipped = try await s.worker.get("/leermiles").body.string
            #expect(tipped.contains("Schoonmaak basis") && tipped.contains("Helpt je op weg naar: schoonmaker gebouwen."))
            #expect(tipped.contains("Kost 30 leermiles. Je komt er nog 10 tekort."), "20 free points left; the pot is only for shortage courses")

            // Refused with a reason, nothing written: too little left, an unknown course, a form without its request id.
            let tooMuch = try await s.worker.post("/leermiles/reserveren", ["course": "kassa", "request": "abd"])
            #expect(tooMuch.status == .unprocessableEntity)
            // All Dutch: the audit found the store's English reason pasted into this sentence.
            #expect(tooMuch.body.string.contains("Je hebt niet genoeg leermiles voor deze cursus. Hij kost 120 leermiles en je kunt er 20 voor gebruiken."))
            #expect(!tooMuch.body.string.contains("can pay for it"))
            #expect(try await s.worker.post("/leermiles/reserveren", ["course": "nope", "request": "abe"]).body.string.contains("Deze cursus kunnen we niet vinden."))
            #expect(try await s.worker.post("/leermiles/reserveren", ["course": "schoon"]).status == .unprocessableEntity)
            #expect(try await s.store.reservations(worker: s.ana).count == 1)
        }
    }

    @Test(arguments: TestDatabase.available)
    func onlyTheFundDecidesAndItSeesANameOnlyWithConsent(_ database: TestDatabase) async throws {
        try await withTestApp(database, now: { Date(timeIntervalSince1970: 1_800_000_000) }) { app in
            let s = try await scenario(app)
            let reservation = try await reserveKassa(s)
            // Another worker cannot cancel it; another coach cannot see or decide it.
            #expect(try await s.other.post("/leermiles/reserveringen/\(reservation)/annuleren", [:]).status == .notFound)
            #expect(try await s.stranger.get("/fonds").body.string.contains("nog niet gekoppeld"))
            #expect(try await s.stranger.post("/fonds/reserveringen/\(reservation)/goedkeuren", [:]).status == .notFound)

            // The fund sees the request with the course and its share, never the worker's name.
            let fundResponse = try await s.fund.get("/fonds")
            #expect(fundResponse.status == .ok)
            let fundPage = fundResponse.body.string
            #expect(fundPage.contains("Afrekenen en klantcontact") && fundPage.contains("waarvan 40 uit jullie punten"))
            #expect(!fundPage.contains("ana@test.nl") && !fundPage.contains("Ana Jansen"))
            #expect(fundPage.contains("<dd>x</dd>"), "one person is shown as x")
            #expect(try await s.fund.post("/fonds/reserveringen/\(reservation)/goedkeuren", [:]).status == .seeOther)
            #expect(try await s.store.reservation(id: reservation)?.state == .open)
            #expect(try await s.fund.post("/fonds/reserveringen/\(reservation)/afwijzen", [:]).status == .conflict)

            // With consent the fund sees who takes which course.
            #expect(try await s.worker.post("/leermiles/toestemming", ["consent": "on"]).status == .seeOther)
            let named = try await s.fund.get("/fonds").body.string
            #expect(named.contains("<strong>Ana Jansen</strong>: Afrekenen en klantcontact (gereserveerd)"), "the consenting worker is named with the course")
        }
    }

    @Test(arguments: TestDatabase.available)
    func cancellingReturnsEveryPointAndTheStatementShowsIt(_ database: TestDatabase) async throws {
        try await withTestApp(database, now: { Date(timeIntervalSince1970: 1_800_000_000) }) { app in
            let s = try await scenario(app)
            let id = s.ana
            try await addCashierWork(s)
            let reservation = try await reserveKassa(s)
            #expect(try await s.fund.post("/fonds/reserveringen/\(reservation)/goedkeuren", [:]).status == .seeOther)

            // The worker cancels: every point goes back where it came from.
            #expect(try await s.worker.post("/leermiles/reserveringen/\(reservation)/annuleren", [:]).status == .seeOther)
            #expect(try await LedgerStore(database: app.db).accounts(worker: id) == [.worker(id): Miles(100), .worker(id, pot: "oo-fonds"): Miles(40), .reserved(id): .zero])
            #expect(try await s.worker.post("/leermiles/reserveringen/\(reservation)/annuleren", [:]).status == .conflict)

            // The yearly statement: every posting with the running total; a year outside the account is refused.
            let year = Day(now, in: Day.dutch).year
            let csv = try await s.worker.get("/leermiles/jaaroverzicht.csv?jaar=\(year)")
            #expect(csv.status == .ok && csv.headers.first(name: .contentDisposition)?.contains("jaaroverzicht-leermiles-\(year).csv") == true)
            let lines = csv.body.string.split(separator: "\n")
            #expect(lines.first == "date,description,reason,counterpart,change,reserved_change,total_after,reserved_after,key")
            #expect(lines.count == 8, "header, opening, two earnings, two reserve legs, two release legs")
            #expect(lines.last?.hasSuffix(",140,0,release:\(reservation):worker:\(id)") == true)
            let pdf = try await s.worker.get("/leermiles/jaaroverzicht.pdf?jaar=\(year)")
            #expect(pdf.status == .ok && pdf.body.string.hasPrefix("%PDF-"))
            let bad = try await s.worker.get("/leermiles/jaaroverzicht.pdf?jaar=1999")
            #expect(bad.status == .badRequest && bad.body.string.contains("Kies een jaar van \(year) tot en met \(year)"))

            // The GDPR export carries the same statement, one CSV per year.
            let zip = String(decoding: Data(try await s.worker.get("/paspoort/export.zip").body.readableBytesView), as: UTF8.self)
            #expect(zip.contains("loopbrug-export/leermiles-\(year).csv") && zip.contains(",140,0,release:\(reservation):worker:\(id)"))

            // More points: the tip gets its button; reserved through it, the course is no tip any more.
            _ = try await LedgerStore(database: app.db).postEarnings([
                Posting(key: "e-more", from: .funder("werkfonds"), to: .worker(id), amount: Miles(20), reason: .workHours, cause: "rule:t", at: now)
            ])
            let page2 = try await s.worker.get("/leermiles").body.string
            #expect(page2.contains("Reserveer 30 leermiles"))
            let marker = "name=\"request\" value=\""
            let start = try #require(page2.range(of: marker)?.upperBound)
            let tipRequest = String(page2[start...].prefix { $0 != "\"" })
            #expect(try await s.worker.post("/leermiles/reserveren", ["course": "schoon", "request": tipRequest]).status == .seeOther)
            func tipsPart(_ page: String) -> Substring { page[..<(page.range(of: "<h2>Mijn reserveringen</h2>")?.lowerBound ?? page.endIndex)] }
            #expect(tipsPart(page2).contains("<h3>Schoonmaak basis</h3>"))
            let page3 = try await s.worker.get("/leermiles").body.string
            #expect(!tipsPart(page3).contains("<h3>Schoonmaak basis</h3>") && page3.contains("<h3>Schoonmaak basis</h3>"), "a reservation now, no longer a tip")

            let all = try await LedgerStore(database: app.db).everything()
            #expect(LedgerAudit.breaches(postings: all.postings, storedBalances: all.balances, reservations: all.reservations).isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aFundCountsPeopleNotReservations(_ database: TestDatabase) async throws {
        try await withTestApp(database, now: { Date(timeIntervalSince1970: 1_800_000_000) }) { app in
            // Five people each reserve two courses from the fund's pot: that is 5 people, never 10.
            guard case .imported = try await app.careerImports.courses(Array(ReservationTests.courses.utf8)) else { Issue.record("the courses should import"); return }
            try await LeermilesStore(database: app.db).addRule(
                AccrualRule(
                    id: "fund", kind: .contribution(amount: Miles(200), every: .once), funder: "oo",
                    from: Day(iso: "2026-01-01")!, requiresApproval: true), now: now)
            _ = try await LedgerStore(database: app.db).postEarnings(
                (0..<5).map {
                    Posting(key: "e\($0)", from: .funder("oo"), to: .worker("w\($0)", pot: "oo"), amount: Miles(200), reason: .contribution, cause: "rule:fund", at: now)
                })
            for w in 0..<5 {
                for course in ["kassa", "schoon"] {
                    _ = try await app.courseReservations.reserve(worker: "w\(w)", courseID: course, requestID: "r\(w)-\(course)", cause: "user:w\(w)")
                }
            }
            let use = try await FunderStore(database: app.db).potUse(funder: "oo")
            #expect(use.byState[.awaitingApproval] == .init(workers: PublishedCount(5), amount: Miles(750)))
            #expect(use.byCourse.isEmpty, "nothing is reserved or paid until the fund approves")
            #expect(use.byState[.awaitingApproval]!.workers.description == "x", "the store hands out a count under 10 only as x")
        }
    }
}
