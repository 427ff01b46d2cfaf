import Days

/// A course that teaches ESCO skills.
public struct Course: Sendable, Equatable {
    public enum Format: String, Sendable, CaseIterable { case online, classroom, workBased = "work-based" }

    public let id: String
    public let title: String
    public let provider: String
    public let skillURIs: [String]
    public let hours: Int
    public let costEuros: Double
    public let format: Format
    /// Where it is given; nil for online courses.
    public let place: Place?
    /// ISO dates; empty means "start any time".
    public let startDates: [String]
    public let url: String?
    public let demo: Bool

    public init(
        id: String, title: String, provider: String, skillURIs: [String], hours: Int, costEuros: Double,
        format: Format, place: Place?, startDates: [String], url: String?, demo: Bool
    ) {
        self.id = id; self.title = title; self.provider = provider; self.skillURIs = skillURIs
        self.hours = hours; self.costEuros = costEuros; self.format = format; self.place = place
        self.startDates = startDates; self.url = url; self.demo = demo
    }

    static let columns = ["id", "title", "provider", "skills", "hours", "cost_eur", "format", "place", "start_dates"]

    /// Reads the catalogue CSV; skills are ESCO skill URIs separated by "|".
    public static func parse(_ bytes: [UInt8], model: ReachabilityModel, places: PlaceDirectory) -> CSVImportResult<Course> {
        let rows: CSVRows
        switch CSVRows.open(bytes, required: columns, optional: ["url", "demo"]) {
        case .failure(let problem): return .problems([problem])
        case .success(let r): rows = r
        }
        var seen: [String: Int] = [:]
        return rows.map { row throws(FieldProblem) in
            let id = try row.required("id", maxLength: 64)
            let skills = row.list("skills")
            guard !skills.isEmpty else { throw FieldProblem("skills", .courseWithoutSkill) }
            if let unknown = skills.first(where: { model.space.id(of: $0) == nil }) {
                throw FieldProblem("skills", .notESCOSkill(unknown))
            }
            guard let format = Format(rawValue: row.text("format").lowercased()) else {
                throw FieldProblem("format", .notOneOf(row.text("format"), allowed: Format.allCases.map(\.rawValue)))
            }
            var place: Place?
            if format != .online {
                let name = try row.required("place")
                guard let p = places.place(named: name) else { throw FieldProblem("place", .unknownPlace(name)) }
                place = p
            }
            var dates: [String] = []
            for d in row.list("start_dates") {
                guard Day(iso: d, latestYear: Day.latestRecordYear) != nil else { throw FieldProblem("start_dates", .notDate(d)) }
                dates.append(d)
            }
            let url = row.text("url")
            if !url.isEmpty, !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
                throw FieldProblem("url", .notHTTPS)
            }
            let course = Course(
                id: id, title: try row.required("title"), provider: try row.required("provider"), skillURIs: skills,
                hours: try row.integer("hours", in: 1...5_000), costEuros: try row.euros("cost_eur"),
                format: format, place: place, startDates: dates.sorted(), url: url.isEmpty ? nil : url,
                demo: try row.yesNo("demo"))
            if let first = seen[id] { throw FieldProblem("id", .duplicate(id, line: first)) }
            seen[id] = row.line
            return course
        }
    }
}

/// The courses by the skills they teach.
public struct CourseCatalogue: Sendable {
    public let courses: [Course]
    private let teaching: [Int32: [Int]]

    public init(courses: [Course], model: ReachabilityModel) {
        self.courses = courses
        var teaching: [Int32: [Int]] = [:]
        for (i, c) in courses.enumerated() {
            for s in Set(c.skillURIs.compactMap(model.space.id(of:))) { teaching[s, default: []].append(i) }
        }
        self.teaching = teaching
    }

    /// Courses that teach any of `missing`, most missing skills taught first, then fewest hours.
    public func courses(for missing: [Int32], limit: Int) -> [(course: Course, teaches: [Int32])] {
        var taught: [Int: [Int32]] = [:]
        for s in missing { for c in teaching[s] ?? [] { taught[c, default: []].append(s) } }
        return taught.sorted { a, b in
            a.value.count != b.value.count
                ? a.value.count > b.value.count
                : courses[a.key].hours != courses[b.key].hours ? courses[a.key].hours < courses[b.key].hours : a.key < b.key
        }.prefix(limit).map { (courses[$0.key], $0.value) }
    }
}
