import Foundation
import Identifiers
import Insight
import Leermiles
import Localization
import Passport
import Taxonomy
import Testing

@testable import App

/// Representative pages rendered from plain values (no server, no request) and compared with the
/// HTML stored in Tests/AppTests/Snapshots. A change to a page shows up here as a diff; when the
/// change is meant, run the tests with LOOPBRUG_UPDATE_SNAPSHOTS=1 and commit the new files.
@Suite struct PageSnapshotTests {
    static let worker = SignedInUser(
        id: UserID(UUID(uuidString: "6f1c2b9e-0000-4000-8000-000000000001")!), email: "zoe@example.nl",
        name: "Zoë <Çelik>", role: .worker)
    static let coach = SignedInUser(
        id: UserID(UUID(uuidString: "6f1c2b9e-0000-4000-8000-000000000002")!), email: "coach@example.nl",
        name: "Coach Kees", role: .coach)

    func context(_ lang: Lang = .nl, _ user: SignedInUser? = nil) -> PageContext {
        PageContext(lang: lang, user: user, returnPath: ReturnPath("/beroepen?q=kassa"), formToken: { "csrf-token-for-tests" })
    }

    /// Compares with the stored file (or writes it when asked to); an indented copy makes diffs readable.
    func expectSnapshot(_ page: Node, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let html = "<!doctype html>\n" + page.render().replacingOccurrences(of: "><", with: ">\n<") + "\n"
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots/\(name).html")
        if ProcessInfo.processInfo.environment["LOOPBRUG_UPDATE_SNAPSHOTS"] == "1" {
            try html.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let stored = try? String(contentsOf: url, encoding: .utf8)
        #expect(stored != nil, "no snapshot \(name).html yet: run with LOOPBRUG_UPDATE_SNAPSHOTS=1", sourceLocation: sourceLocation)
        guard let stored, stored != html else { return }
        let old = stored.split(separator: "\n", omittingEmptySubsequences: false), new = html.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
        Issue.record(
            """
            \(name).html differs from line \(first + 1):
              stored:   \(first < old.count ? old[first] : "(end)")
              rendered: \(first < new.count ? new[first] : "(end)")
            If the change is meant, run with LOOPBRUG_UPDATE_SNAPSHOTS=1.
            """, sourceLocation: sourceLocation)
    }

    @Test func homePageForAVisitor() throws {
        try expectSnapshot(HomePage.render(context()), named: "home-nl")
        try expectSnapshot(HomePage.render(context(.en)), named: "home-en")
    }

    @Test func occupationPageWithADutchDescriptionAndEnglishOnlySkills() throws {
        let index = TaxonomyIndex(dataset: Fixtures.taxonomy)
        let cashier = try #require(index.occupation(id: "2b871272-bd61-4206-bd1a-0b96d7023098"))
        try expectSnapshot(
            OccupationPages.detail(
                context(.nl, Self.worker), occupation: cashier, profile: index.profile(of: cashier),
                isco: index.iscoGroup(code: cashier.iscoGroup)), named: "occupation-nl")
    }

    @Test func accountPageOfAWorkerEscapesTheirName() throws {
        try expectSnapshot(AccountPages.account(context(.nl, Self.worker), user: Self.worker), named: "account-worker-nl")
    }

    @Test func uploadPageWithProblemsPerLine() throws {
        let problems = [
            LineProblem(line: 3, .signature("the signature does not match the issuer's key")),
            LineProblem(line: 7, .schema(path: "credentialSubject.period.start", reason: "must be a real date written YYYY-MM-DD")),
        ]
        try expectSnapshot(UploadPages.form(context(.nl, Self.worker), outcome: .problems(file: "week-12.jsonl", problems)), named: "upload-problems-nl")
    }

    @Test func fundPageShowsSmallGroupsAsX() throws {
        let figures = FunderFigures(
            funder: .init(id: "oo", name: "O&O-fonds Schoonmaak"),
            given: [
                .init(reason: .contribution, postings: 40, workers: PublishedCount(25), amount: Miles(5000)),
                .init(reason: .workHours, postings: 3, workers: PublishedCount(3), amount: Miles(12)),
            ],
            workers: PublishedCount(26), reversed: Miles(2),
            use: FunderStore.PotUse(byState: [.open: .init(workers: PublishedCount(4), amount: Miles(600))], byCourse: [:], unnamedCourses: 1),
            namedCourses: [], waiting: [], consenting: [])
        try expectSnapshot(FunderPages.page(context(.nl, Self.coach), [figures], notice: nil), named: "fund-nl")
    }

    @Test func errorPageInEnglish() throws {
        try expectSnapshot(ErrorPage.render(context(.en), .notFound, reason: "This page does not exist."), named: "error-en")
    }
}
