import CSV

/// What is wrong with one field of a form or a CSV row, or with a whole file. Typed, so that
/// pages say it in Dutch or English (`english` is the CLI's and the logs' text).
public enum InputProblem: Sendable, Equatable {
    // The file
    case fileEmpty
    case unreadable(CSVError)
    case missingColumn(String, required: [String])
    case unknownColumn(String, allowed: [String])
    case duplicateColumn(String)
    case noRows
    case fieldCount(Int, header: Int)
    case fileTooLarge(megabytes: Int)
    // One value
    case empty
    case tooLong(max: Int)
    case notANumber
    case notWholeNumber(String)
    case outOfRange(Int, ClosedRange<Int>)
    case notEuros(String)
    case notDate(String)
    case notYesNo(String)
    case notOneOf(String, allowed: [String])
    case notESCOSkill(String)
    case notESCOOccupation(String)
    case notOutlookKey(String)
    case courseWithoutSkill
    case vacancyWithoutSkill
    case unknownPlace(String)
    case notHTTPS
    case duplicate(String, line: Int)
    case alreadyOnBoard(String)
    case lessThanHoursMin(Int)
    case notSBICode(String)
    case notDays(String)
    case notFound
    // Work wishes
    case noHours
    case tooManyHours(max: Int)
    case noDay
    case travelOutOfRange(ClosedRange<Int>)
    case homeNotInList
    case noContract
    case notSBISection(String)

    public var english: String {
        switch self {
        case .fileEmpty: "the file is empty"
        case .unreadable(let error): error.reason + (error.kind == .notUTF8 ? " (save the file as CSV in UTF-8)" : "")
        case .missingColumn(let name, let required): "column \"\(name)\" is missing; the header must hold \(required.joined(separator: ", "))"
        case .unknownColumn(let name, let allowed): "unknown column \"\(name)\"; allowed: \(allowed.joined(separator: ", "))"
        case .duplicateColumn(let name): "column \"\(name)\" appears twice"
        case .noRows: "the file has a header but no rows"
        case .fieldCount(let count, let header): "has \(count) fields, the header has \(header)"
        case .fileTooLarge(let megabytes): "the file is larger than \(megabytes) MB"
        case .empty: "is empty"
        case .tooLong(let max): "is longer than \(max) characters"
        case .notANumber: "not a number"
        case .notWholeNumber(let text): "\"\(text)\" is not a whole number"
        case .outOfRange(let n, let range): "\(n) is outside \(range.lowerBound)–\(range.upperBound)"
        case .notEuros(let text): "\"\(text)\" is not an amount in euros like 250 or 12,50"
        case .notDate(let text): "\"\(text)\" is not a date like 2027-01-31"
        case .notYesNo(let text): "\"\(text)\" is not yes or no"
        case .notOneOf(let text, let allowed): "\"\(text)\" must be \(Self.choice(allowed, or: "or"))"
        case .notESCOSkill(let uri): "\(uri) is not an ESCO skill"
        case .notESCOOccupation(let uri): "\(uri) is not an ESCO occupation"
        case .notOutlookKey(let key): "\"\(key)\" is neither an ISCO-08 group code (1–4 digits) with occupations in ESCO nor an ESCO occupation URI"
        case .courseWithoutSkill: "a course must teach at least one ESCO skill"
        case .vacancyWithoutSkill: "name at least one ESCO skill the work needs"
        case .unknownPlace(let name): "\"\(name)\" is not a Dutch place we know"
        case .notHTTPS: "must start with https://"
        case .duplicate(let id, let line): "\(id) is already on line \(line)"
        case .alreadyOnBoard(let id): "\(id) is already on the board"
        case .lessThanHoursMin(let min): "is less than hours_min (\(min))"
        case .notSBICode(let code): "\"\(code)\" is not an SBI code like N or N8121"
        case .notDays(let text): "\"\(text)\" must be days like mon|wed|fri (or empty for \"to agree\")"
        case .notFound: "not found"
        case .noHours: "with 0 hours a week no work fits; give at least 1 hour"
        case .tooManyHours(let max): "give at most \(max) hours a week"
        case .noDay: "choose at least one day you can work"
        case .travelOutOfRange(let range): "give a distance from \(range.lowerBound) to \(range.upperBound) km"
        case .homeNotInList: "this place is not in the list of Dutch places"
        case .noContract: "choose at least one kind of contract"
        case .notSBISection(let code): "\(code) is not an SBI section (A to U)"
        }
    }

    /// "a, b or c": a list of choices for a sentence.
    public static func choice(_ items: [String], or word: String) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(word) " + items.last!
    }
}
