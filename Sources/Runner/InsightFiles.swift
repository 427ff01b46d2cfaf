import CSV
import Foundation
import Insight

/// The files the R and Python peers read.
public enum InsightFiles {
    /// The clustering variables as R and pandas read them: age and transformed income as numbers,
    /// categories as "c0", "c1", … (so they are read as factors / strings).
    public static func writeVariables(_ variables: ClusterVariables, to path: String) throws {
        var out = CSVWriter.row(["age", "income"] + ClusterVariables.categoricalNames)
        for row in variables.included.indices {
            let numbers = variables.data.numeric.map { String($0[row]!) }
            let codes = variables.data.categorical.map { "c" + String($0[row]!) }
            out += CSVWriter.row(numbers + codes)
        }
        try out.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Numbers whose Manhattan distance ÷ the number of variables is the Gower distance: each
    /// continuous variable ÷ its range, each category one-hot × 0.5. Column-major doubles, and
    /// encoded.dims with rows, columns and the number of variables.
    public static func writeEncoded(_ variables: ClusterVariables, to dir: String) throws {
        let data = variables.data, n = data.count
        var columns: [[Double]] = data.numeric.map { column in
            let known = column.compactMap { $0 }
            let range = (known.max() ?? 0) - (known.min() ?? 0)
            return column.map { range > 0 ? $0! / range : 0 }
        }
        for column in data.categorical {
            for code in Set(column.map { $0! }).sorted() { columns.append(column.map { $0 == code ? 0.5 : 0 }) }
        }
        var flat: [Double] = []
        flat.reserveCapacity(n * columns.count)
        for column in columns { flat += column }
        try flat.withUnsafeBytes { Data($0) }.write(to: URL(fileURLWithPath: "\(dir)/encoded.f64"))
        try "\(n) \(columns.count) \(data.numeric.count + data.categorical.count)\n".write(toFile: "\(dir)/encoded.dims", atomically: true, encoding: .utf8)
    }
}
