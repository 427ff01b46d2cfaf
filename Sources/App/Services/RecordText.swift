import Days
import Foundation
import Localization
import Passport

/// How a work record reads, in Dutch or English: shared by the passport page, the public
/// verification page and the KlusCV, so the three never say it differently.
enum RecordText {
    static func kindName(_ kind: RecordKind, _ lang: Lang) -> String {
        switch kind {
        case .platformWork: lang.t("Werk via een platform", "Platform work")
        case .employment: lang.t("Baan in loondienst", "Employment")
        case .tempAgency: lang.t("Uitzendwerk", "Temp agency work")
        case .selfEmployed: lang.t("Opdracht als zzp'er", "Self-employed assignment")
        case .volunteering: lang.t("Vrijwilligerswerk", "Volunteering")
        case .informalCare: lang.t("Mantelzorg", "Informal care")
        case .training: lang.t("Cursus of opleiding", "Course or training")
        }
    }

    /// One decimal at most, thousands grouped: 5.997,5 in Dutch, 5,997.5 in English.
    static func number(_ value: Double, _ lang: Lang) -> String {
        let tenths = Int((value * 10).rounded())
        var whole = String(abs(tenths) / 10)
        let group = lang.isEnglish ? "," : "."
        var index = whole.endIndex
        while whole.distance(from: whole.startIndex, to: index) > 3 {
            index = whole.index(index, offsetBy: -3)
            whole.insert(contentsOf: group, at: index)
        }
        let sign = tenths < 0 ? "-" : ""
        return tenths % 10 == 0 ? sign + whole : sign + whole + (lang.isEnglish ? "." : ",") + String(abs(tenths) % 10)
    }

    /// Kind · organisation · period.
    static func meta(_ r: WorkRecord, _ lang: Lang) -> String {
        [kindName(r.kind, lang), r.organisation, PeriodText.describe(start: r.start, end: r.end, lang: lang)]
            .compactMap { $0 }.joined(separator: " · ")
    }

    /// Hours · jobs · rating · reliability (and earnings only when asked for).
    static func numbers(_ r: WorkRecord, _ lang: Lang, earnings: Bool = false) -> String {
        var parts: [String] = []
        if let h = r.hours { parts.append(number(h, lang) + lang.t(" uur", " hours")) }
        if let j = r.jobs { parts.append("\(j) " + (j == 1 ? lang.t("klus", "job") : lang.t("klussen", "jobs"))) }
        if let rating = r.ratings {
            parts.append(lang.t("waardering ", "rating ") + number(rating.average, lang) + " / " + number(rating.scale, lang) + " (\(rating.count))")
        }
        if let rel = r.reliability {
            let total = rel.completed + rel.cancelled + rel.noShow
            if total > 0 { parts.append(lang.t("\(rel.completed) van \(total) afgemaakt", "\(rel.completed) of \(total) completed")) }
        }
        if earnings, let e = r.earnings {
            let amount = e.currency == "EUR" ? "€ " + number(e.amount, lang) : number(e.amount, lang) + " " + e.currency
            parts.append(lang.t("verdiend ", "earned ") + amount)
        }
        return parts.joined(separator: " · ")
    }

    /// "14:05": the time of day in UTC.
    static func clock(_ date: Date) -> String {
        String(Timestamp.format(date).dropFirst(11).prefix(5))
    }

    /// "23 nov 2026".
    static func day(_ date: Date, _ lang: Lang) -> String {
        guard let d = Day(iso: Timestamp.format(date).prefix(10)) else { return Timestamp.format(date) }
        return PeriodText.describe(start: d, end: d, lang: lang)
    }
}
