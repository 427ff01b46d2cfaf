import Taxonomy

/// A small hand-made taxonomy whose scores can be worked out on paper.
///
/// Skills: a, b, c (siblings under group G), d related to e, f listed by every occupation.
/// cleaner: essential a, f; optional d.   supervisor: essential a, b, e, f.
/// driver: essential c, f.                chef: essential d, f.
enum ToyTaxonomy {
    static func uri(_ s: String) -> String { "http://example.org/\(s)" }

    static let dataset: TaxonomyDataset = {
        let skills = ["a", "b", "c", "d", "e", "f"].map { Skill(uri: uri($0), type: .skill, reuseLevel: nil, label: "skill \($0)") }
        func occupation(_ name: String, _ isco: String) -> Occupation {
            Occupation(uri: uri(name), code: isco + ".1", iscoGroup: isco, labels: [.en: LabelSet(preferred: name)])
        }
        let occupations = [
            occupation("cleaner", "9112"), occupation("supervisor", "5151"),
            occupation("driver", "9112"), occupation("chef", "5120"),
        ]
        var links: [OccupationSkill] = []
        func link(_ o: String, _ s: [String], _ r: Relevance) {
            links += s.map { OccupationSkill(occupationURI: uri(o), skillURI: uri($0), relevance: r) }
        }
        link("cleaner", ["a", "f"], .essential); link("cleaner", ["d"], .optional)
        link("supervisor", ["a", "b", "e", "f"], .essential)
        link("driver", ["c", "f"], .essential)
        link("chef", ["d", "f"], .essential)
        return TaxonomyDataset(
            version: "toy", occupations: occupations, skills: skills, occupationSkills: links,
            skillGroups: [SkillGroup(uri: uri("G"), code: "G", label: "group")],
            skillBroader: ["a", "b", "c"].map { BroaderLink(uri: uri($0), broaderURI: uri("G")) },
            skillRelations: [SkillRelation(skillURI: uri("d"), relatedSkillURI: uri("e"), relevance: .optional)])
    }()
}
