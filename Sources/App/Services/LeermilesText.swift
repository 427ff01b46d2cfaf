import Days
import Leermiles
import Localization

/// The words for leermiles, shared by the overview page, the funder page and the yearly statement.
enum LeermilesText {
    /// "1.234,5" in Dutch, "1,234.5" in English: hundredths only when there are any.
    static func miles(_ m: Miles, lang: Lang) -> String {
        let magnitude = m.hundredths.magnitude
        let cents = magnitude % 100
        let fraction = cents == 0 ? "" : (lang.isEnglish ? "." : ",") + (cents % 10 == 0 ? "\(cents / 10)" : cents < 10 ? "0\(cents)" : "\(cents)")
        return (m.hundredths < 0 ? "-" : "") + InsightNumbers(lang: lang).whole(Double(magnitude / 100)) + fraction
    }

    static func reason(_ r: PostingReason, lang: Lang) -> String {
        switch r {
        case .workHours: lang.isEnglish ? "Hours worked" : "Gewerkte uren"
        case .serviceYears: lang.isEnglish ? "Years with the same employer" : "Jaren bij dezelfde werkgever"
        case .contribution: lang.isEnglish ? "Contribution" : "Bijdrage"
        case .leaveHours: lang.isEnglish ? "Leave hours converted" : "Verlofuren omgezet"
        case .topUp: lang.isEnglish ? "Extra for people without a starting qualification" : "Extra omdat je nog geen startkwalificatie hebt"
        case .reserve: lang.isEnglish ? "Set aside for a course" : "Apart gezet voor een cursus"
        case .settle: lang.isEnglish ? "Paid for a course" : "Betaald voor een cursus"
        case .release: lang.isEnglish ? "Back from a cancelled course" : "Terug van een geannuleerde cursus"
        case .reversal: lang.isEnglish ? "Correction" : "Correctie"
        }
    }

    static func state(_ s: ReservationState, lang: Lang) -> String {
        switch s {
        case .awaitingApproval: lang.isEnglish ? "Waiting for approval" : "Wacht op goedkeuring"
        case .open: lang.isEnglish ? "Reserved" : "Gereserveerd"
        case .settled: lang.isEnglish ? "Paid: course done" : "Betaald: cursus klaar"
        case .released: lang.isEnglish ? "Cancelled: points returned" : "Geannuleerd: punten terug"
        }
    }

    /// "12-03-2026" in Dutch, "2026-03-12" in English.
    static func day(_ d: Day, lang: Lang) -> String {
        lang.isEnglish ? d.description : String(format: "%02d-%02d-%04d", d.day, d.month, d.year)
    }

    static let monthNames = (
        nl: ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
        en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    )

    static func month(_ d: Day, lang: Lang) -> String { (lang.isEnglish ? monthNames.en : monthNames.nl)[d.month - 1] }

    /// Why a reservation step was refused, in the reader's words (B1 Dutch or English).
    static func refusal(_ problem: ReservationProblem, _ lang: Lang) -> String {
        func m(_ amount: Miles) -> String { miles(amount, lang: lang) }
        switch problem {
        case .amount(.insufficient(let wanted, let usable, let elsewhere)):
            return lang.t(
                "Je hebt niet genoeg leermiles voor deze cursus. Hij kost \(m(wanted)) leermiles en je kunt er \(m(usable)) voor gebruiken.",
                "You do not have enough leermiles for this course. It costs \(m(wanted)) leermiles and you can use \(m(usable)) for it.")
                + (elsewhere > .zero ? lang.t(" \(m(elsewhere)) leermiles zijn alleen voor andere cursussen.", " \(m(elsewhere)) leermiles are only for other courses.") : "")
        case .amount:
            return lang.t("Het aantal leermiles voor deze cursus klopt niet.", "The number of leermiles for this course is not right.")
        case .unknownCourse, .catalogueNotLoaded:
            return lang.t("Deze cursus kunnen we niet vinden.", "We cannot find this course.")
        case .freeCourse:
            return lang.t("Deze cursus is gratis. Je hebt er geen leermiles voor nodig.", "This course is free. You do not need leermiles for it.")
        case .noCourseChosen:
            return lang.t("Kies eerst een cursus.", "Choose a course first.")
        case .formIncomplete, .badID, .idUsedElsewhere:
            return lang.t(
                "Het formulier is niet compleet. Open de pagina opnieuw en probeer het nog eens.",
                "The form is incomplete. Open the page again and try once more.")
        case .notFound:
            return lang.t("Deze reservering bestaat niet.", "This reservation does not exist.")
        case .wrongState(_, let state, let to):
            let now = LeermilesText.state(state, lang: lang).lowercased()
            return state == to
                ? lang.t("Dat is al gebeurd: de reservering is \(now).", "That has happened already: the reservation is \(now).")
                : lang.t("Dat kan niet meer: de reservering is nu \(now).", "That is no longer possible: the reservation is now \(now).")
        }
    }
}
