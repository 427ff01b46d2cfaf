import Leermiles

/// The words for leermiles, shared by the overview page, the funder page and the yearly statement.
enum LeermilesText {
    /// "1.234,5" in Dutch, "1,234.5" in English: hundredths only when there are any.
    static func miles(_ m: Miles, english: Bool) -> String {
        let magnitude = m.hundredths.magnitude
        let cents = magnitude % 100
        let fraction = cents == 0 ? "" : (english ? "." : ",") + (cents % 10 == 0 ? "\(cents / 10)" : cents < 10 ? "0\(cents)" : "\(cents)")
        return (m.hundredths < 0 ? "-" : "") + InsightNumbers(english: english).whole(Double(magnitude / 100)) + fraction
    }

    static func reason(_ r: PostingReason, english: Bool) -> String {
        switch r {
        case .workHours: english ? "Hours worked" : "Gewerkte uren"
        case .serviceYears: english ? "Years with the same employer" : "Jaren bij dezelfde werkgever"
        case .contribution: english ? "Contribution" : "Bijdrage"
        case .leaveHours: english ? "Leave hours converted" : "Verlofuren omgezet"
        case .topUp: english ? "Extra for people without a starting qualification" : "Extra omdat je nog geen startkwalificatie hebt"
        case .reserve: english ? "Set aside for a course" : "Apart gezet voor een cursus"
        case .settle: english ? "Paid for a course" : "Betaald voor een cursus"
        case .release: english ? "Back from a cancelled course" : "Terug van een geannuleerde cursus"
        case .reversal: english ? "Correction" : "Correctie"
        }
    }

    static func state(_ s: ReservationState, english: Bool) -> String {
        switch s {
        case .awaitingApproval: english ? "Waiting for approval" : "Wacht op goedkeuring"
        case .open: english ? "Reserved" : "Gereserveerd"
        case .settled: english ? "Paid: course done" : "Betaald: cursus klaar"
        case .released: english ? "Cancelled: points returned" : "Geannuleerd: punten terug"
        }
    }

    /// "12-03-2026" in Dutch, "2026-03-12" in English.
    static func day(_ d: Day, english: Bool) -> String {
        english ? d.description : String(format: "%02d-%02d-%04d", d.day, d.month, d.year)
    }

    static let monthNames = (nl: ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
                             en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"])

    static func month(_ d: Day, english: Bool) -> String { (english ? monthNames.en : monthNames.nl)[d.month - 1] }
}
