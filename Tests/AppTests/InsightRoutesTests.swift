import Accounts
import Foundation
import Insight
import SQLKit
import Testing
import VaporTesting

@testable import App

/// The analyst's page: upload, run, report and PDF; kept files; bad input; and that no one but
/// the analyst who uploaded sees anything of it.
@Suite struct InsightRoutesTests {
    /// 300 people in the group and 200 others: big enough for clusters of 10 and more.
    static let csv = String(decoding: PersonRecordWriter.csv(SyntheticPopulation.generate(n: 300, seed: 4, others: 200, municipality: "Testdorp")), as: UTF8.self)

    @Test(arguments: TestDatabase.available)
    func analystUploadsFollowsTheRunAndGetsTheReport(_ database: TestDatabase) async throws {
        try await withTestApp(database, seedTaxonomy: false) { app in
            let analyst = try await signedIn(app, "analist@test.nl")
            let page = try await analyst.get("/analyse")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Nieuwe analyse"))

            // Not kept: the run ends in the report and nothing is stored.
            let runURL = try await start(analyst, fields: ["definition": "flex,laag", "k": "3"])
            try await waitUntilFinished(analyst, runURL)
            let report = try await analyst.get(runURL)
            #expect(report.status == .ok)
            #expect(report.headers.first(name: .cacheControl) == "no-store")
            let html = report.body.string
            #expect(html.contains("Kwetsbare werkenden in Testdorp"))
            #expect(html.contains("Groep 3 ·"))
            #expect(!html.contains("Groep 4 ·"), "the analyst chose 3 clusters")
            #expect(html.contains("Het bestand is niet bewaard."))
            #expect(Self.smallCounts(in: html).isEmpty, "no count under 10: \(Self.smallCounts(in: html))")
            #expect(try await keptFiles(app) == 0)

            let pdf = try await analyst.get(runURL + "/rapport.pdf")
            #expect(pdf.status == .ok)
            #expect(pdf.headers.contentType?.subType == "pdf")
            #expect(pdf.body.readableBytesView.starts(with: Array("%PDF".utf8)))

            // English: the same run, in English.
            _ = try await analyst.get("/taal/en")
            #expect(try await analyst.get(runURL).body.string.contains("Vulnerable workers in Testdorp"))
            _ = try await analyst.get("/taal/nl")

            // Kept: stored once it reads, listed, and usable for a second run with other settings.
            let keptRun = try await start(analyst, fields: ["keep": "ja"])
            try await waitUntilFinished(analyst, keptRun)
            #expect(try await analyst.get(keptRun).body.string.contains("Het bestand is bewaard"))
            #expect(try await keptFiles(app) == 1)
            let list = try await analyst.get("/analyse").body.string
            let fileID = try #require(Self.value(after: "<option value=\"", in: list, skipping: "new"))
            let again = try await analyst.post("/analyse", ["source": fileID, "definition": "flex", "k": "auto"])
            #expect(again.status == .seeOther)
            let againURL = try #require(again.headers.first(name: .location))
            try await waitUntilFinished(analyst, againURL)
            #expect(try await analyst.get(againURL).body.string.contains("Groep: flexcontract ·"))

            // Another analyst sees none of it, and cannot use or delete the kept file.
            let other = try await signedIn(app, "ander@test.nl")
            for path in [runURL, runURL + "/status", runURL + "/rapport.pdf"] {
                #expect(try await other.get(path).status == .notFound, "\(path) for another analyst")
            }
            #expect(try await other.post(runURL + "/verwijderen", [:]).status == .notFound)
            #expect(try await other.post("/analyse", ["source": fileID]).status == .notFound)
            #expect(try await other.post("/analyse/bestanden/\(fileID)/verwijderen", [:]).status == .notFound)
            #expect(!(try await other.get("/analyse").body.string.contains(fileID)))
            #expect(try await keptFiles(app) == 1)

            // The owner deletes the result and the file.
            #expect(try await analyst.post(runURL + "/verwijderen", [:]).status == .seeOther)
            #expect(try await analyst.get(runURL).status == .notFound)
            #expect(try await analyst.post("/analyse/bestanden/\(fileID)/verwijderen", [:]).status == .seeOther)
            #expect(try await keptFiles(app) == 0)
        }
    }

    @Test func badInputIsRefusedWithWhereAndWhyAndNothingIsKept() async throws {
        try await withTestApp(seedTaxonomy: false) { app in
            let analyst = try await signedIn(app, "analist@test.nl")
            func refused(_ content: String, _ fields: [String: String], _ status: HTTPStatus, _ message: String) async throws {
                let response = try await analyst.upload("/analyse", field: "file", filename: "data.csv", content: content, fields: fields)
                #expect(response.status == status, "\(fields)")
                #expect(response.body.string.contains(message), "\(fields): \(message)")
            }
            try await refused("", [:], .unprocessableEntity, "Kies een CSV-bestand dat niet leeg is.")
            try await refused(Self.csv, ["definition": "zzp"], .unprocessableEntity, "Kies wie er tot de groep horen.")
            try await refused(Self.csv, ["k": "9"], .unprocessableEntity, "Kies 2 tot 8 clusters")
            try await refused(Self.csv, ["k": "drie"], .unprocessableEntity, "Kies 2 tot 8 clusters")

            // A file with bad lines: every problem with line and column, and not kept though asked.
            var lines = Self.csv.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            lines[2] = lines[2].replacingOccurrences(of: ",man,", with: ",mens,").replacingOccurrences(of: ",vrouw,", with: ",mens,")
            lines[5] = "7,oud"
            let run = try await start(analyst, content: lines.joined(separator: "\n"), fields: ["keep": "ja"])
            try await waitUntilFinished(analyst, run)
            let page = try await analyst.get(run).body.string
            #expect(page.contains("is niet geanalyseerd: 2 fouten. Er is niets bewaard."))
            #expect(page.contains("Regel 3, kolom sex: "))
            #expect(page.contains("Regel 6: "))
            #expect(try await keptFiles(app) == 0)
            #expect(try await analyst.get(run + "/rapport.pdf").status == .notFound)

            // Nobody in the group: said so, no report.
            let nobody = PersonRecord.columns.joined(separator: ",") + "\n1,40,man,alleenstaande,hoog,30000,vast,,35+,Q,1,ja,Testdorp\n"
            let empty = try await start(analyst, content: nobody, fields: [:])
            try await waitUntilFinished(analyst, empty)
            #expect(try await analyst.get(empty).body.string.contains("Minder dan twee mensen in het bestand horen bij de groep"))

            // A group whose incomes are all empty (it stopped the server): said so, and the server goes on.
            let rows = (1...3).map { "\($0),40,man,alleenstaande,laag,,flex,,12-20,N,1,nee,Testdorp" }
            let noIncome = try await start(analyst, content: PersonRecord.columns.joined(separator: ",") + "\n" + rows.joined(separator: "\n") + "\n", fields: [:])
            try await waitUntilFinished(analyst, noIncome)
            let noIncomePage = try await analyst.get(noIncome).body.string
            #expect(
                noIncomePage.contains("Voor 2 clusters zijn minstens 4 mensen met een bekend inkomen nodig. In de groep hebben 0 mensen een bekend inkomen; bij 3 is de kolom income_eur leeg."),
                "\(noIncomePage)")
            #expect(try await analyst.get("/analyse").status == .ok)

            // Larger than the limit: refused before anything is read.
            let huge = String(repeating: "x", count: app.config.insightUploadLimitBytes + 1)
            #expect(try await analyst.upload("/analyse", field: "file", filename: "groot.csv", content: huge).status == .payloadTooLarge)
        }
    }

    @Test func oneRunAtATimePerAnalystThreeInAllAndDeletingTheAccountDeletesTheFiles() async throws {
        try await withTestApp(seedTaxonomy: false) { app in
            let id = try await createUser(app, email: "analist@test.nl", role: .analyst, password: "right password 1")
            let analyst = Browser(app)
            _ = try await analyst.login("analist@test.nl", "right password 1")
            // Hold the runs' queue, so runs stay unfinished until the test lets go.
            let hold = DispatchSemaphore(value: 0)
            app.insightRuns.queue.async { hold.wait() }
            let first = try await start(analyst, fields: ["keep": "ja"])
            let second = try await analyst.upload("/analyse", field: "file", filename: "data.csv", content: Self.csv)
            #expect(second.status == .conflict)
            #expect(second.body.string.contains("Er loopt al een analyse van jou"))
            #expect(try await analyst.get(first + "/status").body.string.contains("\"finished\":false"))

            // Two other analysts fill the queue; a fourth analyst must wait.
            for n in 2...3 { _ = try await start(try await signedIn(app, "analist\(n)@test.nl"), fields: [:]) }
            let fourth = try await signedIn(app, "analist4@test.nl")
            let refused = try await fourth.upload("/analyse", field: "file", filename: "data.csv", content: Self.csv)
            #expect(refused.status == .serviceUnavailable)
            #expect(refused.body.string.contains("Er lopen nu al 3 analyses"))

            hold.signal()
            try await waitUntilFinished(analyst, first)
            #expect(try await keptFiles(app) == 1)
            _ = try await app.accountDeletion.delete(id)
            #expect(try await keptFiles(app) == 0)
            #expect(app.insightRuns.runs(owner: id).isEmpty)
        }
    }

    // MARK: - Helpers

    private func signedIn(_ app: Application, _ email: String) async throws -> Browser {
        _ = try await createUser(app, email: email, role: .analyst, password: "right password 1")
        let browser = Browser(app)
        #expect(try await browser.login(email, "right password 1").status == .seeOther)
        return browser
    }

    /// Uploads a file and returns the run's page (where the form sends the browser).
    private func start(_ browser: Browser, content: String = Self.csv, fields: [String: String]) async throws -> String {
        let response = try await browser.upload("/analyse", field: "file", filename: "testdorp.csv", content: content, fields: fields)
        #expect(response.status == .seeOther, "\(response.body.string.prefix(300))")
        return try #require(response.headers.first(name: .location))
    }

    private func waitUntilFinished(_ browser: Browser, _ runURL: String) async throws {
        for _ in 0..<600 {
            let status = try await browser.get(runURL + "/status").body.string
            if status.contains("\"finished\":true") { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw TestFailure("\(runURL) did not finish within a minute")
    }

    private func keptFiles(_ app: Application) async throws -> Int {
        try await app.db.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("insight_files")
            .first()?.decode(column: "n", as: Int.self) ?? -1
    }

    /// Whole numbers in the report's number cells that are under 10 (percentages excluded).
    static func smallCounts(in html: String) -> [String] {
        html.components(separatedBy: "<td class=\"n\">").dropFirst().compactMap { cell in
            let value = String(cell.prefix { $0 != "<" })
            guard value.allSatisfy({ $0.isNumber || $0 == "." }), let n = Int(value.replacingOccurrences(of: ".", with: "")) else { return nil }
            return n < 10 ? value : nil
        }
    }

    /// The first quoted value after `marker` that is not `skipping`.
    static func value(after marker: String, in text: String, skipping: String) -> String? {
        text.components(separatedBy: marker).dropFirst().map { String($0.prefix { $0 != "\"" }) }.first { $0 != skipping }
    }
}
