import Engine
import Foundation

/// One anonymous candidate: how well their skills cover the occupation, and their confirmed work.
struct CompetenceCandidate {
    let score: Float
    let covered: [Int32]
    let missing: [Int32]
    let verifiedRecords: Int
    let verifiedHours: Double
}

/// The employer's competence search: an occupation, then anonymous candidates by skill coverage.
enum CompetencePages {
    static func page(
        _ ctx: PageContext, snapshot: CareerData.Snapshot, query: String, target: Int?,
        candidates: [CompetenceCandidate], searched: Int
    ) -> Node {
        let title = ctx.t("Mensen zoeken op vaardigheden", "Find people by skills")
        var main: [Node] = [
            el("h1", text(title)),
            paragraph(
                ctx.t(
                    "Je ziet alleen mensen die zelf hebben gekozen om gevonden te worden. Je ziet hun vaardigheden en bevestigd werk, niet hun naam, leeftijd, geslacht of afkomst.",
                    "You only see people who chose to be found. You see their skills and confirmed work, not their name, age, sex or origin.")),
            el(
                "form", ["method": "get", "action": SiteRoute.employerSearch.link, "class": "search", "role": "search"],
                formField(
                    id: "beroep", label: ctx.t("Voor welk beroep zoek je?", "For which occupation do you search?"), type: "search",
                    value: query, autocomplete: "off"),
                el("button", ["type": "submit"], text(ctx.t("Zoeken", "Search")))),
        ]
        let model = snapshot.engine.model
        if !query.isEmpty, target == nil {
            main.append(
                el(
                    "p", ["class": "notice", "role": "status"],
                    text(
                        ctx.t(
                            "We vinden geen beroep bij \u{201C}\(query)\u{201D}. Probeer een ander woord.", "We find no occupation for \u{201C}\(query)\u{201D}. Try another word."))))
        }
        if let target {
            let name = model.occupations[target].label(in: ctx.lang.escoLanguage)
            main.append(el("h2", text(ctx.t("Kandidaten voor \(name)", "Candidates for \(name)"))))
            if candidates.isEmpty {
                main.append(paragraph(ctx.t("Er zijn nog geen mensen die gevonden willen worden.", "Nobody has chosen to be found yet.")))
            } else {
                main.append(
                    el(
                        "ol", ["class": "results"],
                        children: candidates.enumerated().map { i, c in
                            let total = c.covered.count + c.missing.count
                            return el(
                                "li",
                                el("h3", text(ctx.t("Kandidaat \(i + 1)", "Candidate \(i + 1)"))),
                                paragraph(
                                    ctx.t(
                                        "Heeft \(c.covered.count) van de \(total) belangrijke vaardigheden.",
                                        "Has \(c.covered.count) of the \(total) key skills.")),
                                paragraph(
                                    ctx.t(
                                        "Bevestigd werk: \(c.verifiedRecords) \(c.verifiedRecords == 1 ? "werkbewijs" : "werkbewijzen"), \(Int(c.verifiedHours)) uur",
                                        "Confirmed work: \(c.verifiedRecords) \(c.verifiedRecords == 1 ? "credential" : "credentials"), \(Int(c.verifiedHours)) hours"), class: "meta"),
                                el("ul", ["class": "skills"], children: c.covered.prefix(6).map { skillItem(model.space.label($0, in: ctx.lang.escoLanguage), ctx.lang) }))
                        }))
                main.append(
                    paragraph(
                        ctx.t(
                            "Contact opnemen kan nog niet via Loopbrug.", "Getting in touch through Loopbrug is not possible yet."), class: "meta"))
            }
        }
        return layout(ctx, title: title, main)
    }
}
