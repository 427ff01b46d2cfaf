/// Which index words one query word may stand for.
extension OccupationSearch {
    // MARK: - Candidate words

    struct Candidate { let token: Int32; let quality: Float }

    /// The index words one query word may stand for, with how good each match is (0...1).
    func candidates(for word: [UInt8]) -> [Candidate] {
        var found: [Int32: Float] = [:]
        func offer(_ token: Int32, _ quality: Float) {
            if quality > (found[token] ?? 0) { found[token] = quality }
        }
        let length = word.count
        let known = vocabulary[String(decoding: word, as: UTF8.self)]
        if let id = known {
            offer(id, 1)
            // A very common word ("van", "medewerker", "the") is matched as typed: widening it
            // to prefixes and typos would touch thousands of labels and add nothing.
            if idf[Int(id)] < Self.commonWordIdf { return [Candidate(token: id, quality: 1)] }
            // A known word is not a typo: only its inflections count ("schoonmakers" → "schoonmaker").
            for cut in 1...2 where length - cut >= 3 {
                if let shorter = vocabulary[String(decoding: word.dropLast(cut), as: UTF8.self)] { offer(shorter, 0.92) }
            }
        }
        word.withUnsafeBufferPointer { word in
            tokenBytes.withAll { bytesOf in
                if length >= 3 {
                    // Started or inflected words: the query is a prefix of an index word.
                    var i = lowerBound(word, bytesOf)
                    while i < sortedTokens.count {
                        let token = sortedTokens[i]
                        let bytes = bytesOf(Int(token))
                        guard bytes.starts(with: word) else { break }
                        let extra = bytes.count - length
                        if extra > 0 { offer(token, extra <= 2 ? 0.92 : 0.6 + 0.3 * Float(length) / Float(bytes.count)) }
                        i += 1
                    }
                }
                guard length >= 4 else { return }
                // A known word is not searched for typos, only inside compounds, which needs every
                // interior trigram: the common boundary trigrams ("er$") need not be counted.
                let isKnown = known != nil
                if isKnown && length < 5 { return }
                let maxEdits = length >= 8 ? 2 : 1
                let grams = Self.paddedTrigrams(Array(word))
                let interior = Set(grams.dropFirst().dropLast())
                // Shared trigrams per index word, counted in dense arrays (common trigrams list thousands of words).
                var sharedAll = [UInt8](repeating: 0, count: tokenBytes.count)
                var sharedInterior = isKnown ? [] : [UInt8](repeating: 0, count: tokenBytes.count)
                var touched: [Int32] = []
                for gram in isKnown ? interior : Set(grams) {
                    let isInterior = !isKnown && interior.contains(gram)
                    guard let list = trigramPostings[gram] else { continue }
                    for token in list {
                        let t = Int(token)
                        if sharedAll[t] == 0 { touched.append(token) }
                        sharedAll[t] &+= 1
                        if isInterior { sharedInterior[t] &+= 1 }
                    }
                }
                // Typos are looked for only in words the index does not know.
                let neededForTypo = isKnown ? Int.max : max(1, grams.count - 3 * maxEdits)
                for token in touched {
                    let all = Int(sharedAll[Int(token)]), inner = isKnown ? all : Int(sharedInterior[Int(token)])
                    let bytes = bytesOf(Int(token))
                    if all >= neededForTypo {
                        let d = boundedEditDistance(word, bytes, limit: maxEdits)
                        if d > 0 && d <= maxEdits { offer(token, d == 1 ? 0.85 : 0.7) }
                        // A word that differs only by a plural or gender ending (-s, -e, -n) counts almost fully.
                        if d == 1, bytes.count == length + 1 || bytes.count + 1 == length,
                            bytes.starts(with: word) || word.starts(with: bytes)
                        {
                            offer(token, 0.92)
                        }
                    }
                    if length >= 5, inner == interior.count, bytes.count > length,
                        !bytes.starts(with: word), containsBytes(bytes, word)
                    {
                        offer(token, 0.55 + 0.3 * Float(length) / Float(bytes.count))
                    }
                }
            }
        }
        return found.sorted { $0.value > $1.value }.prefix(known == nil ? Self.maxCandidatesPerToken : Self.maxCandidatesPerToken / 2)
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

    func lowerBound(_ word: UnsafeBufferPointer<UInt8>, _ bytesOf: (Int) -> UnsafeBufferPointer<UInt8>) -> Int {
        var lo = 0, hi = sortedTokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if bytesOf(Int(sortedTokens[mid])).lexicographicallyPrecedes(word) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
