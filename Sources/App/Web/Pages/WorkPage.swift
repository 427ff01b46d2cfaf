import Engine
import Foundation

/// The wishes as the form sends them: text as typed, so a bad value comes back to be fixed.
struct WishesForm: Codable, Sendable {
    var maxHours: String?
    var days: [String]?
    var maxTravelKm: String?
    var home: String?
    var contracts: [String]?
    var avoid: [String]?
    var searchable: String?

    init() {}

    init(_ w: WorkWishes, searchable: Bool, places: PlaceDirectory) {
        maxHours = String(w.maxHoursPerWeek)
        days = w.days.codeList
        maxTravelKm = String(w.maxTravelKm)
        home = places.place(id: w.homePlaceID)?.name
        contracts = w.contracts.map(\.rawValue).sorted()
        avoid = w.avoidSectors.sorted()
        self.searchable = searchable ? "on" : nil
    }

    /// The wishes, or what is wrong with them (field names as in the form).
    func wishes(places: PlaceDirectory) -> (WorkWishes?, [FieldProblem]) {
        func clean(_ s: String?) -> String { (s ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        var problems: [FieldProblem] = []
        let hours = Int(clean(maxHours))
        if hours == nil { problems.append(.init("maxHours", .notANumber)) }
        let km = Int(clean(maxTravelKm))
        if km == nil { problems.append(.init("maxTravelKm", .notANumber)) }
        let place = places.place(named: clean(home))
        if place == nil { problems.append(.init("home", clean(home).isEmpty ? .empty : .unknownPlace(clean(home)))) }
        let dayCodes = Weekdays(codes: (days ?? []).joined(separator: ","))
        let contractTypes = (contracts ?? []).compactMap(ContractType.init(rawValue:))
        let wishes = WorkWishes(
            maxHoursPerWeek: hours ?? 0, days: dayCodes ?? [], maxTravelKm: km ?? 0,
            homePlaceID: place?.id ?? -1, contracts: Set(contractTypes), avoidSectors: Set(avoid ?? []))
        // The domain check covers ranges and empty choices; keep one problem per field.
        for p in wishes.problems(places: places) where !problems.contains(where: { $0.field == fieldName(p.field) }) {
            problems.append(.init(fieldName(p.field), p.problem))
        }
        return (problems.isEmpty ? wishes : nil, problems)
    }

    private func fieldName(_ domain: String) -> String {
        switch domain {
        case "maxHoursPerWeek": "maxHours"
        case "avoidSectors": "avoid"
        default: domain
        }
    }
}

/// "Werk dat past": the worker's wishes (all hard limits) and the vacancies and short jobs that fit.
enum WorkPage {
    static func render(
        _ ctx: PageContext, snapshot: CareerData.Snapshot, form: WishesForm,
        problems: [FieldProblem], saved: Bool, matches: [VacancyMatch]?
    ) -> Node {
        let title = ctx.t("Werk dat past", "Work that fits")
        var main: [Node] = [el("h1", text(title))]
        if saved { main.append(el("p", ["class": "ok", "role": "status"], text(ctx.t("Je wensen zijn bewaard.", "Your wishes are saved.")))) }
        if !problems.isEmpty {
            main.append(
                el(
                    "p", ["class": "notice", "role": "alert"],
                    text(
                        ctx.t(
                            "Er klopt iets niet in je wensen. Kijk bij de rode tekst.", "Something in your wishes is not right. See the red text."))))
        }
        if let matches {
            if let summary = summary(ctx, snapshot: snapshot, form: form) {
                main.append(el("p", ["class": "lead"], text(summary + " "), el("a", ["href": "#wensen"], text(ctx.t("Wensen aanpassen", "Change wishes")))))
            }
            main.append(el("h2", text(ctx.t("Dit past bij je wensen", "This fits your wishes"))))
            if matches.isEmpty {
                main.append(
                    paragraph(
                        ctx.t(
                            "Er is nu geen werk dat bij al je wensen past. Misschien wil je verder reizen of meer dagen kiezen?",
                            "No work fits all your wishes right now. Maybe travel further or choose more days?")))
            } else {
                main.append(el("ol", ["class": "results"], children: matches.map { matchItem(ctx, snapshot, $0) }))
            }
        } else if problems.isEmpty {
            main.append(
                paragraph(
                    ctx.t(
                        "Vertel hoeveel je wilt werken, op welke dagen en hoe ver je wilt reizen. Dan zoeken we werk dat daarbij past.",
                        "Tell us how much you want to work, on which days and how far you want to travel. Then we look for work that fits."), class: "lead"))
        }
        main.append(el("h2", ["id": "wensen"], text(ctx.t("Mijn wensen", "My wishes"))))
        main.append(wishesForm(ctx, snapshot: snapshot, form: form, problems: problems))
        return layout(ctx, title: title, main)
    }

    /// "Je zoekt werk tot 24 uur per week, op maandag, dinsdag, …, tot 25 km van Almere Stad."
    static func summary(_ ctx: PageContext, snapshot: CareerData.Snapshot, form: WishesForm) -> String? {
        guard case (let wishes?, _) = form.wishes(places: snapshot.places),
            let home = snapshot.places.place(id: wishes.homePlaceID)
        else { return nil }
        let days =
            wishes.days == .all
            ? ctx.t("elke dag", "any day")
            : wishes.days.rawValue == 0x1F ? ctx.t("op werkdagen", "on weekdays") : ctx.t("op ", "on ") + dayNames(ctx, wishes.days)
        return ctx.t(
            "Je zoekt werk tot \(wishes.maxHoursPerWeek) uur per week, \(days), tot \(wishes.maxTravelKm) km van \(home.name).",
            "You look for work up to \(wishes.maxHoursPerWeek) hours a week, \(days), up to \(wishes.maxTravelKm) km from \(home.name).")
    }

    static func matchItem(_ ctx: PageContext, _ snapshot: CareerData.Snapshot, _ m: VacancyMatch) -> Node {
        let v = snapshot.board.vacancies[m.vacancy]
        let kind = v.kind == .klus ? ctx.t("Klus", "Short job") : ctx.t("Vacature", "Vacancy")
        var facts = CareerText.matchFacts(v, distanceKm: m.distanceKm, lang: ctx.lang)
        if !v.days.isEmpty { facts += " · " + dayNames(ctx, v.days) }
        return el(
            "li",
            el("h3", text(v.title)),
            paragraph("\(kind) · \(v.employer) · \(v.place.name) · " + ctx.t("start \(v.start)", "starts \(v.start)"), class: "meta"),
            paragraph(facts),
            paragraph(
                CareerText.matchSentence(
                    m, skillLabel: { snapshot.engine.model.space.label($0, in: ctx.lang.escoLanguage).text },
                    lang: ctx.lang)))
    }

    static let dayLabels: [(code: String, nl: String, en: String)] = [
        ("mon", "maandag", "Monday"), ("tue", "dinsdag", "Tuesday"), ("wed", "woensdag", "Wednesday"),
        ("thu", "donderdag", "Thursday"), ("fri", "vrijdag", "Friday"), ("sat", "zaterdag", "Saturday"), ("sun", "zondag", "Sunday"),
    ]

    static func dayNames(_ ctx: PageContext, _ days: Weekdays) -> String {
        dayLabels.filter { days.codeList.contains($0.code) }.map { ctx.lang.isEnglish ? $0.en : $0.nl }.joined(separator: ", ")
    }

    static func message(_ ctx: PageContext, _ p: FieldProblem, snapshot: CareerData.Snapshot, typed: String) -> String {
        switch p.field {
        case "maxHours": ctx.t("Vul een aantal uren per week in, van 1 tot 60.", "Enter hours per week, from 1 to 60.")
        case "maxTravelKm": ctx.t("Vul in hoeveel kilometer je wilt reizen, van 1 tot 150.", "Enter how many kilometres you want to travel, from 1 to 150.")
        case "days": ctx.t("Kies minstens één dag.", "Choose at least one day.")
        case "contracts": ctx.t("Kies minstens één soort werk.", "Choose at least one kind of work.")
        case "home":
            if typed.isEmpty {
                ctx.t("Vul de plaats in waar je woont.", "Enter the town you live in.")
            } else {
                ctx.t("We kennen \u{201C}\(typed)\u{201D} niet.", "We do not know \u{201C}\(typed)\u{201D}.")
                    + suggestions(ctx, snapshot.places.suggestions(String(typed.prefix(3))))
            }
        default: ctx.t("Deze keuze klopt niet.", "This choice is not valid.")
        }
    }

    private static func suggestions(_ ctx: PageContext, _ places: [Place]) -> String {
        guard !places.isEmpty else { return ctx.t(" Schrijf de naam van een stad of dorp.", " Write the name of a town or village.") }
        return ctx.t(" Bedoel je: ", " Did you mean: ") + places.prefix(4).map(\.name).joined(separator: ", ") + "?"
    }

    static func wishesForm(_ ctx: PageContext, snapshot: CareerData.Snapshot, form: WishesForm, problems: [FieldProblem]) -> Node {
        func error(_ field: String, typed: String = "") -> String? {
            problems.first { $0.field == field }.map { message(ctx, $0, snapshot: snapshot, typed: typed) }
        }
        func box(_ name: String, _ value: String, _ label: String, checked: Bool, single: Bool = false) -> Node {
            let id = "\(name)-\(value)"
            var attributes: [(String, String)] = [("type", "checkbox"), ("id", id), ("name", single ? name : "\(name)[]"), ("value", value)]
            if checked { attributes.append(("checked", "")) }
            return el("div", ["class": "choice"], el("input", attributes: attributes), el("label", ["for": id], text(label)))
        }
        func group(_ legend: String, _ field: String, _ boxes: [Node]) -> Node {
            var children: [Node] = [el("legend", text(legend))]
            if let e = error(field) { children.append(el("p", ["class": "error", "id": "\(field)-error"], text(e))) }
            return el("fieldset", children: children + boxes)
        }
        let days = Set(form.days ?? []), contracts = Set(form.contracts ?? []), avoid = Set(form.avoid ?? [])
        let contractLabels: [(ContractType, String, String)] = [
            (.permanent, "Vast contract", "Permanent contract"), (.temporary, "Tijdelijk contract", "Temporary contract"),
            (.onCall, "Oproepcontract", "On call"), (.freelance, "Als zzp'er", "Freelance"), (.gig, "Losse klussen", "Short jobs"),
        ]
        return el(
            "form", ["method": "post", "action": SiteRoute.workWishes.link, "novalidate": ""],
            ctx.csrfField,
            formField(
                id: "home", label: ctx.t("Waar woon je?", "Where do you live?"), value: form.home ?? "",
                error: error("home", typed: (form.home ?? "").trimmingCharacters(in: .whitespaces)),
                autocomplete: "address-level2", hint: ctx.t("De naam van je stad of dorp, bijvoorbeeld Almere.", "Your town or village, for example Almere.")),
            formField(
                id: "maxTravelKm", label: ctx.t("Hoe ver wil je reizen? (km)", "How far will you travel? (km)"), type: "text",
                value: form.maxTravelKm ?? "", error: error("maxTravelKm"), autocomplete: "off",
                hint: ctx.t("In een rechte lijn, bijvoorbeeld 20.", "As the crow flies, for example 20.")),
            formField(
                id: "maxHours", label: ctx.t("Hoeveel uur per week wil je werken, hoogstens?", "At most how many hours a week do you want to work?"),
                value: form.maxHours ?? "", error: error("maxHours"), autocomplete: "off"),
            group(
                ctx.t("Op welke dagen kun je werken?", "On which days can you work?"), "days",
                dayLabels.map { box("days", $0.code, ctx.lang.isEnglish ? $0.en : $0.nl, checked: days.contains($0.code)) }),
            group(
                ctx.t("Wat voor werk zoek je?", "What kind of work do you look for?"), "contracts",
                contractLabels.map { box("contracts", $0.0.rawValue, ctx.t($0.1, $0.2), checked: contracts.contains($0.0.rawValue)) }),
            el(
                "details",
                el("summary", text(ctx.t("Sectoren waar je niet wilt werken (niet verplicht)", "Sectors you do not want to work in (optional)"))),
                el(
                    "fieldset",
                    children: [el("legend", text(ctx.t("Niet in deze sectoren", "Not in these sectors")))]
                        + SBI.sections.keys.sorted().map { box("avoid", $0, SBI.sections[$0]!, checked: avoid.contains($0)) })),
            el(
                "fieldset",
                el("legend", text(ctx.t("Gevonden worden", "Being found"))),
                box(
                    "searchable", "on",
                    ctx.t(
                        "Werkgevers mogen mijn vaardigheden en werkervaring zien als ze iemand zoeken. Ze zien niet mijn naam, leeftijd of adres.",
                        "Employers may see my skills and work experience when they search. They do not see my name, age or address."),
                    checked: form.searchable == "on", single: true)),
            el("button", ["type": "submit"], text(ctx.t("Wensen bewaren en werk zoeken", "Save wishes and find work"))))
    }
}
