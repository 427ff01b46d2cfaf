import Engine
import Foundation
import Taxonomy

/// The form as typed; `skills` arrive only once the occupation was found and its skills shown.
struct VacancyForm: Codable, Sendable {
    var kind: String?
    var title: String?
    var occupation: String?
    var occupationURI: String?
    var skills: [String]?
    var hoursMin: String?
    var hoursMax: String?
    var place: String?
    var contract: String?
    var start: String?
    var sector: String?
    var days: [String]?
}

/// The employer's vacancies: what is open, and the form to post a vacancy or a short job.
enum EmployerPages {
    static func vacancies(
        _ ctx: PageContext, snapshot: CareerData.Snapshot, own: [Vacancy], form: VacancyForm,
        problems: [FieldProblem], notice: String?, chooseSkills: Bool
    ) -> Node {
        let title = ctx.t("Vacatures en klussen", "Vacancies and short jobs")
        var main: [Node] = [el("h1", text(title))]
        if let notice { main.append(el("p", ["class": "ok", "role": "status"], text(notice))) }
        if !problems.isEmpty {
            main.append(el("p", ["class": "notice", "role": "alert"], text(ctx.t("Er klopt iets niet. Kijk bij de rode tekst.", "Something is not right. See the red text."))))
        }
        main.append(el("h2", text(ctx.t("Wat nu openstaat", "Open now"))))
        if own.isEmpty {
            main.append(paragraph(ctx.t("Je hebt nog geen vacatures of klussen.", "You have no vacancies or short jobs yet.")))
        } else {
            main.append(
                el(
                    "ul", ["class": "plain"],
                    children: own.map { v in
                        el(
                            "li", ["class": "box"],
                            el("h3", text(v.title)),
                            paragraph(
                                [
                                    v.place.name, CareerText.hours(v, lang: ctx.lang),
                                    CareerText.contract(v.contract, lang: ctx.lang),
                                    ctx.t("\(v.skillURIs.count) vaardigheden", "\(v.skillURIs.count) skills"),
                                ].joined(separator: " · "), class: "meta"),
                            el(
                                "form", ["method": "post", "action": SiteRoute.employerVacancyDelete(id: v.id).link, "class": "inline"],
                                ctx.csrfField, el("button", ["type": "submit", "class": "secondary"], text(ctx.t("Weghalen", "Remove")))))
                    }))
        }
        main.append(el("h2", ["id": "nieuw"], text(ctx.t("Nieuwe vacature of klus", "New vacancy or short job"))))
        main.append(vacancyForm(ctx, snapshot: snapshot, form: form, problems: problems, chooseSkills: chooseSkills))
        return layout(ctx, title: title, main)
    }

    static func message(_ ctx: PageContext, _ field: String) -> String {
        switch field {
        case "kind": ctx.t("Kies vacature of klus.", "Choose vacancy or short job.")
        case "title": ctx.t("Geef het werk een naam van hoogstens 120 tekens.", "Give the work a name of at most 120 characters.")
        case "occupation": ctx.t("Dit beroep vinden we niet. Probeer een ander woord, bijvoorbeeld schoonmaker.", "We cannot find this occupation. Try another word, for example cleaner.")
        case "skills": ctx.t("Kies minstens één vaardigheid die het werk vraagt.", "Choose at least one skill the work needs.")
        case "hours_min": ctx.t("Vul het minimum aantal uren per week in, van 1 tot 60.", "Enter the minimum hours per week, from 1 to 60.")
        case "hours_max": ctx.t("Vul het maximum aantal uren in: 1 tot 60, en niet minder dan het minimum.", "Enter the maximum hours: 1 to 60, and not less than the minimum.")
        case "place": ctx.t("Vul een plaats in Nederland in, bijvoorbeeld Almere.", "Enter a town in the Netherlands, for example Almere.")
        case "contract": ctx.t("Kies een soort contract.", "Choose a kind of contract.")
        case "start": ctx.t("Vul een startdatum in, zoals 2027-01-31.", "Enter a start date, like 2027-01-31.")
        case "sector": ctx.t("Vul een SBI-code in zoals N of N8121, of laat het leeg.", "Enter an SBI code like N or N8121, or leave it empty.")
        case "days": ctx.t("Kies de dagen, of geen als dat nog in overleg is.", "Choose the days, or none if they are to be agreed.")
        default: ctx.t("Dit veld klopt niet.", "This field is not valid.")
        }
    }

    static func vacancyForm(
        _ ctx: PageContext, snapshot: CareerData.Snapshot, form: VacancyForm,
        problems: [FieldProblem], chooseSkills: Bool
    ) -> Node {
        func error(_ field: String) -> String? { problems.contains { $0.field == field } ? message(ctx, field) : nil }
        func select(_ id: String, _ label: String, _ options: [(String, String)], selected: String?) -> Node {
            var children: [Node] = [el("label", ["for": id], text(label))]
            if let e = error(id == "kind" ? "kind" : "contract") { children.append(el("p", ["class": "error", "id": "\(id)-error"], text(e))) }
            children.append(
                el(
                    "select", ["id": id, "name": id],
                    children: options.map { value, text_ in
                        var a: [(String, String)] = [("value", value)]
                        if value == selected { a.append(("selected", "")) }
                        return el("option", attributes: a, children: [text(text_)])
                    }))
            return el("div", ["class": "field"], children: children)
        }
        var fields: [Node] = [ctx.csrfField]
        let model = snapshot.engine.model
        if chooseSkills, let uri = form.occupationURI, let occupation = model.index(of: uri) {
            let chosen = form.skills.map(Set.init)
            fields.append(el("input", ["type": "hidden", "name": "occupationURI", "value": uri]))
            fields.append(el("input", ["type": "hidden", "name": "occupation", "value": form.occupation ?? ""]))
            fields.append(el("p", text(ctx.t("Beroep: ", "Occupation: ")), el("strong", text(form.occupation ?? ""))))
            var boxes: [Node] = [el("legend", text(ctx.t("Welke vaardigheden vraagt het werk?", "Which skills does the work need?")))]
            if let e = error("skills") { boxes.append(paragraph(e, class: "error")) }
            for (i, skill) in model.essentialSkills(of: occupation).enumerated() {
                let skillURI = model.space.uris[Int(skill)]
                var a: [(String, String)] = [("type", "checkbox"), ("id", "skill-\(i)"), ("name", "skills[]"), ("value", skillURI)]
                if chosen?.contains(skillURI) ?? true { a.append(("checked", "")) }
                boxes.append(
                    el(
                        "div", ["class": "choice"], el("input", attributes: a),
                        el("label", ["for": "skill-\(i)"], skillLabel(model.space.label(skill, in: ctx.lang.escoLanguage), ctx.lang))))
            }
            fields.append(el("fieldset", children: boxes))
        } else {
            fields.append(
                formField(
                    id: "occupation", label: ctx.t("Welk beroep?", "Which occupation?"), value: form.occupation ?? "",
                    error: error("occupation"), autocomplete: "off",
                    hint: ctx.t(
                        "Bijvoorbeeld schoonmaker of magazijnmedewerker. Daarna kies je de vaardigheden.",
                        "For example cleaner or warehouse worker. Then you choose the skills.")))
        }
        fields += [
            select(
                "kind", ctx.t("Vacature of klus?", "Vacancy or short job?"),
                [("vacancy", ctx.t("Vacature", "Vacancy")), ("klus", ctx.t("Klus (kort werk)", "Short job"))], selected: form.kind),
            formField(id: "title", label: ctx.t("Naam van het werk", "Name of the work"), value: form.title ?? "", error: error("title"), autocomplete: "off"),
            formField(id: "hoursMin", label: ctx.t("Minimaal uren per week", "Minimum hours per week"), value: form.hoursMin ?? "", error: error("hours_min"), autocomplete: "off"),
            formField(id: "hoursMax", label: ctx.t("Maximaal uren per week", "Maximum hours per week"), value: form.hoursMax ?? "", error: error("hours_max"), autocomplete: "off"),
            formField(id: "place", label: ctx.t("Plaats", "Town"), value: form.place ?? "", error: error("place"), autocomplete: "address-level2"),
            select(
                "contract", ctx.t("Soort contract", "Kind of contract"), ContractType.allCases.map { ($0.rawValue, CareerText.contract($0, lang: ctx.lang)) },
                selected: form.contract),
            formField(id: "start", label: ctx.t("Startdatum", "Start date"), type: "date", value: form.start ?? "", error: error("start"), autocomplete: "off"),
            formField(
                id: "sector", label: ctx.t("Sector (SBI-code, niet verplicht)", "Sector (SBI code, optional)"), value: form.sector ?? "",
                error: error("sector"), autocomplete: "off", required: false),
        ]
        var days: [Node] = [el("legend", text(ctx.t("Op welke dagen? (leeg = in overleg)", "On which days? (none = to agree)")))]
        if let e = error("days") { days.append(paragraph(e, class: "error")) }
        let chosenDays = Set(form.days ?? [])
        for d in WorkPage.dayLabels {
            var a: [(String, String)] = [("type", "checkbox"), ("id", "day-\(d.code)"), ("name", "days[]"), ("value", d.code)]
            if chosenDays.contains(d.code) { a.append(("checked", "")) }
            days.append(el("div", ["class": "choice"], el("input", attributes: a), el("label", ["for": "day-\(d.code)"], text(ctx.lang.isEnglish ? d.en : d.nl))))
        }
        fields.append(el("fieldset", children: days))
        fields.append(el("button", ["type": "submit"], text(chooseSkills ? ctx.t("Plaatsen", "Publish") : ctx.t("Verder: vaardigheden kiezen", "Next: choose skills"))))
        return el("form", attributes: [("method", "post"), ("action", SiteRoute.employerVacancies.link), ("novalidate", "")], children: fields)
    }
}
