import Foundation

/// Finds skills by name in Dutch and English, preferred and alternative labels alike: a worker
/// types "schoonmaken" or "cleaning", an employer "heftruck" or "forklift".
///
/// Every label is normalised once (lower case, no diacritics); a query matches a label that
/// equals it, starts with it, has a word starting with it, or contains it, best in that order.
/// Ties go to preferred labels, then to shorter labels (the more general skill).
public struct SkillSearch: Sendable {
    struct Entry: Sendable {
        let skill: Int
        let text: String
        let preferred: Bool
    }

    public let skills: [Skill]
    let entries: [Entry]

    public init(skills: [Skill]) {
        self.skills = skills
        var entries: [Entry] = []
        for (i, skill) in skills.enumerated() {
            let preferred = [skill.label] + (skill.dutchLabel.map { [$0] } ?? [])
            for label in preferred { entries.append(Entry(skill: i, text: TextNormalizer.normalize(label), preferred: true)) }
            for label in skill.alternativeLabels + skill.dutchAlternativeLabels {
                entries.append(Entry(skill: i, text: TextNormalizer.normalize(label), preferred: false))
            }
        }
        self.entries = entries
    }

    /// At most `limit` skills, best first; nothing for a query of under two characters.
    public func search(_ query: String, limit: Int = 10) -> [Skill] {
        let q = TextNormalizer.normalize(query.trimmingCharacters(in: .whitespacesAndNewlines))
        guard q.count >= 2, limit > 0 else { return [] }
        var best: [Int: (rank: Int, length: Int)] = [:]
        for entry in entries {
            let rank: Int
            if entry.text == q { rank = 0 }
            else if entry.text.hasPrefix(q) { rank = 1 }
            else if entry.text.contains(" " + q) { rank = 2 }
            else if entry.text.contains(q) { rank = 3 }
            else { continue }
            let score = (rank: rank * 2 + (entry.preferred ? 0 : 1), length: entry.text.count)
            if let old = best[entry.skill], (old.rank, old.length) <= (score.rank, score.length) { continue }
            best[entry.skill] = score
        }
        return best.sorted { ($0.value.rank, $0.value.length, skills[$0.key].uri) < ($1.value.rank, $1.value.length, skills[$1.key].uri) }
            .prefix(limit).map { skills[$0.key] }
    }
}
