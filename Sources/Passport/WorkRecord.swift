import Days

/// The kinds of work a record can describe (standard v0.1, "Record kinds").
public enum RecordKind: String, Sendable, CaseIterable, Codable {
    case platformWork = "platform-work"
    case employment
    case tempAgency = "temp-agency"
    case selfEmployed = "self-employed"
    case volunteering
    case informalCare = "informal-care"
    case training
}

/// A work record: the `credentialSubject` of a work credential, or a record the worker added
/// themselves. Made only from JSON that passed the schema, so its fields are already checked.
public struct WorkRecord: Sendable, Equatable {
    public struct Ratings: Sendable, Equatable { public let average, scale: Double; public let count: Int }
    public struct Reliability: Sendable, Equatable { public let completed, cancelled, noShow: Int }
    public struct Earnings: Sendable, Equatable { public let amount: Double; public let currency: String }
    public struct Municipality: Sendable, Equatable { public let code: String; public let name: String? }
    public struct Evidence: Sendable, Equatable { public let type: String; public let description: String?; public let url: String? }

    public let subjectID: String?
    public let kind: RecordKind
    /// "job" for one job, "period" for work summed over the period.
    public let aggregation: String?
    public let start: Day
    public let end: Day?
    public let hours: Double?
    public let jobs: Int?
    public let roleTitle: String
    public let organisation: String?
    public let occupation: String?
    public let skills: [String]
    public let tasks: [String]
    public let sector: String?
    public let municipality: Municipality?
    public let ratings: Ratings?
    public let reliability: Reliability?
    public let earnings: Earnings?
    public let evidence: [Evidence]
    /// The record exactly as given, to store and to show back.
    public let json: JSONValue

    /// Reads a record that passed the schema; then checks the rules a schema cannot express.
    public init(validated json: JSONValue) throws(CredentialProblem) {
        func int(_ v: JSONValue?) -> Int? { v?.numberValue.map { Int($0) } }
        self.json = json
        subjectID = json["id"]?.stringValue
        kind = RecordKind(rawValue: json["kind"]?.stringValue ?? "") ?? .employment
        aggregation = json["aggregation"]?.stringValue
        guard let start = Day(iso: json["period"]?["start"]?.stringValue ?? "", latestYear: Day.latestRecordYear) else {
            throw .schema(path: "period.start", reason: "must be a real date written YYYY-MM-DD")
        }
        self.start = start
        end = json["period"]?["end"]?.stringValue.flatMap { Day(iso: $0, latestYear: Day.latestRecordYear) }
        hours = json["hours"]?.numberValue
        jobs = int(json["jobs"])
        roleTitle = json["roleTitle"]?.stringValue ?? ""
        organisation = json["organisation"]?["name"]?.stringValue
        occupation = json["occupation"]?.stringValue
        skills = json["skills"]?.arrayValue?.compactMap(\.stringValue) ?? []
        tasks = json["tasks"]?.arrayValue?.compactMap(\.stringValue) ?? []
        sector = json["sector"]?.stringValue
        municipality = json["municipality"].flatMap { m in m["code"]?.stringValue.map { Municipality(code: $0, name: m["name"]?.stringValue) } }
        ratings = json["ratings"].flatMap { r in
            guard let a = r["average"]?.numberValue, let s = r["scale"]?.numberValue, let c = int(r["count"]) else { return nil }
            return Ratings(average: a, scale: s, count: c)
        }
        reliability = json["reliability"].flatMap { r in
            int(r["completed"]).map { Reliability(completed: $0, cancelled: int(r["cancelled"]) ?? 0, noShow: int(r["noShow"]) ?? 0) }
        }
        earnings = json["earnings"].flatMap { e in
            e["amount"]?.numberValue.map { Earnings(amount: $0, currency: e["currency"]?.stringValue ?? "EUR") }
        }
        evidence =
            json["evidence"]?.arrayValue?.compactMap { e in
                e["type"]?.stringValue.map { Evidence(type: $0, description: e["description"]?.stringValue, url: e["url"]?.stringValue) }
            } ?? []

        if let end, end < start { throw .schema(path: "period.end", reason: "is before period.start (\(start))") }
        if let ratings, ratings.average > ratings.scale {
            throw .schema(path: "ratings.average", reason: "is higher than the scale (\(JSONValue.number(ratings.scale).serialized()))")
        }
        if let hours, let end {
            let days = Double(end.dayNumber - start.dayNumber + 1)
            if hours > days * 24 { throw .schema(path: "hours", reason: "is more than the \(Int(days * 24)) hours in the period") }
        }
    }

    /// The record without earnings: what a share shows unless the worker includes earnings.
    public var withoutEarnings: JSONValue {
        guard case .object(var members) = json else { return json }
        members["earnings"] = nil
        return .object(members)
    }
}
