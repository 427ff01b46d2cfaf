import Foundation

/// The taxonomy held in memory for fast lookups: occupations by id, their skills, ISCO groups, search.
public struct TaxonomyIndex: Sendable {
    public let version: String
    public let occupations: [Occupation]
    public let search: OccupationSearch
    /// Skills by name, in Dutch and English: built on the first search, not at start-up (it
    /// normalises 60,000 labels, about half a second).
    public var skillSearch: SkillSearch { lazySkillSearch.value }
    private let lazySkillSearch: LazySkillSearch
    private let occupationByID: [String: Int]
    private let skillByURI: [String: Skill]
    private let skillsOfOccupation: [String: [(skill: String, relevance: Relevance)]]
    private let iscoByCode: [String: ISCOGroup]
    public let skillCount: Int
    public let relationCount: Int

    /// Builds every lookup; `search` may be passed in when it was built from the same occupations already.
    public init(dataset: TaxonomyDataset, search: OccupationSearch? = nil) {
        version = dataset.version
        occupations = dataset.occupations
        self.search = search ?? OccupationSearch(occupations: dataset.occupations)
        occupationByID = Dictionary(dataset.occupations.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        skillByURI = Dictionary(dataset.skills.map { ($0.uri, $0) }, uniquingKeysWith: { a, _ in a })
        lazySkillSearch = LazySkillSearch(skills: dataset.skills)
        skillsOfOccupation = Dictionary(grouping: dataset.occupationSkills, by: \.occupationURI)
            .mapValues { $0.map { ($0.skillURI, $0.relevance) } }
        iscoByCode = Dictionary(dataset.iscoGroups.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        skillCount = dataset.skills.count
        relationCount = dataset.occupationSkills.count
    }

    /// An occupation by the last segment of its URI (a UUID), or by its full URI.
    public func occupation(id: String) -> Occupation? {
        let key = id.hasPrefix("http") ? String(id.split(separator: "/").last ?? "") : id
        return occupationByID[key].map { occupations[$0] }
    }

    public func skill(uri: String) -> Skill? { skillByURI[uri] }

    /// The ISCO-08 group with this code (1 to 4 digits).
    public func iscoGroup(code: String) -> ISCOGroup? { iscoByCode[code] }

    /// The skills of an occupation, split by relevance and by skill type, each list sorted by label.
    public func profile(of occupation: Occupation) -> SkillProfile {
        var profile = SkillProfile()
        for link in skillsOfOccupation[occupation.uri] ?? [] {
            guard let skill = skillByURI[link.skill] else { continue }
            switch (link.relevance, skill.type == .knowledge) {
            case (.essential, false): profile.essentialSkills.append(skill)
            case (.essential, true): profile.essentialKnowledge.append(skill)
            case (.optional, false): profile.optionalSkills.append(skill)
            case (.optional, true): profile.optionalKnowledge.append(skill)
            }
        }
        profile.sortByLabel()
        return profile
    }

    /// Search hits resolved to occupations.
    public func searchOccupations(_ query: String, limit: Int = 10) -> [(occupation: Occupation, hit: OccupationHit)] {
        search.search(query, limit: limit).map { (occupations[$0.occupationIndex], $0) }
    }
}

/// An occupation's skills as a page shows them.
public struct SkillProfile: Sendable {
    public var essentialSkills: [Skill] = []
    public var essentialKnowledge: [Skill] = []
    public var optionalSkills: [Skill] = []
    public var optionalKnowledge: [Skill] = []

    mutating func sortByLabel() {
        essentialSkills.sort { $0.label < $1.label }
        essentialKnowledge.sort { $0.label < $1.label }
        optionalSkills.sort { $0.label < $1.label }
        optionalKnowledge.sort { $0.label < $1.label }
    }
}

/// A `SkillSearch` made once, when first asked for, by whichever request asks first.
final class LazySkillSearch: @unchecked Sendable {
    private let lock = NSLock()
    private let skills: [Skill]
    private var built: SkillSearch?

    init(skills: [Skill]) { self.skills = skills }

    var value: SkillSearch {
        lock.withLock {
            if let built { return built }
            let made = SkillSearch(skills: skills)
            built = made
            return made
        }
    }
}
