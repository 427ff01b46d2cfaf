import Engine
import Foundation
import Localization

/// The plain sentences that explain a match or a transition, in Dutch (B1) or English.
public enum CareerText {
    /// "Je hebt 7 van de 9 vaardigheden. Nog nodig: a, b en c." — built from the same numbers that ranked it.
    public static func matchSentence(_ match: VacancyMatch, skillLabel: (Int32) -> String, lang: Lang) -> String {
        let total = match.have.count + match.missing.count
        let first = lang.isEnglish ? "You have \(match.have.count) of the \(total) skills." : "Je hebt \(match.have.count) van de \(total) vaardigheden."
        guard !match.missing.isEmpty else { return first + (lang.isEnglish ? " Nothing is missing." : " Er ontbreekt niets.") }
        return first + (lang.isEnglish ? " Still needed: " : " Nog nodig: ") + list(match.missing.map(skillLabel), lang: lang) + "."
    }

    /// "12 km van huis · 16 tot 24 uur per week · tijdelijk contract"
    public static func matchFacts(_ vacancy: Vacancy, distanceKm: Double, lang: Lang) -> String {
        let km =
            distanceKm < 1
            ? (lang.isEnglish ? "in your town" : "in je eigen plaats")
            : lang.isEnglish ? "\(Int(distanceKm.rounded())) km from home" : "\(Int(distanceKm.rounded())) km van huis"
        return [km, hours(vacancy, lang: lang), contract(vacancy.contract, lang: lang)].joined(separator: " · ")
    }

    /// "16 tot 24 uur per week"
    public static func hours(_ vacancy: Vacancy, lang: Lang) -> String {
        vacancy.hoursMin == vacancy.hoursMax
            ? (lang.isEnglish ? "\(vacancy.hoursMin) hours a week" : "\(vacancy.hoursMin) uur per week")
            : (lang.isEnglish ? "\(vacancy.hoursMin) to \(vacancy.hoursMax) hours a week" : "\(vacancy.hoursMin) tot \(vacancy.hoursMax) uur per week")
    }

    public static func contract(_ c: ContractType, lang: Lang) -> String {
        switch c {
        case .permanent: lang.isEnglish ? "permanent contract" : "vast contract"
        case .temporary: lang.isEnglish ? "temporary contract" : "tijdelijk contract"
        case .onCall: lang.isEnglish ? "on call" : "oproepcontract"
        case .freelance: lang.isEnglish ? "freelance" : "als zzp'er"
        case .gig: lang.isEnglish ? "short job" : "losse klus"
        }
    }

    /// "Je hebt al 5 van de 8 belangrijke vaardigheden."
    public static func transitionSentence(covered: Int, missing: Int, lang: Lang) -> String {
        lang.isEnglish
            ? "You already have \(covered) of the \(covered + missing) key skills."
            : "Je hebt al \(covered) van de \(covered + missing) belangrijke vaardigheden."
    }

    public static func viability(_ v: Viability, lang: Lang) -> String {
        switch v {
        case .highlyViable: lang.isEnglish ? "Close by" : "Dichtbij"
        case .viable: lang.isEnglish ? "Within reach" : "Binnen bereik"
        case .notViable: lang.isEnglish ? "A bigger step" : "Grotere stap"
        }
    }

    /// "a, b en c" / "a, b and c", at most `limit` names and then "and 3 more".
    public static func list(_ items: [String], lang: Lang, limit: Int = 3) -> String {
        let shown = Array(items.prefix(limit))
        let rest = items.count - shown.count
        let and = lang.isEnglish ? " and " : " en "
        if rest > 0 { return shown.joined(separator: ", ") + and + (lang.isEnglish ? "\(rest) more" : "\(rest) andere") }
        guard shown.count > 1 else { return shown.first ?? "" }
        return shown.dropLast().joined(separator: ", ") + and + shown.last!
    }
}
