import CSV
import Foundation

/// One person as the municipal microdata describe them (the columns of issue 5's input format).
public struct PersonRecord: Sendable, Equatable {
    public enum Sex: String, Sendable, CaseIterable { case man, vrouw }
    public enum Household: String, Sendable, CaseIterable {
        case partnerMetKind = "partner_met_kind", alleenstaandeOuder = "alleenstaande_ouder"
        case partnerZonderKind = "partner_zonder_kind", alleenstaande, thuiswonendKind = "thuiswonend_kind", overig
    }
    public enum Education: String, Sendable, CaseIterable { case laag, mbo2, mbo3, mbo4, havoVwo = "havo_vwo", hoog, onbekend }
    public enum Contract: String, Sendable, CaseIterable { case vast, flex, bepaaldeTijd = "bepaalde_tijd" }
    public enum HoursBand: String, Sendable, CaseIterable {
        case under12 = "<12", from12 = "12-20", from20 = "20-25", from25 = "25-30", from30 = "30-35", over35 = "35+"
    }
    /// Yes, no or not known (breadwinner, self-employed, economically independent).
    public enum Answer: String, Sendable, CaseIterable { case ja, nee, onbekend }

    public let personID: String
    public let age: Int
    public let sex: Sex
    public let household: Household
    public let education: Education
    public let incomeEuros: Double?
    public let contract: Contract
    public let hoursPerWeek: Double?
    public let hoursBand: HoursBand
    /// An SBI section letter, or "N78" (temp agencies and job placement) apart from N.
    public let sector: String
    public let jobs: Int
    public let breadwinner: Answer
    public let municipality: String
    /// Optional columns: present only when the file has them (the self-employed group).
    public var selfEmployed: Answer? = nil
    public var economicallyIndependent: Answer? = nil

    public static let columns = [
        "person_id", "age", "sex", "household", "education", "income_eur", "contract",
        "hours_per_week", "hours_band", "sector", "n_jobs", "breadwinner", "municipality",
    ]
    /// Read when the header has them: who is self-employed and who is economically independent
    /// (CBS: income from work above the statutory minimum wage).
    public static let optionalColumns = ["self_employed", "economically_independent"]
    public static let sectors: Set<String> = Set("ABCDEFGHIJKLMNOPQRSTU".map(String.init)).union(["N78"])
}

/// A problem in the microdata file: where (line and column) and why.
public struct RecordProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    public let column: String
    public let reason: String
    public var description: String { column.isEmpty ? "line \(line): \(reason)" : "line \(line), \(column): \(reason)" }
}

/// Reads the person-level CSV (UTF-8, comma-separated, header row; extra columns ignored). Every
/// problem is reported, up to `problemLimit`; a file with any problem yields no records.
public enum PersonRecordReader {
    public static let problemLimit = 500

    public enum Outcome: Sendable {
        case records([PersonRecord])
        case problems([RecordProblem])
    }

    public static func read(_ bytes: [UInt8]) -> Outcome {
        // One record a line at most, and a valid line has well over 24 bytes (13 columns): reserved
        // once, so the array never doubles (and briefly holds both copies) while it grows.
        var records: [PersonRecord] = []
        records.reserveCapacity(min(bytes.count / 24, bytes.reduce(into: 0) { if $1 == UInt8(ascii: "\n") { $0 += 1 } }))
        var problems: [RecordProblem] = []
        // Record by record where the bytes lie: an array of all lines first cost 32 bytes a line
        // (a 16 MB file of newlines took half a gigabyte).
        var reader = CSVReader(bytes)
        let headerFields: [String]
        do {
            guard let first = try reader.next(), !first.allSatisfy({ trimmed($0).isEmpty }) else {
                return .problems([RecordProblem(line: 1, column: "", reason: bytes.isEmpty ? "the file is empty" : "the header is missing")])
            }
            headerFields = first
        } catch {
            return .problems([RecordProblem(line: error.line, column: "", reason: "the header cannot be read: \(error.reason)")])
        }
        let names = headerFields.map { trimmed($0).lowercased() }
        var index: [String: Int] = [:]
        for (i, name) in names.enumerated() where index[name] == nil { index[name] = i }
        let missing = PersonRecord.columns.filter { index[$0] == nil }
        guard missing.isEmpty else {
            return .problems(missing.map { RecordProblem(line: 1, column: $0, reason: "column is missing from the header") })
        }
        let at = Columns(index)
        var seen: [String: Int] = [:]
        while true {
            let fields: [String]
            do {
                guard let record = try reader.next() else { break }
                fields = record.map(trimmed)
            } catch {
                // The column's name where the header has one: "line 7, municipality: not valid UTF-8".
                let column = error.field.flatMap { $0 <= names.count ? names[$0 - 1] : nil }
                problems.append(RecordProblem(line: error.line, column: column ?? "", reason: column == nil ? error.reason : error.problem))
                if problems.count >= problemLimit { break } else { continue }
            }
            let lineNumber = reader.recordLine
            if fields.count == 1, fields[0].isEmpty { continue }  // a line of spaces
            guard fields.count >= names.count else {
                problems.append(RecordProblem(line: lineNumber, column: "", reason: "\(fields.count) fields where the header has \(names.count)"))
                if problems.count >= problemLimit { break } else { continue }
            }
            var rowProblems: [RecordProblem] = []
            func category<T: RawRepresentable & CaseIterable>(_ column: Int, _ name: String, _ type: T.Type) -> T? where T.RawValue == String {
                if let value = T(rawValue: fields[column]) { return value }
                rowProblems.append(
                    RecordProblem(
                        line: lineNumber, column: name,
                        reason: "\"\(fields[column])\" is not one of \(T.allCases.map(\.rawValue).joined(separator: ", "))"))
                return nil
            }
            let id = fields[at.personID]
            if id.isEmpty {
                rowProblems.append(RecordProblem(line: lineNumber, column: "person_id", reason: "is empty"))
            } else if let first = seen.updateValue(lineNumber, forKey: id) {
                seen[id] = first
                rowProblems.append(RecordProblem(line: lineNumber, column: "person_id", reason: "\(id) is already on line \(first)"))
            }
            let age = Int(fields[at.age])
            if age == nil || !(0...120).contains(age!) {
                rowProblems.append(RecordProblem(line: lineNumber, column: "age", reason: "\"\(fields[at.age])\" is not an age (a whole number 0–120)"))
            }
            let sex = category(at.sex, "sex", PersonRecord.Sex.self)
            let household = category(at.household, "household", PersonRecord.Household.self)
            let education = category(at.education, "education", PersonRecord.Education.self)
            var income: Double?
            if !fields[at.income].isEmpty {
                income = Double(fields[at.income])
                if income == nil || !income!.isFinite {
                    rowProblems.append(RecordProblem(line: lineNumber, column: "income_eur", reason: "\"\(fields[at.income])\" is not an amount (or empty when unknown)"))
                }
            }
            let contract = category(at.contract, "contract", PersonRecord.Contract.self)
            var hours: Double?
            if !fields[at.hours].isEmpty {
                hours = Double(fields[at.hours])
                if hours == nil || !(0...168).contains(hours!) {
                    rowProblems.append(RecordProblem(line: lineNumber, column: "hours_per_week", reason: "\"\(fields[at.hours])\" is not a number of hours 0–168"))
                }
            }
            let band = category(at.hoursBand, "hours_band", PersonRecord.HoursBand.self)
            let sector = fields[at.sector].uppercased()
            if !PersonRecord.sectors.contains(sector) {
                rowProblems.append(RecordProblem(line: lineNumber, column: "sector", reason: "\"\(fields[at.sector])\" is not an SBI section letter (A–U) or N78"))
            }
            let jobs = Int(fields[at.jobs])
            if jobs == nil || jobs! < 1 { rowProblems.append(RecordProblem(line: lineNumber, column: "n_jobs", reason: "\"\(fields[at.jobs])\" is not a positive whole number")) }
            let breadwinner = category(at.breadwinner, "breadwinner", PersonRecord.Answer.self)
            let selfEmployed = at.selfEmployed.flatMap { category($0, "self_employed", PersonRecord.Answer.self) }
            let independent = at.independent.flatMap { category($0, "economically_independent", PersonRecord.Answer.self) }
            if rowProblems.isEmpty, let age, let sex, let household, let education, let contract, let band, let jobs, let breadwinner {
                records.append(
                    PersonRecord(
                        personID: id, age: age, sex: sex, household: household, education: education,
                        incomeEuros: income, contract: contract, hoursPerWeek: hours, hoursBand: band,
                        sector: sector, jobs: jobs, breadwinner: breadwinner, municipality: fields[at.municipality],
                        selfEmployed: selfEmployed, economicallyIndependent: independent))
            }
            problems += rowProblems
            if problems.count >= problemLimit { break }
        }
        if problems.isEmpty && records.isEmpty {
            problems.append(RecordProblem(line: 2, column: "", reason: "the file has a header but no people"))
        }
        return problems.isEmpty ? .records(records) : .problems(Array(problems.prefix(problemLimit)))
    }

    /// Where each column is in a row (the header decides the order).
    private struct Columns {
        let personID, age, sex, household, education, income, contract, hours, hoursBand, sector, jobs, breadwinner, municipality: Int
        let selfEmployed, independent: Int?

        init(_ index: [String: Int]) {
            personID = index["person_id"]!; age = index["age"]!; sex = index["sex"]!; household = index["household"]!
            education = index["education"]!; income = index["income_eur"]!; contract = index["contract"]!
            hours = index["hours_per_week"]!; hoursBand = index["hours_band"]!; sector = index["sector"]!
            jobs = index["n_jobs"]!; breadwinner = index["breadwinner"]!; municipality = index["municipality"]!
            selfEmployed = index["self_employed"]; independent = index["economically_independent"]
        }
    }

    /// A field without surrounding spaces and tabs.
    private static func trimmed(_ field: String) -> String {
        func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
        guard let first = field.utf8.first, let last = field.utf8.last, blank(first) || blank(last) else { return field }
        var f = Substring(field)
        while let b = f.utf8.first, blank(b) { f = f.dropFirst() }
        while let b = f.utf8.last, blank(b) { f = f.dropLast() }
        return String(f)
    }
}
