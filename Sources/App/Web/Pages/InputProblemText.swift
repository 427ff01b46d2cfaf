import CSV
import Engine
import Localization

/// What is wrong with an uploaded file or a form field, in the page's language. The engine says
/// what is wrong as a type; only here does it become words.
extension InputProblem {
    func text(_ lang: Lang) -> String {
        lang.isEnglish ? english : dutch
    }

    private var dutch: String {
        switch self {
        case .fileEmpty: "het bestand is leeg"
        case .unreadable(let error): Self.dutch(error)
        case .missingColumn(let name, let required): "kolom \"\(name)\" ontbreekt; de eerste regel moet deze kolommen hebben: \(required.joined(separator: ", "))"
        case .unknownColumn(let name, let allowed): "kolom \"\(name)\" kennen we niet; toegestaan: \(allowed.joined(separator: ", "))"
        case .duplicateColumn(let name): "kolom \"\(name)\" staat er twee keer in"
        case .noRows: "het bestand heeft kolomnamen maar geen regels"
        case .fieldCount(let count, let header): "heeft \(count) velden, de eerste regel heeft er \(header)"
        case .fileTooLarge(let megabytes): "het bestand is groter dan \(megabytes) MB"
        case .empty: "is leeg"
        case .tooLong(let max): "is langer dan \(max) tekens"
        case .notANumber: "is geen getal"
        case .notWholeNumber(let text): "\"\(text)\" is geen heel getal"
        case .outOfRange(let n, let range): "\(n) ligt niet tussen \(range.lowerBound) en \(range.upperBound)"
        case .notEuros(let text): "\"\(text)\" is geen bedrag in euro zoals 250 of 12,50"
        case .notDate(let text): "\"\(text)\" is geen datum zoals 2027-01-31"
        case .notYesNo(let text): "\"\(text)\" is geen yes of no"
        case .notOneOf(let text, let allowed): "\"\(text)\" moet \(Self.choice(allowed, or: "of")) zijn"
        case .notESCOSkill(let uri): "\(uri) is geen vaardigheid uit ESCO"
        case .notESCOOccupation(let uri): "\(uri) is geen beroep uit ESCO"
        case .notOutlookKey(let key): "\"\(key)\" is geen ISCO-08-code (1 tot 4 cijfers) met beroepen in ESCO, en ook geen adres van een ESCO-beroep"
        case .courseWithoutSkill: "een cursus moet minstens één vaardigheid uit ESCO leren"
        case .vacancyWithoutSkill: "noem minstens één vaardigheid uit ESCO die het werk vraagt"
        case .unknownPlace(let name): "\"\(name)\" is geen Nederlandse plaats die we kennen"
        case .notHTTPS: "moet beginnen met https://"
        case .duplicate(let id, let line): "\(id) staat al op regel \(line)"
        case .alreadyOnBoard(let id): "\(id) staat al op het bord"
        case .lessThanHoursMin(let min): "is kleiner dan hours_min (\(min))"
        case .notSBICode(let code): "\"\(code)\" is geen SBI-code zoals N of N8121"
        case .notDays(let text): "\"\(text)\" moeten dagen zijn zoals mon|wed|fri (of leeg voor \"in overleg\")"
        case .notFound: "niet gevonden"
        case .noHours: "met 0 uur per week past geen werk; kies minstens 1 uur"
        case .tooManyHours(let max): "kies hoogstens \(max) uur per week"
        case .noDay: "kies minstens één dag waarop je kunt werken"
        case .travelOutOfRange(let range): "kies een afstand van \(range.lowerBound) tot \(range.upperBound) km"
        case .homeNotInList: "deze plaats staat niet in de lijst van Nederlandse plaatsen"
        case .noContract: "kies minstens één soort contract"
        case .notSBISection(let code): "\(code) is geen SBI-sectie (A tot en met U)"
        }
    }

    private static func dutch(_ error: CSVError) -> String {
        let what =
            switch error.kind {
            case .notUTF8: "geen geldige UTF-8; sla het bestand op als CSV in UTF-8"
            case .unclosedQuote: "een veld met aanhalingstekens wordt niet gesloten"
            case .textAfterClosingQuote: "tekst na een sluitend aanhalingsteken"
            case .quoteInUnquotedField: "een aanhalingsteken midden in een veld"
            case .empty: "het bestand is leeg"
            case .fieldCount(let count, let header): "\(count) velden, de eerste regel heeft er \(header)"
            case .missingColumn(let name): "kolom \"\(name)\" ontbreekt in de eerste regel"
            }
        return error.field.map { "\(what) (veld \($0))" } ?? what
    }
}
