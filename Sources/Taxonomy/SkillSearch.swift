import Foundation

/// Finds skills by name in Dutch and English, preferred and alternative labels alike: a worker
/// types "schoonmaken" or "cleaning", an employer "heftruck" or "forklift".
///
/// Every label is normalised once (lower case, no diacritics); a query matches a label that
/// equals it, starts with it, has a word starting with it, or contains it, best in that order.
/// Ties go to preferred labels, then to shorter labels (the more general skill).
///
/// The 60,000 labels lie as UTF-8 in one buffer and are matched as bytes: comparing Swift
/// strings was many times slower (docs/benchmarks.md, skill search).
public final class SkillSearch: Sendable {
    struct Entry: Sendable {
        let skill: Int32
        let start: Int32
        let length: Int32
        let preferred: Bool
    }

    public let skills: [Skill]
    private let text: [UInt8]
    private let entries: [Entry]

    public init(skills: [Skill]) {
        self.skills = skills
        var text: [UInt8] = []
        var entries: [Entry] = []
        func add(_ skill: Int, _ label: String, preferred: Bool) {
            let normalized = Array(TextNormalizer.normalize(label).utf8)
            entries.append(Entry(skill: Int32(skill), start: Int32(text.count), length: Int32(normalized.count), preferred: preferred))
            text += normalized
        }
        for (i, skill) in skills.enumerated() {
            for label in [skill.label] + (skill.dutchLabel.map { [$0] } ?? []) { add(i, label, preferred: true) }
            for label in skill.alternativeLabels + skill.dutchAlternativeLabels { add(i, label, preferred: false) }
        }
        self.text = text
        self.entries = entries
    }

    /// At most `limit` skills, best first; nothing for a query of under two characters.
    public func search(_ query: String, limit: Int = 10) -> [Skill] {
        let q = Array(TextNormalizer.normalize(query).utf8)
        guard q.count >= 2, limit > 0 else { return [] }
        let wordStart = [UInt8(ascii: " ")] + q
        var best: [Int32: (rank: Int, length: Int32)] = [:]
        text.withUnsafeBytes { all in
            for entry in entries {
                let label = UnsafeRawBufferPointer(rebasing: all[Int(entry.start)..<Int(entry.start + entry.length)])
                let rank: Int
                if label.count == q.count && label.elementsEqual(q) {
                    rank = 0
                } else if label.starts(with: q) {
                    rank = 1
                } else if Self.contains(label, wordStart) {
                    rank = 2
                } else if Self.contains(label, q) {
                    rank = 3
                } else {
                    continue
                }
                let score = (rank: rank * 2 + (entry.preferred ? 0 : 1), length: entry.length)
                if let old = best[entry.skill], (old.rank, old.length) <= (score.rank, score.length) { continue }
                best[entry.skill] = score
            }
        }
        return best.sorted { a, b in
            (a.value.rank, a.value.length, skills[Int(a.key)].uri) < (b.value.rank, b.value.length, skills[Int(b.key)].uri)
        }.prefix(limit).map { skills[Int($0.key)] }
    }

    /// Whether `needle` occurs in `haystack` (labels are short: a plain scan is enough).
    private static func contains(_ haystack: UnsafeRawBufferPointer, _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count, let first = needle.first else { return false }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}
