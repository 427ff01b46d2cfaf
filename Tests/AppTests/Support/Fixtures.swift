import Taxonomy

/// A tiny taxonomy for web tests: three occupations, a few skills.
enum Fixtures {
    static let cashierURI = "http://data.europa.eu/esco/occupation/2b871272-bd61-4206-bd1a-0b96d7023098"
    static let cleanerURI = "http://data.europa.eu/esco/occupation/00000000-0000-4000-8000-000000000002"
    static let forkliftURI = "http://data.europa.eu/esco/occupation/00000000-0000-4000-8000-000000000003"

    static let taxonomy = TaxonomyDataset(
        version: "fixture",
        occupations: [
            Occupation(
                uri: cashierURI, code: "5230.1", iscoGroup: "5230",
                labels: [
                    .nl: LabelSet(preferred: "kassamedewerker", alternative: ["kassière", "caissière"]),
                    .en: LabelSet(preferred: "cashier", alternative: ["checkout operator"]),
                ],
                descriptions: [.nl: "Kassamedewerkers rekenen af met klanten.", .en: "Cashiers handle payments."]),
            Occupation(
                uri: cleanerURI, code: "9112.1", iscoGroup: "9112",
                labels: [
                    .nl: LabelSet(preferred: "schoonmaker gebouwen", alternative: ["schoonmaker", "schoonmaakster"]),
                    .en: LabelSet(preferred: "building cleaner", alternative: ["office cleaner"]),
                ],
                descriptions: [.en: "Building cleaners keep offices clean."]),
            Occupation(
                uri: forkliftURI, code: "8344.1", iscoGroup: "8344",
                labels: [.nl: LabelSet(preferred: "heftruckchauffeur"), .en: LabelSet(preferred: "forklift operator")]),
        ],
        skills: [
            Skill(
                uri: "http://data.europa.eu/esco/skill/s1", type: .skill, reuseLevel: .crossSector, label: "process payments",
                alternativeLabels: ["take payments"], dutchLabel: "betalingen verwerken", dutchAlternativeLabels: ["afrekenen"]),
            Skill(uri: "http://data.europa.eu/esco/skill/s2", type: .knowledge, reuseLevel: .transversal, label: "customer service"),
            Skill(uri: "http://data.europa.eu/esco/skill/s3", type: .skill, reuseLevel: .sectorSpecific, label: "clean floors <and> stairs"),
        ],
        occupationSkills: [
            OccupationSkill(occupationURI: cashierURI, skillURI: "http://data.europa.eu/esco/skill/s1", relevance: .essential),
            OccupationSkill(occupationURI: cashierURI, skillURI: "http://data.europa.eu/esco/skill/s2", relevance: .essential),
            OccupationSkill(occupationURI: cleanerURI, skillURI: "http://data.europa.eu/esco/skill/s3", relevance: .essential),
            OccupationSkill(occupationURI: cleanerURI, skillURI: "http://data.europa.eu/esco/skill/s2", relevance: .optional),
        ],
        iscoGroups: [ISCOGroup(uri: "http://data.europa.eu/esco/isco/C5230", code: "5230", label: "Cashiers and ticket clerks")],
        skillGroups: [SkillGroup(uri: "http://data.europa.eu/esco/skill/g1", code: "S1", label: "communication")],
        skillBroader: [BroaderLink(uri: "http://data.europa.eu/esco/skill/s1", broaderURI: "http://data.europa.eu/esco/skill/g1")],
        skillRelations: [SkillRelation(skillURI: "http://data.europa.eu/esco/skill/s1", relatedSkillURI: "http://data.europa.eu/esco/skill/s2", relevance: .optional)])
}
