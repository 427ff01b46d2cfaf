import CSV
import Days
import Fluent
import Foundation
import KlusCV
import Leermiles
import Localization

/// The yearly statement as files: CSV for a spreadsheet (stable English column names, one row per
/// posting, opening balance first) and a PDF to keep or show, like a pension statement.
public enum LeermilesStatementFiles {
    static func statement(_ overview: LeermilesOverview, year: Int) -> YearStatement {
        YearStatement(worker: overview.worker, year: year, postings: overview.postings, timeZone: Day.dutch)
    }

    /// "Bijdrage van Schoonmaak Direct", "Betaald voor een cursus: Omgaan met klanten".
    static func describe(_ line: YearStatement.Line, _ overview: LeermilesOverview, lang: Lang) -> String {
        let words = LeermilesText.reason(line.reason, lang: lang)
        if let reservation = line.reservation, let row = overview.reservations.first(where: { $0.id == reservation }) {
            return words + ": " + overview.title(ofCourse: row.courseID)
        }
        if line.counterpart.kind == .funder { return words + (lang.isEnglish ? " from " : " van ") + overview.name(ofFunder: line.counterpart.owner) }
        return words
    }

    static func csv(_ s: YearStatement, _ overview: LeermilesOverview, lang: Lang) -> String {
        let field = CSVWriter.field
        var out = "date,description,reason,counterpart,change,reserved_change,total_after,reserved_after,key\n"
        out += "\(s.year)-01-01,\(field(lang.isEnglish ? "Balance on 1 January" : "Stand op 1 januari")),opening_balance,,,,\(s.openingTotal),\(s.openingReserved),\n"
        for line in s.lines {
            out +=
                [
                    line.day.description, field(describe(line, overview, lang: lang)), line.reason.rawValue, field(line.counterpart.description),
                    line.change.description, line.reservedChange.description, line.totalAfter.description, line.reservedAfter.description, field(line.key),
                ]
                .joined(separator: ",") + "\n"
        }
        return out
    }

    static func pdf(_ s: YearStatement, _ overview: LeermilesOverview, workerName: String, lang: Lang) throws -> Data {
        func m(_ x: Miles) -> String { LeermilesText.miles(x, lang: lang) }
        let t = { (nl: String, en: String) in lang.isEnglish ? en : nl }
        let untilToday = s.year == overview.today.year
        let closingDay = untilToday ? LeermilesText.day(overview.today, lang: lang) : t("31 december", "31 December")
        var blocks: [ReportDocument.Block] = [
            .paragraph(
                t(
                    "Voor \(workerName). Gemaakt op \(LeermilesText.day(overview.today, lang: lang)).",
                    "For \(workerName). Made on \(LeermilesText.day(overview.today, lang: lang)).")),
            .paragraph(
                t(
                    "Leermiles zijn punten voor cursussen en opleidingen. 1 leermile is € 1 waard bij een cursus uit de lijst van Loopbrug.",
                    "Leermiles are points for courses and training. 1 leermile is worth € 1 for a course from Loopbrug's list.")),
            .table(
                caption: t("Samenvatting \(s.year)", "Summary \(s.year)"), header: ["", t("Leermiles", "Leermiles")],
                rows: [
                    [t("Stand op 1 januari", "Balance on 1 January"), m(s.openingTotal)],
                    [t("Verdiend", "Earned"), m(s.earned)],
                    [t("Betaald voor cursussen", "Paid for courses"), m(s.spent)],
                    [t("Stand op \(closingDay)", "Balance on \(closingDay)"), m(s.closingTotal)],
                    [t("Waarvan apart gezet voor cursussen", "Of which set aside for courses"), m(s.closingReserved)],
                ]),
        ]
        if s.lines.isEmpty {
            blocks.append(.paragraph(t("In \(s.year) is er niets bij of af gegaan.", "Nothing came in or went out in \(s.year).")))
        } else {
            blocks.append(
                .table(
                    caption: t("Alles wat bij of af ging", "Everything that came in or went out"),
                    header: [t("Datum en omschrijving", "Date and description"), t("Bij of af", "In or out"), t("Stand", "Balance")],
                    rows: s.lines.map { line in
                        // Reserving and releasing move points within the total: say which way.
                        let change =
                            line.change != .zero
                            ? (line.change > .zero ? "+" : "") + m(line.change)
                            : line.reservedChange > .zero
                                ? t("apart gezet", "set aside") + " " + m(line.reservedChange)
                                : t("terug", "back") + " " + m(-line.reservedChange)
                        return [LeermilesText.day(line.day, lang: lang) + "  " + describe(line, overview, lang: lang), change, m(line.totalAfter)]
                    }))
        }
        if untilToday && overview.earnings.nextTwelveMonths > .zero {
            blocks.append(
                .paragraph(
                    t(
                        "Als je blijft werken zoals nu, komen er de komende 12 maanden ongeveer \(m(overview.earnings.nextTwelveMonths)) leermiles bij.",
                        "If you keep working as now, about \(m(overview.earnings.nextTwelveMonths)) leermiles come in over the next 12 months.")))
        }
        let doc = ReportDocument(
            title: t("Jaaroverzicht leermiles \(s.year)", "Leermiles statement \(s.year)"),
            footer: t("Loopbrug · jaaroverzicht leermiles \(s.year)", "Loopbrug · leermiles statement \(s.year)"), blocks: blocks)
        return try ReportRenderer.pdf(doc)
    }
}

extension LeermilesStatementFiles {
    public struct Files: Sendable {
        public let year: Int
        public let lines: Int
        public let closing: String
        public let pdf: Data
        public let csv: String
    }

    /// A year before the account's first posting or after this year.
    public struct YearProblem: Error, CustomStringConvertible {
        public let year: String
        public let first: Int
        public let last: Int
        public var description: String { "--year: \(year) is outside this account's years (\(first)–\(last))" }
    }

    /// The statement of `year` (this year when nil) with what describes it, for the web and the CLI.
    /// `careerData` gives the course titles; nil shows course ids.
    public static func prepare(
        worker: String, year: String?, lang: Lang, database: any Database, now: Date,
        careerData: CareerData.Snapshot?
    ) async throws -> (statement: YearStatement, overview: LeermilesOverview) {
        let overview = try await LeermilesOverview.load(worker: worker, lang: lang, database: database, now: now, careerData: careerData)
        let text = year ?? String(overview.today.year)
        guard let y = Int(text), overview.statementYears.contains(y) else {
            throw YearProblem(year: text, first: overview.statementYears.last!, last: overview.today.year)
        }
        return (statement(overview, year: y), overview)
    }

    /// Both files, as the CLI writes them.
    public static func files(
        worker: String, name: String, year: Int?, lang: Lang, database: any Database, now: Date,
        careerData: CareerData.Snapshot?
    ) async throws -> Files {
        let (statement, overview) = try await prepare(
            worker: worker, year: year.map(String.init), lang: lang, database: database, now: now,
            careerData: careerData)
        return Files(
            year: statement.year, lines: statement.lines.count, closing: statement.closingTotal.description,
            pdf: try pdf(statement, overview, workerName: name, lang: lang), csv: csv(statement, overview, lang: lang))
    }
}
