import Foundation
import Taxonomy

/// The search results list and the occupation detail page.
enum OccupationPages {
    /// The search page before a search, or with a query that cannot be searched (`error`).
    static func search(_ ctx: PageContext, query: String, error: String?) -> Node {
        let title = ctx.t("Beroepen zoeken", "Search occupations")
        return layout(ctx, title: title, [el("h1", text(title)), HomePage.searchForm(ctx, query: query, error: error)])
    }

    static func results(_ ctx: PageContext, query: String, hits: [(occupation: Occupation, hit: OccupationHit)]) -> Node {
        layout(ctx, title: "\(query) · " + ctx.t("Beroepen zoeken", "Search occupations"), resultNodes(ctx, query: query, hits: hits))
    }

    private static func resultNodes(_ ctx: PageContext, query: String, hits: [(occupation: Occupation, hit: OccupationHit)]) -> [Node] {
        let language: Language = ctx.lang.escoLanguage
        var nodes: [Node] = [
            el("h1", text(ctx.t("Beroepen zoeken", "Search occupations"))),
            HomePage.searchForm(ctx, query: query),
        ]
        guard !hits.isEmpty else {
            nodes.append(
                el(
                    "p", ["class": "notice", "role": "status"],
                    text(
                        ctx.t(
                            "We vonden geen beroep bij \u{201C}\(query)\u{201D}. Probeer een ander woord, bijvoorbeeld wat je de hele dag doet.",
                            "We found no occupation for \u{201C}\(query)\u{201D}. Try another word, for example what you do all day."))))
            return nodes
        }
        nodes.append(el("h2", ["id": "resultaten"], text(ctx.t("Gevonden beroepen", "Occupations found"))))
        nodes.append(
            el(
                "ol", ["class": "results", "aria-labelledby": "resultaten"],
                children: hits.map { occupation, hit in
                    let label = occupation.label(in: language)
                    var item: [Node] = [el("a", ["href": SiteRoute.occupation(id: occupation.id).link], text(label))]
                    if TextNormalizer.normalize(hit.matchedLabel) != TextNormalizer.normalize(label) {
                        item.append(paragraph(ctx.t("Ook genoemd: ", "Also called: ") + hit.matchedLabel, class: "meta"))
                    }
                    return el("li", children: item)
                }))
        return nodes
    }

    static func detail(_ ctx: PageContext, occupation: Occupation, profile: SkillProfile, isco: ISCOGroup?) -> Node {
        layout(ctx, title: occupation.label(in: ctx.lang.escoLanguage), detailNodes(ctx, occupation: occupation, profile: profile, isco: isco))
    }

    private static func detailNodes(_ ctx: PageContext, occupation: Occupation, profile: SkillProfile, isco: ISCOGroup?) -> [Node] {
        let language: Language = ctx.lang.escoLanguage
        var nodes: [Node] = [el("h1", text(occupation.label(in: language)))]
        if let description = occupation.description(in: language) {
            var attributes: [(String, String)] = []
            if description.language != language { attributes.append(("lang", description.language.rawValue)) }
            nodes.append(el("p", attributes: attributes, children: [text(description.text)]))
            if description.language != language {
                nodes.append(paragraph(ctx.t("Deze uitleg is er alleen in het Engels.", "This description exists in Dutch only."), class: "meta"))
            }
        }
        let preferred = TextNormalizer.normalize(occupation.label(in: language))
        let alternatives = Array(Set(occupation.labels[language]?.alternative ?? []))
            .filter { TextNormalizer.normalize($0) != preferred }.sorted()
        if !alternatives.isEmpty {
            nodes.append(paragraph(ctx.t("Ook bekend als: ", "Also known as: ") + alternatives.prefix(12).joined(separator: ", "), class: "meta"))
        }
        let iscoText = isco.map { "\(occupation.iscoGroup) – \($0.label)" } ?? occupation.iscoGroup
        nodes.append(
            el(
                "dl",
                el("dt", text(ctx.t("Beroepsgroep (ISCO-08)", "Occupation group (ISCO-08)"))),
                el("dd", ["lang": "en"], text(iscoText)),
                el("dt", text(ctx.t("ESCO-code", "ESCO code"))),
                el("dd", text(occupation.code))))

        nodes.append(el("h2", text(ctx.t("Wat je in dit werk doet en kunt", "What you do and can do in this work"))))
        let all = profile.essentialSkills + profile.essentialKnowledge + profile.optionalSkills + profile.optionalKnowledge
        if !ctx.lang.isEnglish, all.contains(where: { $0.label(in: .nl).language == .en }) {
            nodes.append(paragraph(englishSkillsNote, class: "meta"))
        }
        nodes.append(skillList(ctx, title: ctx.t("Vaardigheden", "Skills"), skills: profile.essentialSkills))
        nodes.append(skillList(ctx, title: ctx.t("Kennis", "Knowledge"), skills: profile.essentialKnowledge))
        let optionalCount = profile.optionalSkills.count + profile.optionalKnowledge.count
        if optionalCount > 0 {
            nodes.append(
                el(
                    "details",
                    el("summary", text(ctx.t("Handig, maar niet altijd nodig (\(optionalCount))", "Useful, but not always needed (\(optionalCount))"))),
                    skillList(ctx, title: ctx.t("Vaardigheden", "Skills"), skills: profile.optionalSkills, level: "h3"),
                    skillList(ctx, title: ctx.t("Kennis", "Knowledge"), skills: profile.optionalKnowledge, level: "h3")))
        }
        nodes.append(
            el(
                "p",
                el(
                    "a", ["class": "button", "href": SiteRoute.occupationTransitions(occupationID: occupation.id).link],
                    text(ctx.t("Waar kun je vanuit dit beroep heen?", "Where can you go from this occupation?")))))
        nodes.append(el("p", el("a", ["href": SiteRoute.apiOccupation(id: occupation.id).link], text(ctx.t("Deze gegevens als JSON", "This data as JSON")))))
        return nodes
    }

    /// Said on a Dutch page that shows some skills in English.
    static let englishSkillsNote = "Sommige vaardigheden hebben in ESCO nog geen Nederlandse naam. Die staan er in het Engels."

    private static func skillList(_ ctx: PageContext, title: String, skills: [Skill], level: String = "h3") -> Node {
        guard !skills.isEmpty else { return fragment([]) }
        return fragment([
            el(level, text("\(title) (\(skills.count))")),
            // In the reader's alphabet: the taxonomy sorts by the English label.
            el(
                "ul", ["class": "skills"],
                children: skills.map { $0.label(in: ctx.lang.escoLanguage) }
                    .sorted { $0.text.localizedCaseInsensitiveCompare($1.text) == .orderedAscending }.map { skillItem($0, ctx.lang) }),
        ])
    }
}
