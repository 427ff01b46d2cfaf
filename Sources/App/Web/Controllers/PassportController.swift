import Days
import Foundation
import Identifiers
import Localization
import Passport
import Taxonomy
import Vapor

/// The worker's own passport: the timeline, a one-time code for platforms, and records the
/// worker adds themselves (always shown as self-declared).
enum PassportController {
    static func workerID(_ req: Request) throws -> WorkerID {
        guard let user = req.user, user.role == .worker else { throw Abort(.forbidden) }
        return user.id
    }

    static func page(_ req: Request) async throws -> Response {
        let worker = try workerID(req)
        let rows = try await req.application.passportStore.records(worker: worker)
        return .html(
            PassportPages.passport(PageContext(req), entries: try await PassportReading.entries(rows, store: req.application.passportStore, taxonomy: req.application.taxonomy.index), code: nil))
    }

    /// POST /paspoort/code: a new one-time code for a platform, valid for 30 minutes.
    static func makeCode(_ req: Request) async throws -> Response {
        let worker = try workerID(req)
        var random = BytesRandom(bytes: req.application.dependencies.randomBytes(256))
        let code = PassportCode.make(using: &random)
        let now = req.application.dependencies.now()
        try await req.application.passportStore.storeCode(
            hash: PassportCode.hash(PassportCode.normalise(code)!), worker: worker,
            expiresAt: now.addingTimeInterval(PassportCode.lifetime))
        let rows = try await req.application.passportStore.records(worker: worker)
        return .html(
            PassportPages.passport(PageContext(req), entries: try await PassportReading.entries(rows, store: req.application.passportStore, taxonomy: req.application.taxonomy.index), code: code))
    }

    static func addForm(_ req: Request) async throws -> Response {
        _ = try workerID(req)
        return .html(PassportPages.addForm(PageContext(req), form: PassportAddForm(), problems: [:]))
    }

    /// POST /paspoort/toevoegen: checks the form field by field (in the reader's language), then
    /// the record against the standard, and stores it as self-declared.
    static func add(_ req: Request) async throws -> Response {
        let worker = try workerID(req)
        let ctx = PageContext(req)
        let form = (try? req.content.decode(PassportAddForm.self)) ?? PassportAddForm()
        var problems: [String: String] = [:]
        func clean(_ s: String?) -> String { (s ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        let kind = RecordKind(rawValue: clean(form.kind))
        if kind == nil { problems["kind"] = ctx.t("Kies wat voor werk het was.", "Choose what kind of work it was.") }
        let role = clean(form.roleTitle)
        if role.isEmpty || role.count > 200 { problems["roleTitle"] = ctx.t("Schrijf op wat je deed, in 1 tot 200 tekens.", "Write what you did, in 1 to 200 characters.") }
        let organisation = clean(form.organisation)
        if organisation.count > 200 { problems["organisation"] = ctx.t("Gebruik hoogstens 200 tekens.", "Use at most 200 characters.") }
        let start = Day(iso: clean(form.start), latestYear: Day.latestRecordYear)
        if start == nil { problems["start"] = ctx.t("Vul een datum in, zoals 2024-03-01.", "Enter a date, like 2024-03-01.") }
        var end: Day?
        if !clean(form.end).isEmpty {
            end = Day(iso: clean(form.end), latestYear: Day.latestRecordYear)
            if end == nil {
                problems["end"] = ctx.t("Vul een datum in, zoals 2024-09-30, of laat het leeg.", "Enter a date, like 2024-09-30, or leave it empty.")
            } else if let start, end! < start {
                problems["end"] = ctx.t("Het einde ligt vóór het begin.", "The end is before the start.")
            }
        }
        var hours: Double?
        if !clean(form.hours).isEmpty {
            hours = dutchNumber(clean(form.hours))
            if hours == nil || hours! < 0 || hours! > 100_000 { problems["hours"] = ctx.t("Vul een aantal uren in, zoals 120.", "Enter a number of hours, like 120.") }
        }
        // Platform work names the platform and counts the jobs (the standard requires both).
        var jobs: Int?
        if !clean(form.jobs).isEmpty {
            jobs = Int(clean(form.jobs).replacingOccurrences(of: ".", with: ""))
            if jobs == nil || !(1...1_000_000).contains(jobs!) { problems["jobs"] = ctx.t("Vul een aantal in, zoals 25.", "Enter a number, like 25.") }
        }
        if kind == .platformWork {
            if organisation.isEmpty { problems["organisation"] = ctx.t("Vul in via welk platform je werkte.", "Fill in which platform you worked through.") }
            if clean(form.jobs).isEmpty { problems["jobs"] = ctx.t("Vul in hoeveel klussen of diensten je deed, zoals 25.", "Fill in how many jobs or shifts you did, like 25.") }
        }
        let tasks = clean(form.tasks).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if tasks.count > 50 || tasks.contains(where: { $0.count > 300 }) {
            problems["tasks"] = ctx.t("Hoogstens 50 taken, elk hoogstens 300 tekens.", "At most 50 tasks, each at most 300 characters.")
        }
        // The occupation is optional: the closest ESCO occupation to what the worker typed.
        var occupationURI: String?
        let occupationText = clean(form.occupation)
        if !occupationText.isEmpty {
            occupationURI = req.application.taxonomy.index?.searchOccupations(String(occupationText.prefix(200)), limit: 1).first?.occupation.uri
            if occupationURI == nil {
                problems["occupation"] = ctx.t("Dit beroep vinden we niet. Probeer een ander woord of laat het leeg.", "We cannot find this occupation. Try another word or leave it empty.")
            }
        }
        guard problems.isEmpty, let kind, let start else {
            return .html(PassportPages.addForm(ctx, form: form, problems: problems), status: .unprocessableEntity)
        }
        var record: [String: JSONValue] = [
            "type": .string("WorkRecord"), "kind": .string(kind.rawValue), "roleTitle": .string(role),
            "period": .object(["start": .string(start.description)].merging(end.map { ["end": .string($0.description)] } ?? [:]) { a, _ in a }),
        ]
        if !organisation.isEmpty { record["organisation"] = .object(["name": .string(organisation)]) }
        if let hours { record["hours"] = .number(hours) }
        if let jobs {
            record["jobs"] = .number(Double(jobs))
            // A self-declared count covers the whole period; "job" would have to be exactly one.
            record["aggregation"] = .string(jobs == 1 && kind != .platformWork ? "job" : "period")
        }
        if !tasks.isEmpty { record["tasks"] = .array(tasks.map { .string(String($0)) }) }
        if let occupationURI { record["occupation"] = .string(occupationURI) }
        let json = JSONValue.object(record)
        let service = try req.application.passport
        let parsed: WorkRecord
        do {
            parsed = try service.validate(record: json, taxonomy: req.application.taxonomy.index)
        } catch {
            // The checks above cover what the standard asks of this form; this is a safety net.
            problems["form"] = ctx.t(
                "Dit werk kon niet worden opgeslagen: het past niet in de standaard voor werkbewijzen. Controleer de velden.",
                "This work could not be saved: it does not fit the work record standard. Check the fields.")
            return .html(PassportPages.addForm(ctx, form: form, problems: problems), status: .unprocessableEntity)
        }
        let now = req.application.dependencies.now()
        try await req.application.passportStore.insertRecords(
            [
                PassportRecordRow(
                    id: UUID().idString, workerID: worker.string, source: "self", issuerID: nil, credentialID: nil,
                    subjectID: nil, token: nil, recordJSON: json.serialized(), kind: kind.rawValue, roleTitle: role,
                    periodStart: parsed.start.description, periodEnd: parsed.end?.description, statusList: nil, statusIndex: nil,
                    validFrom: nil, validUntil: nil, revokedAt: nil, createdAt: now)
            ], links: [], now: now)
        return req.redirect(to: SiteRoute.passport.link, redirectType: .normal)
    }

    /// Reads a number as people type it here: "1.200" and "1.200,5" are Dutch (dots group
    /// thousands), "12,5" has a decimal comma, "12.5" a decimal point.
    static func dutchNumber(_ text: String) -> Double? {
        let t = text.replacingOccurrences(of: " ", with: "")
        if t.wholeMatch(of: /[0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?/) != nil {
            return Double(t.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: "."))
        }
        return Double(t.replacingOccurrences(of: ",", with: "."))
    }

    /// POST /paspoort/werk/:id/verwijderen: removes a self-declared record of this worker.
    static func delete(_ req: Request) async throws -> Response {
        let worker = try workerID(req)
        guard let id = req.parameters.get("id"), UUID(uuidString: id) != nil,
            try await req.application.passportStore.deleteSelfDeclared(id: id.lowercased(), worker: worker)
        else {
            throw Abort(.notFound, reason: Lang.of(req).t("Dit werk staat niet in je paspoort of kun je niet zelf verwijderen.", "This work is not in your passport or you cannot remove it yourself."))
        }
        return req.redirect(to: SiteRoute.passport.link, redirectType: .normal)
    }
}

/// A random number generator over injected bytes, so tests can fix passport codes.
struct BytesRandom: RandomNumberGenerator {
    var bytes: [UInt8]
    var position = 0
    mutating func next() -> UInt64 {
        var value: UInt64 = 0
        for _ in 0..<8 {
            value = value << 8 | UInt64(bytes[position % bytes.count])
            position += 1
        }
        return value
    }
}

extension PassportAddForm: Content {}
