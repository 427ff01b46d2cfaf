import Localization

/// What the report calls the variables and categories, in Dutch (the study's wording) and English.
public enum Labels {
    public static func variable(_ v: TableVariable, lang: Lang) -> String {
        let names: [TableVariable: (String, String)] = [
            .sex: ("Geslacht", "Sex"), .age: ("Leeftijd", "Age"), .household: ("Huishouden", "Household"),
            .education: ("Opleiding", "Education"), .income: ("Inkomen per jaar", "Yearly income"),
            .breadwinner: ("Hoofdkostwinner", "Main breadwinner"), .independent: ("Financieel onafhankelijk", "Economically independent"),
            .contract: ("Contract", "Contract"), .hours: ("Uren per week", "Hours a week"), .sector: ("Bedrijfstak", "Sector"),
            .jobs: ("Aantal banen", "Number of jobs"),
        ]
        let pair = names[v]!
        return lang.isEnglish ? pair.1 : pair.0
    }

    public static func category(_ v: TableVariable, _ code: String, lang: Lang) -> String {
        if v == .sector { return sector(code, lang: lang) }
        let names: [String: (String, String)] = [
            "man": ("Man", "Man"), "vrouw": ("Vrouw", "Woman"),
            "under25": ("Jonger dan 25", "Under 25"), "from25": ("25 tot 35", "25 to 35"), "from35": ("35 tot 45", "35 to 45"),
            "from45": ("45 tot 55", "45 to 55"), "from55": ("55 en ouder", "55 and over"),
            "partner_met_kind": ("Partner in paar met kind", "Partner with children"), "alleenstaande_ouder": ("Alleenstaande ouder", "Single parent"),
            "partner_zonder_kind": ("Partner in paar zonder kind", "Partner without children"), "alleenstaande": ("Alleenstaande", "Living alone"),
            "thuiswonend_kind": ("Thuiswonend kind", "Living with parents"), "overig": ("Overig", "Other"),
            "laag": ("Laag (zonder startkwalificatie)", "Low (no starting qualification)"), "mbo2": ("Mbo 2", "MBO 2"), "mbo3": ("Mbo 3", "MBO 3"),
            "mbo4": ("Mbo 4", "MBO 4"), "havo_vwo": ("Havo/vwo", "HAVO/VWO"), "hoog": ("Hoog (hbo, wo)", "Higher education"),
            "onbekend": ("Onbekend", "Unknown"), "ja": ("Ja", "Yes"), "nee": ("Nee", "No"),
            "under10k": ("Minder dan € 10.000", "Under € 10,000"), "from10k": ("€ 10.000 tot 20.000", "€ 10,000 to 20,000"),
            "from20k": ("€ 20.000 tot 30.000", "€ 20,000 to 30,000"), "from30k": ("€ 30.000 tot 40.000", "€ 30,000 to 40,000"),
            "from40k": ("€ 40.000 tot 50.000", "€ 40,000 to 50,000"), "over50k": ("€ 50.000 of meer", "€ 50,000 or more"),
            "unknown": ("Onbekend", "Unknown"),
            "vast": ("Vast", "Permanent"), "flex": ("Flex", "Flex"), "bepaalde_tijd": ("Bepaalde tijd", "Fixed-term"),
            "<12": ("Minder dan 12 uur", "Under 12 hours"), "12-20": ("12 tot 20 uur", "12 to 20 hours"), "20-25": ("20 tot 25 uur", "20 to 25 hours"),
            "25-30": ("25 tot 30 uur", "25 to 30 hours"), "30-35": ("30 tot 35 uur", "30 to 35 hours"), "35+": ("35 uur of meer", "35 hours or more"),
            "1": ("Eén baan", "One job"), "2+": ("Twee of meer banen", "Two or more jobs"),
        ]
        guard let pair = names[code] else { return code }
        return lang.isEnglish ? pair.1 : pair.0
    }

    /// SBI 2008 sections, with temp agencies (78) apart from the rest of N.
    public static let sectorOrder = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "N78", "O", "P", "Q", "R", "S", "T", "U"]

    public static func sector(_ code: String, lang: Lang) -> String {
        let names: [String: (String, String)] = [
            "A": ("Landbouw en visserij", "Agriculture and fishing"), "B": ("Delfstoffenwinning", "Mining"), "C": ("Industrie", "Manufacturing"),
            "D": ("Energie", "Energy"), "E": ("Water en afval", "Water and waste"), "F": ("Bouw", "Construction"),
            "G": ("Groot- en detailhandel", "Wholesale and retail"), "H": ("Vervoer en opslag", "Transport and storage"),
            "I": ("Horeca", "Hospitality"), "J": ("Informatie en communicatie", "Information and communication"),
            "K": ("Financiële diensten", "Financial services"), "L": ("Verhuur en handel van onroerend goed", "Real estate"),
            "M": ("Specialistische zakelijke diensten", "Professional services"), "N": ("Overige zakelijke diensten", "Other business services"),
            "N78": ("Uitzendbureaus en arbeidsbemiddeling", "Temp agencies and job placement"), "O": ("Openbaar bestuur", "Public administration"),
            "P": ("Onderwijs", "Education"), "Q": ("Gezondheid en welzijn", "Health and welfare"), "R": ("Cultuur, sport en recreatie", "Culture, sport and recreation"),
            "S": ("Overige diensten", "Other services"), "T": ("Huishoudens", "Households"), "U": ("Extraterritoriale organisaties", "Extraterritorial organisations"),
        ]
        guard let pair = names[code] else { return code }
        return lang.isEnglish ? pair.1 : pair.0
    }
}
