import Foundation

/// One search result: an occupation, how well it matched, and the label that matched best.
public struct OccupationHit: Sendable, Hashable {
    public let occupationIndex: Int
    public let score: Double
    public let matchedLabel: String
}

/// Finds ESCO occupations by a job title typed in Dutch or English.
///
/// Every preferred, alternative and hidden label in both languages is indexed. A query matches
/// a label word exactly, as a plural or a started word (prefix), with one or two typos
/// (optimal string alignment distance, found through trigrams), or inside a Dutch compound
/// ("schoonmaker" in "vliegtuigschoonmaker"). Word order does not matter. A label scores by how
/// much of the query it covers (rare words weigh more: idf) and, less, by how much of the
/// label the query covers; an occupation scores by its best label.
public struct OccupationSearch: Sendable {
    enum LabelKind: UInt8 { case preferred, alternative, hidden }

    struct LabelEntry: Sendable {
        let occupation: Int32
        let kind: LabelKind
        let tokens: [Int32]
        let idfSum: Float
        let text: String
    }

    /// Longest query accepted, in characters; longer input is cut by the caller or rejected.
    public static let maxQueryLength = 200
    static let maxQueryTokens = 8
    static let maxCandidatesPerToken = 64
    static let relativeCutoff: Float = 0.6

    let labels: [LabelEntry]
    let exact: [String: [Int32]]
    let vocabulary: [String: Int32]
    let tokenBytes: [[UInt8]]
    let idf: [Float]
    let postings: [[Int32]]
    let sortedTokens: [Int32]
    let trigramPostings: [UInt32: [Int32]]
    let occupationLabelLength: [Int]

    public init(occupations: [Occupation]) {
        var labels: [LabelEntry] = []
        var exact: [String: [Int32]] = [:]
        var vocabulary: [String: Int32] = [:]
        var tokenBytes: [[UInt8]] = []
        var occupationsWithToken: [Set<Int32>] = []
        var seenLabelKeys = Set<String>()

        func tokenID(_ token: String) -> Int32 {
            if let id = vocabulary[token] { return id }
            let id = Int32(tokenBytes.count)
            vocabulary[token] = id
            tokenBytes.append(Array(token.utf8))
            occupationsWithToken.append([])
            return id
        }

        for (index, occupation) in occupations.enumerated() {
            let occ = Int32(index)
            for language in Language.allCases {
                guard let set = occupation.labels[language] else { continue }
                let kinds: [(String, LabelKind)] = [(set.preferred, .preferred)]
                    + set.alternative.map { ($0, .alternative) } + set.hidden.map { ($0, .hidden) }
                for (text, kind) in kinds {
                    let words = TextNormalizer.tokens(text)
                    guard !words.isEmpty else { continue }
                    let key = Self.key(words)
                    // The same folded label twice for one occupation (ESCO repeats many) is indexed once, best kind first.
                    guard seenLabelKeys.insert("\(index)|\(key)").inserted else { continue }
                    let ids = words.map(tokenID)
                    for id in ids { occupationsWithToken[Int(id)].insert(occ) }
                    exact[key, default: []].append(Int32(labels.count))
                    labels.append(LabelEntry(occupation: occ, kind: kind, tokens: ids, idfSum: 0, text: text))
                }
            }
        }

        let n = Float(max(occupations.count, 1))
        let idf = occupationsWithToken.map { 1 + logf(n / Float(max($0.count, 1))) }
        var postings = [[Int32]](repeating: [], count: tokenBytes.count)
        for (labelIndex, label) in labels.enumerated() {
            for id in Set(label.tokens) { postings[Int(id)].append(Int32(labelIndex)) }
        }
        labels = labels.map { l in
            LabelEntry(occupation: l.occupation, kind: l.kind, tokens: l.tokens,
                       idfSum: Set(l.tokens).reduce(0) { $0 + idf[Int($1)] }, text: l.text)
        }

        var trigramPostings: [UInt32: [Int32]] = [:]
        for (id, bytes) in tokenBytes.enumerated() {
            for gram in Set(Self.paddedTrigrams(bytes)) { trigramPostings[gram, default: []].append(Int32(id)) }
        }

        self.labels = labels
        self.exact = exact
        self.vocabulary = vocabulary
        self.tokenBytes = tokenBytes
        self.idf = idf
        self.postings = postings
        self.sortedTokens = (0..<Int32(tokenBytes.count)).sorted { tokenBytes[Int($0)].lexicographicallyPrecedes(tokenBytes[Int($1)]) }
        self.trigramPostings = trigramPostings
        self.occupationLabelLength = occupations.map { $0.label(in: .nl).count }
    }

    /// The best occupations for `query`, best first; empty for a query without letters or digits.
    public func search(_ query: String, limit: Int = 10) -> [OccupationHit] {
        let words = Array(TextNormalizer.tokens(String(query.prefix(Self.maxQueryLength))).prefix(Self.maxQueryTokens))
        guard !words.isEmpty, limit > 0 else { return [] }

        var slots = words.map { candidates(for: Array($0.utf8)) }
        let slotWeights = zip(words, slots).map { word, cands -> Float in
            if let id = vocabulary[word] { return idf[Int(id)] }
            return cands.map { idf[Int($0.token)] }.max() ?? idf.max() ?? 1
        }
        addJoinedCompounds(words: words, slots: &slots)

        // Accumulate, per touched label, the best quality and matched idf for each query word.
        let q = words.count
        var rowOfLabel: [Int32: Int] = [:]
        var touched: [Int32] = []
        var quality: [Float] = []
        var matchedIdf: [Float] = []
        for (slot, cands) in slots.enumerated() {
            for cand in cands {
                let tokenIdf = idf[Int(cand.token)]
                for label in postings[Int(cand.token)] {
                    let row: Int
                    if let r = rowOfLabel[label] { row = r } else {
                        row = touched.count
                        rowOfLabel[label] = row
                        touched.append(label)
                        quality.append(contentsOf: repeatElement(0, count: q))
                        matchedIdf.append(contentsOf: repeatElement(0, count: q))
                    }
                    if cand.quality > quality[row * q + slot] {
                        quality[row * q + slot] = cand.quality
                        matchedIdf[row * q + slot] = tokenIdf
                    }
                }
            }
        }

        let totalWeight = slotWeights.reduce(0, +)
        let exactLabels = Set(exact[Self.key(words)] ?? [])
        var best: [Int32: (score: Float, label: Int32)] = [:]
        for (row, label) in touched.enumerated() {
            var covered: Float = 0
            var labelMatched: Float = 0
            for slot in 0..<q {
                covered += quality[row * q + slot] * slotWeights[slot]
                labelMatched += matchedIdf[row * q + slot]
            }
            let entry = labels[Int(label)]
            let queryCoverage = covered / totalWeight
            let labelCoverage = min(1, labelMatched / max(entry.idfSum, 0.0001))
            var score = queryCoverage * (0.8 + 0.2 * labelCoverage) * Self.kindWeight(entry.kind)
            if exactLabels.contains(label) { score += 0.05 }
            if score > (best[entry.occupation]?.score ?? 0) {
                best[entry.occupation] = (score, label)
            }
        }

        // Weak matches far below the best one are noise ("klassieke" for "kassiere"): leave them out.
        let cutoff = (best.values.map(\.score).max() ?? 0) * Self.relativeCutoff
        let ranked = best.filter { $0.value.score >= cutoff }.sorted { a, b in
            if a.value.score != b.value.score { return a.value.score > b.value.score }
            let la = occupationLabelLength[Int(a.key)], lb = occupationLabelLength[Int(b.key)]
            if la != lb { return la < lb }
            return a.key < b.key
        }
        return ranked.prefix(limit).map {
            OccupationHit(occupationIndex: Int($0.key), score: Double(min($0.value.score, 1.05)),
                          matchedLabel: labels[Int($0.value.label)].text)
        }
    }

    /// Whether a folded label is used by more than one occupation (such labels cannot point at one occupation).
    public func isSharedLabel(_ text: String) -> Bool {
        let ids = exact[Self.key(TextNormalizer.tokens(text))] ?? []
        return Set(ids.map { labels[Int($0)].occupation }).count > 1
    }

    // MARK: - Candidate words

    struct Candidate { let token: Int32; let quality: Float }

    /// The index words one query word may stand for, with how good each match is (0...1).
    func candidates(for word: [UInt8]) -> [Candidate] {
        var found: [Int32: Float] = [:]
        func offer(_ token: Int32, _ quality: Float) {
            if quality > (found[token] ?? 0) { found[token] = quality }
        }
        let length = word.count
        if let id = vocabulary[String(decoding: word, as: UTF8.self)] { offer(id, 1) }

        if length >= 3 {
            // Started or inflected words: the query is a prefix of an index word.
            var i = lowerBound(word)
            while i < sortedTokens.count {
                let token = sortedTokens[i]
                let bytes = tokenBytes[Int(token)]
                guard bytes.starts(with: word) else { break }
                let extra = bytes.count - length
                if extra > 0 { offer(token, extra <= 2 ? 0.92 : 0.6 + 0.3 * Float(length) / Float(bytes.count)) }
                i += 1
            }
        }

        if length >= 4 {
            let maxEdits = length >= 8 ? 2 : 1
            let grams = Self.paddedTrigrams(word)
            let interior = Set(grams.dropFirst().dropLast())
            var shared: [Int32: (all: Int, interior: Int)] = [:]
            for gram in Set(grams) {
                let isInterior = interior.contains(gram)
                for token in trigramPostings[gram] ?? [] {
                    var c = shared[token] ?? (0, 0)
                    c.all += 1
                    if isInterior { c.interior += 1 }
                    shared[token] = c
                }
            }
            let neededForTypo = max(1, grams.count - 3 * maxEdits)
            for (token, count) in shared {
                let bytes = tokenBytes[Int(token)]
                if count.all >= neededForTypo {
                    let d = boundedEditDistance(word, bytes, limit: maxEdits)
                    if d > 0 && d <= maxEdits { offer(token, d == 1 ? 0.85 : 0.7) }
                    // A word that differs only by a plural or gender ending (-s, -e, -n) counts almost fully.
                    if d == 1, bytes.count == length + 1 || bytes.count + 1 == length,
                       bytes.starts(with: word) || word.starts(with: bytes) { offer(token, 0.92) }
                }
                if length >= 5, count.interior == interior.count, bytes.count > length,
                   !bytes.starts(with: word), contains(bytes, word) {
                    offer(token, 0.55 + 0.3 * Float(length) / Float(bytes.count))
                }
            }
        }
        return found.sorted { $0.value > $1.value }.prefix(Self.maxCandidatesPerToken)
            .map { Candidate(token: $0.key, quality: $0.value) }
    }

    /// "magazijn medewerker" should find "magazijnmedewerker": two adjacent query words whose
    /// concatenation is an index word offer that word to both slots.
    func addJoinedCompounds(words: [String], slots: inout [[Candidate]]) {
        guard words.count >= 2 else { return }
        for i in 0..<(words.count - 1) {
            if let id = vocabulary[words[i] + words[i + 1]] {
                slots[i].append(Candidate(token: id, quality: 0.95))
                slots[i + 1].append(Candidate(token: id, quality: 0.95))
            }
        }
    }

    private func lowerBound(_ word: [UInt8]) -> Int {
        var lo = 0, hi = sortedTokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokenBytes[Int(sortedTokens[mid])].lexicographicallyPrecedes(word) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    static func key(_ words: [String]) -> String { words.sorted().joined(separator: " ") }

    static func kindWeight(_ kind: LabelKind) -> Float {
        switch kind {
        case .preferred: 1
        case .alternative: 0.97
        case .hidden: 0.93
        }
    }

    /// Trigrams of the word padded with one boundary byte on each side ("^ab", "abc", …, "yz$").
    static func paddedTrigrams(_ word: [UInt8]) -> [UInt32] {
        let padded = [UInt8(ascii: "^")] + word + [UInt8(ascii: "$")]
        guard padded.count >= 3 else { return [] }
        return (0...(padded.count - 3)).map {
            UInt32(padded[$0]) << 16 | UInt32(padded[$0 + 1]) << 8 | UInt32(padded[$0 + 2])
        }
    }
}

private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard needle.count <= haystack.count else { return false }
    return (0...(haystack.count - needle.count)).contains { i in
        haystack[i..<(i + needle.count)].elementsEqual(needle)
    }
}
