import Engine
import Foundation

/// The plain sentences that explain a match or a transition, in Dutch (B1) or English.
public enum CareerText {
    /// "Je hebt 7 van de 9 vaardigheden. Nog nodig: a, b en c." — built from the same numbers that ranked it.
    public static func matchSentence(_ match: VacancyMatch, skillLabel: (Int32) -> String, english: Bool) -> String {
        let total = match.have.count + match.missing.count
        let first = english ? "You have \(match.have.count) of the \(total) skills." : "Je hebt \(match.have.count) van de \(total) vaardigheden."
        guard !match.missing.isEmpty else { return first + (english ? " Nothing is missing." : " Er ontbreekt niets.") }
        return first + (english ? " Still needed: " : " Nog nodig: ") + list(match.missing.map(skillLabel), english: english) + "."
    }

    /// "12 km van huis · 16 tot 24 uur per week · tijdelijk contract"
    public static func matchFacts(_ vacancy: Vacancy, distanceKm: Double, english: Bool) -> String {
        let km = distanceKm < 1 ? (english ? "in your town" : "in je eigen plaats")
            : english ? "\(Int(distanceKm.rounded())) km from home" : "\(Int(distanceKm.rounded())) km van huis"
        return [km, hours(vacancy, english: english), contract(vacancy.contract, english: english)].joined(separator: " · ")
    }

    /// "16 tot 24 uur per week"
    public static func hours(_ vacancy: Vacancy, english: Bool) -> String {
        vacancy.hoursMin == vacancy.hoursMax
            ? (english ? "\(vacancy.hoursMin) hours a week" : "\(vacancy.hoursMin) uur per week")
            : (english ? "\(vacancy.hoursMin) to \(vacancy.hoursMax) hours a week" : "\(vacancy.hoursMin) tot \(vacancy.hoursMax) uur per week")
    }

    public static func contract(_ c: ContractType, english: Bool) -> String {
        switch c {
        case .permanent: english ? "permanent contract" : "vast contract"
        case .temporary: english ? "temporary contract" : "tijdelijk contract"
        case .onCall: english ? "on call" : "oproepcontract"
        case .freelance: english ? "freelance" : "als zzp'er"
        case .gig: english ? "short job" : "losse klus"
        }
    }

    /// "Je hebt al 5 van de 8 belangrijke vaardigheden."
    public static func transitionSentence(covered: Int, missing: Int, english: Bool) -> String {
        english ? "You already have \(covered) of the \(covered + missing) key skills."
            : "Je hebt al \(covered) van de \(covered + missing) belangrijke vaardigheden."
    }

    public static func viability(_ v: Viability, english: Bool) -> String {
        switch v {
        case .highlyViable: english ? "Close by" : "Dichtbij"
        case .viable: english ? "Within reach" : "Binnen bereik"
        case .notViable: english ? "A bigger step" : "Grotere stap"
        }
    }

    /// "a, b en c" / "a, b and c", at most `limit` names and then "and 3 more".
    public static func list(_ items: [String], english: Bool, limit: Int = 3) -> String {
        let shown = Array(items.prefix(limit))
        let rest = items.count - shown.count
        let and = english ? " and " : " en "
        if rest > 0 { return shown.joined(separator: ", ") + and + (english ? "\(rest) more" : "\(rest) andere") }
        guard shown.count > 1 else { return shown.first ?? "" }
        return shown.dropLast().joined(separator: ", ") + and + shown.last!
    }
}
