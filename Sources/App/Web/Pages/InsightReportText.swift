import Foundation
import Insight
import Localization

/// The report's sentences and table cells, written once for the page and the PDF (which differ
/// only in layout). Every count passes through `InsightNumbers`, so under 10 reads "x".
struct InsightReportText {
    let report: InsightReport
    let lang: Lang
    let f: InsightNumbers

    init(_ report: InsightReport, lang: Lang) {
        self.report = report
        self.lang = lang
        f = InsightNumbers(lang: lang)
    }

    func t(_ nl: String, _ en: String) -> String { lang.isEnglish ? en : nl }

    var title: String { t("Kwetsbare werkenden in ", "Vulnerable workers in ") + report.municipality }

    /// Size of the group, the definition, the self-employed group, and the disclosure rule.
    var introduction: [String] {
        let r = report
        var lines = [
            t(
                "\(f.count(r.group)) van de \(f.count(r.population)) werkenden in dit bestand horen bij de groep kwetsbare werkenden (\(f.percent(r.group, of: r.population))).",
                "\(f.count(r.group)) of the \(f.count(r.population)) workers in this file are in the group of vulnerable workers (\(f.percent(r.group, of: r.population)))."),
            t("Definitie: ", "Definition: ") + definition,
        ]
        if let selfEmployed = r.vulnerableSelfEmployed {
            lines.append(
                t(
                    "Apart: \(f.count(selfEmployed)) zelfstandigen die kostwinner zijn maar niet financieel onafhankelijk (niet geclusterd).",
                    "Separately: \(f.count(selfEmployed)) self-employed breadwinners who are not economically independent (not clustered)."))
        }
        return lines
    }

    var disclosureNote: String {
        t(
            "Aantallen onder 10 staan er als x. Soms is ook een groter aantal verborgen, zodat je een x niet kunt uitrekenen.",
            "Counts under 10 are shown as x. Sometimes a larger count is hidden too, so that an x cannot be worked out.")
    }

    var definition: String {
        switch (report.definition.flexContract, report.definition.noStartingQualification) {
        case (true, true):
            t(
                "werknemers met een flexcontract (geen bepaalde tijd) en/of zonder startkwalificatie (opleiding laag)",
                "employees with a flex contract (not fixed-term) and/or without a starting qualification (education low)")
        case (true, false): t("werknemers met een flexcontract (geen bepaalde tijd)", "employees with a flex contract (not fixed-term)")
        default: t("werknemers zonder startkwalificatie (opleiding laag)", "employees without a starting qualification (education low)")
        }
    }

    var clustersHeading: String { t("Groepen (clusters)", "Groups (clusters)") }

    var method: String {
        let a = report.analysis, name = a.method == .pam ? "PAM" : "CLARA"
        return t(
            "\(f.count(report.clustered)) mensen zijn ingedeeld; \(f.count(report.unknownIncome)) met onbekend inkomen niet. Methode: \(name) met Gower-afstand. Gekozen: \(a.chosen.k) groepen.",
            "\(f.count(report.clustered)) people were grouped; \(f.count(report.unknownIncome)) with unknown income were not. Method: \(name) with Gower distance. Chosen: \(a.chosen.k) groups.")
    }

    func profileTitle(_ p: ClusterProfile) -> String {
        let size = p.sizeHidden ? "x \(t("mensen", "people"))" : "\(f.count(p.size)) \(t("mensen", "people")) (\(f.whole(p.percent))%)"
        return "\(t("Groep", "Group")) \(p.number) · \(size)"
    }

    func profileDescription(_ p: ClusterProfile) -> String { lang.isEnglish ? p.descriptionEnglish : p.descriptionDutch }

    /// "Leeftijd: 57% jonger dan 25, 35% 25 tot 35", …, then the medians.
    func profileFeatures(_ p: ClusterProfile) -> [String] {
        var lines = [TableVariable.age, .sex, .household, .education, .income, .breadwinner, .contract, .hours, .sector].compactMap { v -> String? in
            guard let shares = p.dominant[v] else { return nil }
            return Labels.variable(v, lang: lang) + ": "
                + shares.map { "\(f.whole($0.percent))% \(Labels.category(v, $0.category, lang: lang).lowercased())" }.joined(separator: ", ")
        }
        if let age = p.medianAge { lines.append(t("Mediaan leeftijd: ", "Median age: ") + f.whole(age)) }
        if let income = p.medianIncome { lines.append(t("Mediaan inkomen: € ", "Median income: € ") + f.count(Int(income.rounded()))) }
        return lines
    }

    /// Each k's label ("5 (gekozen)"), its bar length relative to the best, and its silhouette.
    var silhouettes: [(label: String, fraction: Double, value: String)] {
        let a = report.analysis, best = max(0.001, a.runs.map(\.silhouette).max() ?? 0)
        return a.runs.map { ("\($0.k) \(t("groepen", "groups"))" + ($0.k == a.chosen.k ? t(" (gekozen)", " (chosen)") : ""), max(0, $0.silhouette) / best, f.decimal($0.silhouette)) }
    }

    var silhouetteHeading: String {
        t("Hoe goed passen de groepen? (silhouet per aantal groepen)", "How well do the groups fit? (silhouette per number of groups)")
    }

    var silhouetteCaption: String {
        t(
            "Hoger is beter; de studie in Almere vond 0,20 bij 2 en 0,19 bij 5 groepen.",
            "Higher is better; the Almere study found 0.20 for 2 and 0.19 for 5 groups.")
    }

    var robustness: String? {
        let values = report.analysis.robustness
        guard !values.isEmpty else { return nil }
        return t(
            "Stabiliteit: vijf keer opnieuw ingedeeld met 80% van de mensen; overeenkomst met de volledige indeling (adjusted Rand index, 1 = gelijk): ",
            "Stability: grouped five more times with 80% of the people; agreement with the full grouping (adjusted Rand index, 1 = the same): ")
            + values.map(f.decimal).joined(separator: ", ") + "."
    }

    var tablesHeading: String { t("Kenmerken van de groep en van iedereen in het bestand", "The group and everyone in the file") }

    var tableHeader: [String] { ["", t("Groep", "Group"), "%", t("Iedereen", "Everyone"), "%"] }

    /// Category, group count and share, everyone's count and share; hidden cells as "x".
    func rows(_ table: FrequencyTable) -> [[String]] {
        table.categories.indices.map { i in
            [
                Labels.category(table.variable, table.categories[i], lang: lang),
                table.groupHidden[i] ? "x" : f.count(table.group[i]), table.groupHidden[i] ? "x" : f.percent(table.group[i], of: table.groupTotal),
                table.populationHidden[i] ? "x" : f.count(table.population[i]), table.populationHidden[i] ? "x" : f.percent(table.population[i], of: table.populationTotal),
            ]
        }
    }
}
/// Numbers as the report prints them: "16.073" and "50%" in Dutch, "16,073" and "50%" in English;
/// any count under 10 as "x".
struct InsightNumbers {
    let lang: Lang

    func count(_ n: Int) -> String {
        guard Disclosure.isSafe(n) else { return "x" }
        return whole(Double(n))
    }

    func whole(_ x: Double) -> String {
        let digits = String(Int(x.rounded()))
        var out = ""
        for (i, c) in digits.reversed().enumerated() {
            if i > 0, i % 3 == 0, c != "-" { out.append(lang.isEnglish ? "," : ".") }
            out.append(c)
        }
        return String(out.reversed())
    }

    func percent(_ part: Int, of total: Int) -> String {
        guard Disclosure.isSafe(part), total > 0 else { return "x" }
        return whole(100 * Double(part) / Double(total)) + "%"
    }

    func decimal(_ x: Double) -> String {
        let s = String(format: "%.2f", x)
        return lang.isEnglish ? s : s.replacingOccurrences(of: ".", with: ",")
    }
}
