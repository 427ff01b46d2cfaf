import Foundation

/// Folds text for matching: lower case, no diacritics, letters and digits only.
///
/// "Kassière" and "kassiere" become the same token; punctuation such as the slash in
/// "schoonmaker/schoonmaakster" or the brackets in "gebouwen (buitenkant)" separates words.
public enum TextNormalizer {
    /// The folded words of `text`, in order.
    public static func tokens(_ text: String) -> [String] {
        var result: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty {
                result.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if isCombiningMark(scalar) { continue }
            if let folded = foldSpecial(scalar) {
                current.append(contentsOf: folded.unicodeScalars)
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return result
    }

    /// The folded words joined by single spaces.
    public static func normalize(_ text: String) -> String {
        tokens(text).joined(separator: " ")
    }

    private static func isCombiningMark(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F: true
        default: false
        }
    }

    /// Letters that canonical decomposition does not split into base + mark.
    private static func foldSpecial(_ s: Unicode.Scalar) -> String? {
        switch s {
        case "ß": "ss"
        case "æ": "ae"
        case "œ": "oe"
        case "ø": "o"
        case "ł": "l"
        case "đ", "ð": "d"
        case "þ": "th"
        case "ı": "i"
        default: nil
        }
    }
}

/// Edit distance with adjacent transpositions (optimal string alignment), capped:
/// returns `limit + 1` as soon as the distance is known to exceed `limit`.
public func boundedEditDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
    a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in boundedEditDistance(a, b, limit: limit) } }
}

func boundedEditDistance(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
    let n = a.count, m = b.count
    if abs(n - m) > limit { return limit + 1 }
    if n == 0 { return m }
    if m == 0 { return n }
    // Three rows in one scratch buffer on the stack: this runs for hundreds of candidate words per query.
    return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * (m + 1)) { buffer in
        var prevPrev = 0, prev = m + 1, current = 2 * (m + 1)
        for j in 0...m { buffer[prev + j] = j; buffer[prevPrev + j] = 0 }
        for i in 1...n {
            buffer[current] = i
            var rowMin = i
            for j in 1...m {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var v = min(buffer[prev + j] + 1, buffer[current + j - 1] + 1, buffer[prev + j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    v = min(v, buffer[prevPrev + j - 2] + 1)
                }
                buffer[current + j] = v
                rowMin = min(rowMin, v)
            }
            if rowMin > limit { return limit + 1 }
            (prevPrev, prev, current) = (prev, current, prevPrev)
        }
        return buffer[prev + m]
    }
}
