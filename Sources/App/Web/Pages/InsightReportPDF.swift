import Foundation
import Insight
import KlusCV
import Localization

/// The municipal report as a PDF: the words of `InsightReportText`, as on the page.
public enum InsightReportPDF {
    public static func pdf(_ r: InsightReport, lang: Lang, madeOn: String) throws -> Data {
        let text = InsightReportText(r, lang: lang)
        var blocks: [ReportDocument.Block] = text.introduction.map { .paragraph($0) } + [.paragraph(text.disclosureNote)]
        blocks += [.heading(text.clustersHeading), .paragraph(text.method)]
        for p in r.profiles {
            blocks.append(.paragraph(([text.profileTitle(p), text.profileDescription(p)] + text.profileFeatures(p)).joined(separator: "\n")))
        }
        blocks += [.bars(caption: text.silhouetteHeading, text.silhouettes), .paragraph(text.silhouetteCaption)]
        if let robustness = text.robustness { blocks.append(.paragraph(robustness)) }
        blocks.append(.heading(text.tablesHeading))
        for table in r.tables {
            blocks.append(.table(caption: Labels.variable(table.variable, lang: lang), header: text.tableHeader, rows: text.rows(table)))
        }
        return try ReportRenderer.pdf(ReportDocument(title: text.title, footer: "Loopbrug · \(text.title) · \(madeOn)", blocks: blocks))
    }
}
