import Foundation
import Insight

/// Reads a microdata file for the insight commands; any problem ends the run with file, line,
/// column and reason for each (all of them, up to the reader's limit), and nothing is written.
public enum InsightInput {
    public static func people(_ path: String) -> [PersonRecord] {
        guard let data = FileManager.default.contents(atPath: path) else { AppRunner.fail("\(path): cannot be read") }
        switch PersonRecordReader.read(Array(data)) {
        case .records(let people): return people
        case .problems(let problems):
            AppRunner.fail(
                problems.map { "\(path): \($0)" }.joined(separator: "\n")
                    + "\n\(problems.count) problem(s); nothing was analysed.")
        }
    }

    public static func definition(_ text: String) -> VulnerableDefinition {
        guard let definition = VulnerableDefinition(parsing: text) else {
            AppRunner.fail("--definition: \"\(text)\" is not flex, laag or flex,laag")
        }
        return definition
    }

    /// "5" or "2-8".
    public static func ks(_ text: String) -> ClosedRange<Int> {
        let parts = text.split(separator: "-").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard (1...2).contains(parts.count), let lo = parts.first!, let hi = parts.last!, lo >= 2, hi >= lo, hi <= 20 else {
            AppRunner.fail("--k: \"\(text)\" is not a number of clusters (2–20) or a range such as 2-8")
        }
        return lo...hi
    }
}
