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
    static let maxCandidatesPerToken = 32
    static let relativeCutoff: Float = 0.6
    /// Words in more than 1 in 40 occupations: 1 + ln(40).
    static let commonWordIdf: Float = 1 + logf(40)

    // Flat, struct-of-arrays storage: the hot loops touch thousands of labels and words per
    // query, and arrays of arrays (or structs holding arrays) cost a retain/release per access.
    let labelOccupation: [Int32]
    let labelKindWeight: [Float]
    let labelIdfSum: [Float]
    let labelText: [String]
    let exact: [String: [Int32]]
    let vocabulary: [String: Int32]
    let tokenBytes: FlatLists<UInt8>
    let idf: [Float]
    let postings: FlatLists<Int32>
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
                let kinds: [(String, LabelKind)] =
                    [(set.preferred, .preferred)]
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
            LabelEntry(
                occupation: l.occupation, kind: l.kind, tokens: l.tokens,
                idfSum: Set(l.tokens).reduce(0) { $0 + idf[Int($1)] }, text: l.text)
        }

        var trigramPostings: [UInt32: [Int32]] = [:]
        for (id, bytes) in tokenBytes.enumerated() {
            for gram in Set(Self.paddedTrigrams(bytes)) { trigramPostings[gram, default: []].append(Int32(id)) }
        }

        self.labelOccupation = labels.map(\.occupation)
        self.labelKindWeight = labels.map { Self.kindWeight($0.kind) }
        self.labelIdfSum = labels.map(\.idfSum)
        self.labelText = labels.map(\.text)
        self.exact = exact
        self.vocabulary = vocabulary
        self.tokenBytes = FlatLists(tokenBytes)
        self.idf = idf
        self.postings = FlatLists(postings)
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
        // Dense arrays indexed by label id: far cheaper than hashing when common words touch thousands of labels.
        let q = words.count
        var rowOfLabel = [Int32](repeating: -1, count: labelOccupation.count)
        // Reserve once: growing these arrays label by label reallocates and copies many times.
        let postingsTotal = min(
            slots.reduce(0) { total, cands in
                total + cands.reduce(0) { $0 + postings.count(of: Int($1.token)) }
            }, labelOccupation.count)
        var touched: [Int32] = []
        touched.reserveCapacity(postingsTotal)
        var quality: [Float] = []
        quality.reserveCapacity(postingsTotal * q)
        var matchedIdf: [Float] = []
        matchedIdf.reserveCapacity(postingsTotal * q)
        for (slot, cands) in slots.enumerated() {
            for cand in cands {
                let tokenIdf = idf[Int(cand.token)]
                postings.withList(Int(cand.token)) { labelsWithToken in
                    for label in labelsWithToken {
                        var row = Int(rowOfLabel[Int(label)])
                        if row < 0 {
                            row = touched.count
                            rowOfLabel[Int(label)] = Int32(row)
                            touched.append(label)
                            for _ in 0..<q {
                                quality.append(0)
                                matchedIdf.append(0)
                            }
                        }
                        if cand.quality > quality[row * q + slot] {
                            quality[row * q + slot] = cand.quality
                            matchedIdf[row * q + slot] = tokenIdf
                        }
                    }
                }
            }
        }

        let totalWeight = slotWeights.reduce(0, +)
        let exactLabels = exact[Self.key(words)] ?? []
        var bestScore = [Float](repeating: 0, count: occupationLabelLength.count)
        var bestLabel = [Int32](repeating: -1, count: occupationLabelLength.count)
        var touchedOccupations: [Int32] = []
        var top: Float = 0
        for (row, label) in touched.enumerated() {
            var covered: Float = 0
            var labelMatched: Float = 0
            for slot in 0..<q {
                covered += quality[row * q + slot] * slotWeights[slot]
                labelMatched += matchedIdf[row * q + slot]
            }
            let queryCoverage = covered / totalWeight
            let labelCoverage = min(1, labelMatched / max(labelIdfSum[Int(label)], 0.0001))
            var score = queryCoverage * (0.8 + 0.2 * labelCoverage) * labelKindWeight[Int(label)]
            if exactLabels.contains(label) { score += 0.05 }
            let occ = Int(labelOccupation[Int(label)])
            if score > bestScore[occ] {
                if bestLabel[occ] < 0 { touchedOccupations.append(Int32(occ)) }
                bestScore[occ] = score
                bestLabel[occ] = label
                top = max(top, score)
            }
        }

        // Weak matches far below the best one are noise ("klassieke" for "kassiere"): leave them out.
        let cutoff = top * Self.relativeCutoff
        let ranked = touchedOccupations.filter { bestScore[Int($0)] >= cutoff }.sorted { a, b in
            let sa = bestScore[Int(a)], sb = bestScore[Int(b)]
            if sa != sb { return sa > sb }
            let la = occupationLabelLength[Int(a)], lb = occupationLabelLength[Int(b)]
            if la != lb { return la < lb }
            return a < b
        }
        return ranked.prefix(limit).map {
            OccupationHit(
                occupationIndex: Int($0), score: Double(min(bestScore[Int($0)], 1.05)),
                matchedLabel: labelText[Int(bestLabel[Int($0)])])
        }
    }

    /// Whether a folded label is used by more than one occupation (such labels cannot point at one occupation).
    public func isSharedLabel(_ text: String) -> Bool {
        let ids = exact[Self.key(TextNormalizer.tokens(text))] ?? []
        return Set(ids.map { labelOccupation[Int($0)] }).count > 1
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
