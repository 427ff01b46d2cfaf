import CSV

/// Writes people in the microdata format that `PersonRecordReader` reads (the optional columns
/// only when someone has them).
public enum PersonRecordWriter {
    public static func csv(_ people: [PersonRecord]) -> [UInt8] {
        let optional = people.contains { $0.selfEmployed != nil || $0.economicallyIndependent != nil }
        var out: [UInt8] = []
        out.reserveCapacity(people.count * 80 + 200)
        out += Array(CSVWriter.row(PersonRecord.columns + (optional ? PersonRecord.optionalColumns : [])).utf8)
        for p in people {
            var fields = [
                p.personID, String(p.age), p.sex.rawValue, p.household.rawValue, p.education.rawValue,
                p.incomeEuros.map { String(Int($0)) } ?? "", p.contract.rawValue, p.hoursPerWeek.map(number) ?? "",
                p.hoursBand.rawValue, p.sector, String(p.jobs), p.breadwinner.rawValue, p.municipality,
            ]
            if optional { fields += [p.selfEmployed?.rawValue ?? "", p.economicallyIndependent?.rawValue ?? ""] }
            out += Array(CSVWriter.row(fields).utf8)
        }
        return out
    }

    /// 12 for twelve hours, 12.5 for twelve and a half.
    private static func number(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }
}
