import Foundation
import Insight

/// The municipal report as HTML: used by the analyst's page and by `loopbrug insight report`.
/// Every count goes through disclosure control: under 10 it reads "x", and the tables hide the
/// cells that would otherwise follow by subtraction.
public enum InsightReportView {
    public static func body(_ r: InsightReport, english: Bool) -> [Node] {
        func t(_ nl: String, _ en: String) -> String { english ? en : nl }
        let f = InsightNumbers(english: english)
        var out: [Node] = []
        out.append(el("p", ["class": "lead"], text(t(
            "\(f.count(r.group)) van de \(f.count(r.population)) werkenden in dit bestand horen bij de groep kwetsbare werkenden (\(f.percent(r.group, of: r.population))).",
            "\(f.count(r.group)) of the \(f.count(r.population)) workers in this file are in the group of vulnerable workers (\(f.percent(r.group, of: r.population))).")))
        )
        out.append(el("p", text(t("Definitie: ", "Definition: ") + definition(r.definition, english: english))))
        if let selfEmployed = r.vulnerableSelfEmployed {
            out.append(el("p", text(t(
                "Apart: \(f.count(selfEmployed)) zelfstandigen die kostwinner zijn maar niet financieel onafhankelijk (niet geclusterd).",
                "Separately: \(f.count(selfEmployed)) self-employed breadwinners who are not economically independent (not clustered)."))))
        }
        out.append(el("p", ["class": "muted"], text(t(
            "Aantallen onder 10 staan er als x. Soms is ook een groter aantal verborgen, zodat je een x niet kunt uitrekenen.",
            "Counts under 10 are shown as x. Sometimes a larger count is hidden too, so that an x cannot be worked out."))))

        out.append(el("h2", text(t("Groepen (clusters)", "Groups (clusters)"))))
        let a = r.analysis
        out.append(el("p", text(t(
            "\(f.count(r.clustered)) mensen zijn ingedeeld; \(f.count(r.unknownIncome)) met onbekend inkomen niet. Methode: \(a.method == .pam ? "PAM" : "CLARA") met Gower-afstand. Gekozen: \(a.chosen.k) groepen.",
            "\(f.count(r.clustered)) people were grouped; \(f.count(r.unknownIncome)) with unknown income were not. Method: \(a.method == .pam ? "PAM" : "CLARA") with Gower distance. Chosen: \(a.chosen.k) groups."))))
        out.append(profilesTable(r.profiles, english: english, f: f))
        out.append(el("h3", text(t("Hoe goed passen de groepen? (silhouet per aantal groepen)", "How well do the groups fit? (silhouette per number of groups)"))))
        let best = max(0.001, a.runs.map(\.silhouette).max() ?? 0)
        out.append(el("table", ["class": "chart"], children: [
            el("caption", text(t("Hoger is beter; de studie in Almere vond 0,20 bij 2 en 0,19 bij 5 groepen.", "Higher is better; the Almere study found 0.20 for 2 and 0.19 for 5 groups."))),
            el("tr", el("th", ["scope": "col"], text(t("Groepen", "Groups"))), el("th", ["scope": "col"], text(t("Silhouet", "Silhouette"))), el("th", ["scope": "col"], text(""))),
        ] + a.runs.map { run in
            el("tr", el("td", text(String(run.k) + (run.k == a.chosen.k ? t(" (gekozen)", " (chosen)") : ""))),
               el("td", text(f.decimal(run.silhouette))), el("td", bar(max(0, run.silhouette) / best)))
        }))
        if !a.robustness.isEmpty {
            out.append(el("p", text(t(
                "Stabiliteit: vijf keer opnieuw ingedeeld met 80% van de mensen; overeenkomst met de volledige indeling (adjusted Rand index, 1 = gelijk): ",
                "Stability: grouped five more times with 80% of the people; agreement with the full grouping (adjusted Rand index, 1 = the same): ")
                + a.robustness.map(f.decimal).joined(separator: ", ") + ".")))
        }

        out.append(el("h2", text(t("Kenmerken van de groep en van iedereen in het bestand", "The group and everyone in the file"))))
        for table in r.tables { out.append(frequencyTable(table, english: english, f: f)) }
        return out
    }

    /// A whole HTML document (for `loopbrug insight report`), with its own small stylesheet.
    public static func document(_ r: InsightReport, english: Bool) -> String {
        let title = (english ? "Vulnerable workers in " : "Kwetsbare werkenden in ") + r.municipality
        let page = el("html", ["lang": english ? "en" : "nl"],
                      el("head", el("meta", ["charset": "utf-8"]), el("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"]),
                         el("title", text(title)), el("style", text(css))),
                      el("body", el("main", children: [el("h1", text(title))] + body(r, english: english))))
        return "<!doctype html>\n" + page.render()
    }

    static let css = """
    body{font-family:Noto Sans,system-ui,sans-serif;margin:0;color:#1a1a1f;line-height:1.45}main{max-width:60rem;margin:0 auto;padding:1rem}
    table{border-collapse:collapse;margin:0 0 1.5rem;width:100%}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #ccd;vertical-align:top}
    td.n,th.n{text-align:right}caption{text-align:left;font-weight:bold;padding:.3rem 0}.muted{color:#555}.lead{font-size:1.15rem}
    """

    static func definition(_ d: VulnerableDefinition, english: Bool) -> String {
        switch (d.flexContract, d.noStartingQualification) {
        case (true, true): english ? "employees with a flex contract (not fixed-term) and/or without a starting qualification (education low)" : "werknemers met een flexcontract (geen bepaalde tijd) en/of zonder startkwalificatie (opleiding laag)"
        case (true, false): english ? "employees with a flex contract (not fixed-term)" : "werknemers met een flexcontract (geen bepaalde tijd)"
        default: english ? "employees without a starting qualification (education low)" : "werknemers zonder startkwalificatie (opleiding laag)"
        }
    }

    /// A horizontal bar as inline SVG (attributes, not styles: the site's CSP forbids inline styles).
    static func bar(_ fraction: Double) -> Node {
        let width = Int((min(1, max(0, fraction)) * 200).rounded())
        return el("svg", ["width": "200", "height": "14", "role": "img", "aria-hidden": "true"],
                  el("rect", ["width": String(width), "height": "14", "fill": "#1f6f3f"]))
    }

    /// One section per cluster (a table with a features column does not fit a phone screen).
    static func profilesTable(_ profiles: [ClusterProfile], english: Bool, f: InsightNumbers) -> Node {
        func t(_ nl: String, _ en: String) -> String { english ? en : nl }
        return fragment(profiles.map { p -> Node in
            let features = [TableVariable.age, .sex, .household, .education, .income, .breadwinner, .contract, .hours, .sector].compactMap { v -> Node? in
                guard let shares = p.dominant[v] else { return nil }
                return el("li", text(Labels.variable(v, english: english) + ": "
                    + shares.map { "\(f.whole($0.percent))% \(Labels.category(v, $0.category, english: english).lowercased())" }.joined(separator: ", ")))
            }
            var extra: [Node] = []
            if let age = p.medianAge { extra.append(el("li", text(t("Mediaan leeftijd: ", "Median age: ") + f.whole(age)))) }
            if let income = p.medianIncome { extra.append(el("li", text(t("Mediaan inkomen: € ", "Median income: € ") + f.count(Int(income.rounded()))))) }
            let size = p.sizeHidden ? "x \(t("mensen", "people"))" : "\(f.count(p.size)) \(t("mensen", "people")) (\(f.whole(p.percent))%)"
            return el("section", el("h3", text("\(t("Groep", "Group")) \(p.number) · \(size)")),
                      el("p", text(english ? p.descriptionEnglish : p.descriptionDutch)),
                      el("ul", children: features + extra))
        })
    }

    static func frequencyTable(_ table: FrequencyTable, english: Bool, f: InsightNumbers) -> Node {
        func t(_ nl: String, _ en: String) -> String { english ? en : nl }
        func cell(_ count: Int, total: Int, hidden: Bool) -> [Node] {
            hidden ? [el("td", ["class": "n"], text("x")), el("td", ["class": "n"], text("x"))]
                : [el("td", ["class": "n"], text(f.count(count))), el("td", ["class": "n"], text(f.percent(count, of: total)))]
        }
        let header = el("tr", children: [el("th", ["scope": "col"], text("")),
                                         el("th", ["scope": "col", "class": "n"], text(t("Groep", "Group"))), el("th", ["scope": "col", "class": "n"], text("%")),
                                         el("th", ["scope": "col", "class": "n"], text(t("Iedereen", "Everyone"))), el("th", ["scope": "col", "class": "n"], text("%"))])
        let rows = table.categories.indices.map { i in
            el("tr", children: [el("th", ["scope": "row"], text(Labels.category(table.variable, table.categories[i], english: english)))]
                + cell(table.group[i], total: table.groupTotal, hidden: table.groupHidden[i])
                + cell(table.population[i], total: table.populationTotal, hidden: table.populationHidden[i]))
        }
        return el("table", children: [el("caption", text(Labels.variable(table.variable, english: english))), header] + rows)
    }
}

/// Numbers as the report prints them: "16.073" and "50%" in Dutch, "16,073" and "50%" in English;
/// any count under 10 as "x".
struct InsightNumbers {
    let english: Bool

    func count(_ n: Int) -> String {
        guard Disclosure.isSafe(n) else { return "x" }
        return whole(Double(n))
    }

    func whole(_ x: Double) -> String {
        let digits = String(Int(x.rounded()))
        var out = ""
        for (i, c) in digits.reversed().enumerated() {
            if i > 0, i % 3 == 0, c != "-" { out.append(english ? "," : ".") }
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
        return english ? s : s.replacingOccurrences(of: ".", with: ",")
    }
}
