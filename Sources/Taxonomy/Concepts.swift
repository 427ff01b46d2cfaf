/// A language ESCO labels come in. Dutch is the product's default.
public enum Language: String, Sendable, CaseIterable, Codable {
    case nl, en
}

/// The labels of one concept in one language, as ESCO publishes them.
public struct LabelSet: Sendable, Hashable, Codable {
    public var preferred: String
    public var alternative: [String]
    public var hidden: [String]

    public init(preferred: String, alternative: [String] = [], hidden: [String] = []) {
        self.preferred = preferred
        self.alternative = alternative
        self.hidden = hidden
    }
}

/// An ESCO occupation: the stable concept URI, its ISCO-08 unit group and labels in two languages.
public struct Occupation: Sendable, Hashable, Codable {
    public var uri: String
    /// The ESCO code, an extension of the ISCO code (for example `9112.1`).
    public var code: String
    /// The ISCO-08 unit group code (four digits).
    public var iscoGroup: String
    public var labels: [Language: LabelSet]
    public var descriptions: [Language: String]

    public init(
        uri: String, code: String, iscoGroup: String,
        labels: [Language: LabelSet], descriptions: [Language: String] = [:]
    ) {
        self.uri = uri
        self.code = code
        self.iscoGroup = iscoGroup
        self.labels = labels
        self.descriptions = descriptions
    }

    /// The last path segment of the URI, used in page addresses.
    public var id: String { uri.split(separator: "/").last.map(String.init) ?? uri }

    /// The preferred label in `language`, falling back to the other language.
    public func label(in language: Language) -> String {
        if let l = labels[language]?.preferred, !l.isEmpty { return l }
        return labels.values.first { !$0.preferred.isEmpty }?.preferred ?? uri
    }

    /// The description in `language`, falling back to English; the language actually used is returned too.
    public func description(in language: Language) -> (text: String, language: Language)? {
        if let d = descriptions[language], !d.isEmpty { return (d, language) }
        for other in Language.allCases where other != language {
            if let d = descriptions[other], !d.isEmpty { return (d, other) }
        }
        return nil
    }
}

/// Whether an ESCO concept is a skill/competence or a knowledge concept.
public enum SkillType: String, Sendable, Codable, CaseIterable {
    case skill = "skill/competence"
    case knowledge
}

/// How widely a skill applies, from everywhere (transversal) to one occupation.
public enum ReuseLevel: String, Sendable, Codable, CaseIterable {
    case transversal
    case crossSector = "cross-sector"
    case sectorSpecific = "sector-specific"
    case occupationSpecific = "occupation-specific"
}

/// An ESCO skill or knowledge concept. English labels for all; Dutch labels for about half of
/// them (`data/esco/skills_nl_partial.csv.gz`), covering most skills of flex occupations.
public struct Skill: Sendable, Hashable, Codable {
    public var uri: String
    public var type: SkillType?
    public var reuseLevel: ReuseLevel?
    public var label: String
    public var alternativeLabels: [String]
    public var description: String
    /// The Dutch preferred and alternative labels, where ESCO's Dutch file has them.
    public var dutchLabel: String?
    public var dutchAlternativeLabels: [String]

    public init(
        uri: String, type: SkillType?, reuseLevel: ReuseLevel?, label: String,
        alternativeLabels: [String] = [], description: String = "", dutchLabel: String? = nil, dutchAlternativeLabels: [String] = []
    ) {
        self.uri = uri
        self.type = type
        self.reuseLevel = reuseLevel
        self.label = label
        self.alternativeLabels = alternativeLabels
        self.description = description
        self.dutchLabel = dutchLabel
        self.dutchAlternativeLabels = dutchAlternativeLabels
    }

    /// The label to show a reader of `language`: Dutch where there is one, otherwise English,
    /// saying which, so a page can mark the English words (`lang="en"`).
    public func label(in language: Language) -> ShownLabel {
        if language == .nl, let dutch = dutchLabel, !dutch.isEmpty { return ShownLabel(text: dutch, language: .nl) }
        return ShownLabel(text: label, language: .en)
    }
}

/// A label with the language it is really in (which may differ from the page's).
public struct ShownLabel: Sendable, Hashable {
    public let text: String
    public let language: Language

    public init(text: String, language: Language) {
        self.text = text
        self.language = language
    }
}

/// Whether an occupation needs a skill (essential) or often uses it (optional).
public enum Relevance: String, Sendable, Codable, CaseIterable {
    case essential, optional
}

/// One occupation–skill link.
public struct OccupationSkill: Sendable, Hashable, Codable {
    public var occupationURI: String
    public var skillURI: String
    public var relevance: Relevance

    public init(occupationURI: String, skillURI: String, relevance: Relevance) {
        self.occupationURI = occupationURI
        self.skillURI = skillURI
        self.relevance = relevance
    }
}

/// A group in the ISCO-08 hierarchy (1 to 4 digits).
public struct ISCOGroup: Sendable, Hashable, Codable {
    public var uri: String
    public var code: String
    public var label: String
    public var description: String

    public init(uri: String, code: String, label: String, description: String = "") {
        self.uri = uri
        self.code = code
        self.label = label
        self.description = description
    }
}

/// A node of the ESCO skill hierarchy above individual skills.
public struct SkillGroup: Sendable, Hashable, Codable {
    public var uri: String
    public var code: String
    public var label: String

    public init(uri: String, code: String, label: String) {
        self.uri = uri
        self.code = code
        self.label = label
    }
}

/// A "narrower → broader" edge of the skill pillar (skill → group, group → group, skill → skill).
public struct BroaderLink: Sendable, Hashable, Codable {
    public var uri: String
    public var broaderURI: String

    public init(uri: String, broaderURI: String) {
        self.uri = uri
        self.broaderURI = broaderURI
    }
}

/// An ESCO skill–skill relation (a skill that is essential or optional to another).
public struct SkillRelation: Sendable, Hashable, Codable {
    public var skillURI: String
    public var relatedSkillURI: String
    public var relevance: Relevance

    public init(skillURI: String, relatedSkillURI: String, relevance: Relevance) {
        self.skillURI = skillURI
        self.relatedSkillURI = relatedSkillURI
        self.relevance = relevance
    }
}

/// Everything Loopbrug takes from one ESCO release.
public struct TaxonomyDataset: Sendable {
    public var version: String
    /// Oddities of the release worth telling whoever imports it.
    public var notes: [String]
    public var occupations: [Occupation]
    public var skills: [Skill]
    public var occupationSkills: [OccupationSkill]
    public var iscoGroups: [ISCOGroup]
    public var skillGroups: [SkillGroup]
    public var skillBroader: [BroaderLink]
    public var skillRelations: [SkillRelation]

    public init(
        version: String, notes: [String] = [], occupations: [Occupation] = [], skills: [Skill] = [],
        occupationSkills: [OccupationSkill] = [], iscoGroups: [ISCOGroup] = [],
        skillGroups: [SkillGroup] = [], skillBroader: [BroaderLink] = [],
        skillRelations: [SkillRelation] = []
    ) {
        self.version = version
        self.notes = notes
        self.occupations = occupations
        self.skills = skills
        self.occupationSkills = occupationSkills
        self.iscoGroups = iscoGroups
        self.skillGroups = skillGroups
        self.skillBroader = skillBroader
        self.skillRelations = skillRelations
    }

    /// Row counts, for import reports and checks.
    public var counts: [String: Int] {
        [
            "occupations": occupations.count, "skills": skills.count,
            "occupationSkills": occupationSkills.count, "iscoGroups": iscoGroups.count,
            "skillGroups": skillGroups.count, "skillBroader": skillBroader.count,
            "skillRelations": skillRelations.count,
        ]
    }
}
