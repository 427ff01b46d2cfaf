/// Whether an occupation is in short supply or growing, according to a named source on a date.
public struct OccupationOutlook: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable { case shortage, growth }

    /// An ISCO-08 group code (1 to 4 digits; covers every occupation in it) or an ESCO occupation URI.
    public let key: String
    public let kind: Kind
    public let source: String
    /// ISO date of the source.
    public let date: String
    /// Made-up rows for the demo: shown with a "demo" label wherever they appear.
    public let demo: Bool

    public init(key: String, kind: Kind, source: String, date: String, demo: Bool) {
        self.key = key
        self.kind = kind
        self.source = source
        self.date = date
        self.demo = demo
    }

    public var isISCO: Bool { !key.hasPrefix("http") }

    /// Reads the admin's CSV (`key,kind,source,date,demo`); every key must name something in ESCO.
    public static func parse(_ bytes: [UInt8], model: ReachabilityModel) -> CSVImportResult<OccupationOutlook> {
        let rows: CSVRows
        switch CSVRows.open(bytes, required: ["key", "kind", "source", "date"], optional: ["demo"]) {
        case .failure(let problem): return .problems([problem])
        case .success(let r): rows = r
        }
        let iscoPrefixes = Set(model.occupations.flatMap { o in (1...o.iscoGroup.count).map { String(o.iscoGroup.prefix($0)) } })
        var seen: [String: Int] = [:]
        return rows.map { row throws(FieldProblem) in
            let key = try row.required("key")
            if key.hasPrefix("http") {
                guard model.index(of: key) != nil else { throw FieldProblem("key", .notESCOOccupation(key)) }
            } else {
                guard key.allSatisfy(\.isNumber), (1...4).contains(key.count), iscoPrefixes.contains(key) else {
                    throw FieldProblem("key", .notOutlookKey(key))
                }
            }
            guard let kind = Kind(rawValue: row.text("kind").lowercased()) else {
                throw FieldProblem("kind", .notOneOf(row.text("kind"), allowed: ["shortage", "growth"]))
            }
            let entry = OccupationOutlook(
                key: key, kind: kind, source: try row.required("source"),
                date: try row.date("date"), demo: try row.yesNo("demo"))
            if let first = seen[key + " " + kind.rawValue] {
                throw FieldProblem("key", .duplicate("\(key) (\(kind.rawValue))", line: first))
            }
            seen[key + " " + kind.rawValue] = row.line
            return entry
        }
    }
}

/// The shortage and growth rows, looked up per occupation.
public struct OutlookTable: Sendable {
    public let entries: [OccupationOutlook]

    public init(entries: [OccupationOutlook]) { self.entries = entries }

    /// The rows that apply to an occupation: its own URI, or an ISCO group it belongs to.
    public func entries(forURI uri: String, iscoGroup: String) -> [OccupationOutlook] {
        entries.filter { $0.isISCO ? iscoGroup.hasPrefix($0.key) : $0.key == uri }
    }
}
