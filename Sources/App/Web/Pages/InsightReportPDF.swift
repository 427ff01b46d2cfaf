import Foundation
import Insight
import KlusCV

/// The municipal report as a PDF, with the same content and disclosure control as the page.
public enum InsightReportPDF {
    public static func pdf(_ r: InsightReport, english: Bool, madeOn: String) throws -> Data {
        func t(_ nl: String, _ en: String) -> String { english ? en : nl }
        let f = InsightNumbers(english: english)
        let a = r.analysis
        var blocks: [ReportDocument.Block] = [
            .paragraph(t("\(f.count(r.group)) van de \(f.count(r.population)) werkenden in dit bestand horen bij de groep kwetsbare werkenden (\(f.percent(r.group, of: r.population))).",
                         "\(f.count(r.group)) of the \(f.count(r.population)) workers in this file are in the group of vulnerable workers (\(f.percent(r.group, of: r.population))).")),
            .paragraph(t("Definitie: ", "Definition: ") + InsightReportView.definition(r.definition, english: english)),
        ]
        if let selfEmployed = r.vulnerableSelfEmployed {
            blocks.append(.paragraph(t("Apart: \(f.count(selfEmployed)) zelfstandigen die kostwinner zijn maar niet financieel onafhankelijk (niet geclusterd).",
                                       "Separately: \(f.count(selfEmployed)) self-employed breadwinners who are not economically independent (not clustered).")))
        }
        blocks.append(.paragraph(t("Aantallen onder 10 staan er als x; soms is ook een groter aantal verborgen, zodat je een x niet kunt uitrekenen.",
                                   "Counts under 10 are shown as x; sometimes a larger count is hidden too, so that an x cannot be worked out.")))
        blocks.append(.heading(t("Groepen (clusters)", "Groups (clusters)")))
        blocks.append(.paragraph(t(
            "\(f.count(r.clustered)) mensen zijn ingedeeld; \(f.count(r.unknownIncome)) met onbekend inkomen niet. Methode: \(a.method == .pam ? "PAM" : "CLARA") met Gower-afstand. Gekozen: \(a.chosen.k) groepen.",
            "\(f.count(r.clustered)) people were grouped; \(f.count(r.unknownIncome)) with unknown income were not. Method: \(a.method == .pam ? "PAM" : "CLARA") with Gower distance. Chosen: \(a.chosen.k) groups.")))
        for p in r.profiles {
            var lines = ["\(t("Groep", "Group")) \(p.number): \(english ? p.descriptionEnglish : p.descriptionDutch)",
                         "\(t("Aantal", "People")): " + (p.sizeHidden ? "x" : "\(f.count(p.size)) (\(f.whole(p.percent))%)")]
            for v in [TableVariable.age, .sex, .household, .education, .income, .breadwinner, .contract, .hours, .sector] {
                guard let shares = p.dominant[v] else { continue }
                lines.append(Labels.variable(v, english: english) + ": " + shares.map { "\(f.whole($0.percent))% \(Labels.category(v, $0.category, english: english).lowercased())" }.joined(separator: ", "))
            }
            if let age = p.medianAge { lines.append(t("Mediaan leeftijd: ", "Median age: ") + f.whole(age)) }
            if let income = p.medianIncome { lines.append(t("Mediaan inkomen: € ", "Median income: € ") + f.count(Int(income.rounded()))) }
            blocks.append(.paragraph(lines.joined(separator: "\n")))
        }
        let best = max(0.001, a.runs.map(\.silhouette).max() ?? 0)
        blocks.append(.bars(caption: t("Silhouet per aantal groepen (hoger is beter)", "Silhouette per number of groups (higher is better)"),
                            a.runs.map { ("\($0.k) \(t("groepen", "groups"))\($0.k == a.chosen.k ? t(" (gekozen)", " (chosen)") : "")", max(0, $0.silhouette) / best, f.decimal($0.silhouette)) }))
        if !a.robustness.isEmpty {
            blocks.append(.paragraph(t("Stabiliteit (vijf keer 80% van de mensen, adjusted Rand index, 1 = gelijk): ", "Stability (five times 80% of the people, adjusted Rand index, 1 = the same): ")
                + a.robustness.map(f.decimal).joined(separator: ", ")))
        }
        blocks.append(.heading(t("Kenmerken van de groep en van iedereen in het bestand", "The group and everyone in the file")))
        for table in r.tables {
            let rows = table.categories.indices.map { i -> [String] in
                [Labels.category(table.variable, table.categories[i], english: english),
                 table.groupHidden[i] ? "x" : f.count(table.group[i]), table.groupHidden[i] ? "x" : f.percent(table.group[i], of: table.groupTotal),
                 table.populationHidden[i] ? "x" : f.count(table.population[i]), table.populationHidden[i] ? "x" : f.percent(table.population[i], of: table.populationTotal)]
            }
            blocks.append(.table(caption: Labels.variable(table.variable, english: english),
                                 header: ["", t("Groep", "Group"), "%", t("Iedereen", "Everyone"), "%"], rows: rows))
        }
        let title = t("Kwetsbare werkenden in ", "Vulnerable workers in ") + r.municipality
        return try ReportRenderer.pdf(ReportDocument(title: title, footer: "Loopbrug · \(title) · \(madeOn)", blocks: blocks))
    }
}
