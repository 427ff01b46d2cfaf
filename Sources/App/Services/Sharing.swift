import Fluent
import Foundation
import Identifiers
import KlusCV
import Localization
import Passport
import Taxonomy
import Vapor

/// A record in a share, with where it stands right now.
struct SharedRecord {
    let entry: PassportEntry
    let status: LiveStatus
}

/// What the holder of a share link sees: whose work, which records, each with its live status.
struct ShareView {
    let share: ShareRow
    let workerName: String
    let records: [SharedRecord]
}

/// Share links and the KlusCV: making a share, reading it with live statuses, and the PDF.
/// It holds the parts it uses, not the application: `Application.sharing` wires them.
struct Sharing: Sendable {
    static let expiryChoices = [30, 90, 365]
    static let defaultExpiryDays = 90

    let database: any Database
    let taxonomy: TaxonomyIndex?
    let dependencies: AppDependencies
    /// The site's public address, before every share link.
    let publicURL: String

    var shares: ShareStore { ShareStore(database: database) }
    var passports: PassportStore { PassportStore(database: database) }

    /// A new share of `recordIDs` (all of them this worker's), live for `days` days.
    func create(worker: WorkerID, label: String, recordIDs: [String], showEarnings: Bool, days: Int) async throws -> ShareRow {
        let now = dependencies.now()
        let share = ShareRow(
            id: dependencies.token(bytes: 16), workerID: worker.string, label: label,
            showEarnings: showEarnings, createdAt: now, expiresAt: now.addingTimeInterval(Double(days) * 86_400), revokedAt: nil)
        try await shares.create(share, recordIDs: recordIDs)
        return share
    }

    /// The share's records with live statuses: revocations, withdrawn keys and validity read now.
    func view(_ share: ShareRow) async throws -> ShareView {
        let rows = try await shares.records(shareID: share.id)
        let entries = try await PassportReading.entries(rows, store: passports, taxonomy: taxonomy)
        var keys: [String: Set<String>] = [:]
        for issuer in Set(rows.compactMap(\.issuerID)) {
            keys[issuer] = Set(try await passports.activeKeys(issuerID: issuer)[issuer].map { Array($0.keys) } ?? [])
        }
        let now = dependencies.now()
        let records = entries.map { entry in
            let row = entry.row
            let kid = row.token.flatMap(CompactJWS.keyID(of:))
            let keyActive = row.issuerID.map { issuer in kid.map { keys[issuer]?.contains($0) ?? false } ?? !(keys[issuer]?.isEmpty ?? true) } ?? false
            return SharedRecord(
                entry: entry,
                status: LiveStatus.of(
                    issued: row.isVerified, revokedAt: row.revokedAt, keyActive: keyActive,
                    validFrom: row.validFrom, validUntil: row.validUntil, now: now))
        }
        let name = try await UserModel.find(UserID(share.workerID)?.uuid, on: database)?.name ?? "?"
        return ShareView(share: share, workerName: name, records: records)
    }

    /// The public address of a share: what the QR code on the KlusCV holds.
    func url(_ share: ShareRow) -> String {
        publicURL + SiteRoute.shareView(id: share.id).link
    }

    /// The KlusCV of a share, in `lang`.
    func kluscv(_ view: ShareView, _ lang: Lang) throws -> Data {
        try KlusCVRenderer.pdf(Self.document(view, lang, url: url(view.share), now: dependencies.now()))
    }

    static func statusText(_ status: LiveStatus, issuer: String?, _ lang: Lang) -> String {
        let who = issuer ?? "?"
        return switch status {
        case .valid: lang.t("Bevestigd door \(who)", "Confirmed by \(who)")
        case .selfDeclared: lang.t("Zelf ingevuld, niet gecontroleerd", "Self-declared, not checked")
        case .revoked(let at): lang.t("Ingetrokken door \(who) op \(RecordText.day(at, lang))", "Revoked by \(who) on \(RecordText.day(at, lang))")
        case .keyWithdrawn: lang.t("Niet meer geldig: \(who) heeft de sleutel ingetrokken", "No longer valid: \(who) withdrew the key")
        case .expired(let at): lang.t("Verlopen op \(RecordText.day(at, lang))", "Expired on \(RecordText.day(at, lang))")
        case .notYetValid(let at): lang.t("Geldig vanaf \(RecordText.day(at, lang))", "Valid from \(RecordText.day(at, lang))")
        }
    }

    static func document(_ view: ShareView, _ lang: Lang, url: String, now: Date) -> KlusCVDocument {
        let records = view.records
        let totals = PassportTotals(records.map { ($0.entry.record, $0.status == .valid) })
        var facts: [KlusCVDocument.Fact] = [
            .init(label: lang.t("uur gewerkt", "hours worked"), value: RecordText.number(totals.hours, lang)),
            .init(label: lang.t("klussen", "jobs"), value: RecordText.number(Double(totals.jobs), lang)),
            .init(label: lang.t("bevestigd door platform of werkgever", "confirmed by platform or employer"), value: "\(totals.verified) / \(totals.records)"),
        ]
        if let rating = totals.ratingAverage {
            facts.append(
                .init(
                    label: lang.t("waardering uit \(totals.ratingCount) beoordelingen", "rating from \(totals.ratingCount) reviews"),
                    value: RecordText.number(rating, lang) + " / 5"))
        }
        let entries = records.map { shared -> KlusCVDocument.Entry in
            let r = shared.entry.record
            let standing: KlusCVDocument.Standing =
                switch shared.status {
                case .valid: .verified
                case .selfDeclared: .selfDeclared
                default: .revoked
                }
            return .init(
                title: r.roleTitle, meta: RecordText.meta(r, lang), standing: standing,
                standingText: statusText(shared.status, issuer: shared.entry.issuerName, lang),
                numbers: RecordText.numbers(r, lang, earnings: view.share.showEarnings),
                tasks: Array(r.tasks.prefix(4)), skills: shared.entry.skills.prefix(6).map { $0.label(in: lang.escoLanguage).text })
        }
        // The skills the work shows most often, in the order they first appear.
        var counts: [String: Int] = [:]
        var order: [String] = []
        for shared in records {
            for skill in shared.entry.skills {
                let label = skill.label(in: lang.escoLanguage).text
                if counts[label] == nil { order.append(label) }
                counts[label, default: 0] += 1
            }
        }
        let skills = Array(order.enumerated().sorted { (counts[$0.element]!, -$0.offset) > (counts[$1.element]!, -$1.offset) }.map(\.element).prefix(20))
        return KlusCVDocument(
            lang: lang, name: view.workerName, summary: summary(view, totals, lang), totals: facts, entries: entries,
            skills: skills,
            skillsNote: lang.isEnglish || skills.isEmpty
                ? nil : "De namen van vaardigheden komen uit ESCO, de Europese lijst van beroepen en vaardigheden. Waar ESCO nog geen Nederlandse naam heeft, staat de Engelse.",
            verificationURL: url, madeOn: RecordText.day(now, lang), validUntil: RecordText.day(view.share.expiresAt, lang))
    }

    /// Two or three plain sentences: how much work, what kind, how much of it is confirmed.
    static func summary(_ view: ShareView, _ totals: PassportTotals, _ lang: Lang) -> String {
        let first = view.workerName.split(separator: " ").first.map(String.init) ?? view.workerName
        guard totals.records > 0 else { return lang.t("\(first) heeft nog geen werk in dit KlusCV gezet.", "\(first) has not put any work in this KlusCV yet.") }
        var roles: [String] = []
        for shared in view.records where !roles.contains(shared.entry.record.roleTitle) && roles.count < 3 { roles.append(shared.entry.record.roleTitle) }
        var text = lang.t(
            "In dit KlusCV staat \(totals.records) keer werk van \(first), zoals: \(roles.joined(separator: ", ")).",
            "This KlusCV holds \(totals.records) pieces of work by \(first), such as: \(roles.joined(separator: ", ")).")
        if totals.hours > 0 { text += lang.t(" Samen \(RecordText.number(totals.hours, lang)) uur.", " \(RecordText.number(totals.hours, lang)) hours in all.") }
        text +=
            " "
            + (totals.verified == totals.records
                ? lang.t("Alles is bevestigd door het platform of de werkgever.", "All of it is confirmed by the platform or employer.")
                : lang.t("\(totals.verified) daarvan bevestigd door het platform of de werkgever.", "\(totals.verified) of them confirmed by the platform or employer."))
        return text
    }
}
