import Foundation
import Passport
import Taxonomy

struct PassportAddForm: Codable, Sendable {
    var kind: String?
    var roleTitle: String?
    var organisation: String?
    var occupation: String?
    var start: String?
    var end: String?
    var hours: String?
    var jobs: String?
    var tasks: String?
}

/// The passport page (phone-first timeline) and the form to add work yourself.
enum PassportPages {
    static func passport(_ ctx: PageContext, entries: [PassportEntry], code: String?) -> Node {
        let title = ctx.t("Mijn werkpaspoort", "My work passport")
        var main: [Node] = [
            el("h1", text(title)),
            paragraph(
                ctx.t(
                    "Hier staat al je werk: van platforms, werkgevers en wat je zelf invult.",
                    "All your work is here: from platforms, employers and what you add yourself.")),
        ]
        let totals = PassportTotals(entries.map { ($0.record, $0.row.isVerified && $0.row.revokedAt == nil) })
        var facts: [Node] = [
            el("div", el("dt", text(ctx.t("Werk", "Work"))), el("dd", text("\(totals.records)"))),
            el("div", el("dt", text(ctx.t("Uren", "Hours"))), el("dd", text(RecordText.number(totals.hours, ctx.lang)))),
            el("div", el("dt", text(ctx.t("Klussen", "Jobs"))), el("dd", text(RecordText.number(Double(totals.jobs), ctx.lang)))),
        ]
        if let rating = totals.ratingAverage {
            facts.append(
                el(
                    "div", el("dt", text(ctx.t("Waardering", "Rating"))),
                    el("dd", text(RecordText.number(rating, ctx.lang) + " / 5"), el("span", ["class": "meta"], text(" (\(totals.ratingCount))")))))
        }
        main.append(el("dl", ["class": "totals"], children: facts))

        // The code a platform needs to send work to this passport.
        var codeBox: [Node] = [el("h2", text(ctx.t("Werk van een platform toevoegen", "Add work from a platform")))]
        if let code {
            codeBox.append(paragraph(ctx.t("Je code:", "Your code:")))
            codeBox.append(el("p", ["class": "code", "role": "status"], text(code)))
            codeBox.append(
                paragraph(
                    ctx.t(
                        "Geef deze code aan het platform. Hij werkt één keer, 30 minuten lang. Het platform krijgt geen naam of e-mailadres van je.",
                        "Give this code to the platform. It works once, for 30 minutes. The platform gets no name or e-mail address from you.")))
        } else {
            codeBox.append(
                paragraph(
                    ctx.t(
                        "Maak een code en geef die aan het platform. Dan kan het platform je werk hier zetten.",
                        "Make a code and give it to the platform. Then the platform can put your work here.")))
        }
        codeBox.append(
            el(
                "form", ["method": "post", "action": SiteRoute.passportCode.link], ctx.csrfField,
                el("button", ["type": "submit"], text(ctx.t("Maak een code", "Make a code")))))
        main.append(el("section", ["class": "box"], children: codeBox))

        main.append(
            el(
                "p", ["class": "actions"],
                el("a", ["class": "button", "href": SiteRoute.shares.link], text(ctx.t("Delen en KlusCV", "Share and KlusCV"))), text(" "),
                el("a", ["class": "button", "href": SiteRoute.passportAddForm.link], text(ctx.t("Zelf werk toevoegen", "Add work yourself")))))
        main.append(el("h2", ["id": "tijdlijn"], text(ctx.t("Mijn werk", "My work"))))
        if entries.isEmpty {
            main.append(paragraph(ctx.t("Er staat nog geen werk in je paspoort.", "There is no work in your passport yet."), class: "notice"))
        } else {
            main.append(el("ol", ["class": "timeline", "aria-labelledby": "tijdlijn"], children: entries.map { entry(ctx, $0) }))
            if !ctx.lang.isEnglish, entries.contains(where: { $0.skills.contains { $0.label(in: .nl).language == .en } }) {
                main.append(paragraph(OccupationPages.englishSkillsNote, class: "meta"))
            }
        }
        return layout(ctx, title: title, main)
    }

    static func entry(_ ctx: PageContext, _ e: PassportEntry) -> Node {
        let r = e.record
        var badge: Node
        if e.row.revokedAt != nil {
            badge = el("span", ["class": "badge revoked"], text(ctx.t("Ingetrokken door ", "Revoked by ") + (e.issuerName ?? "?")))
        } else if e.row.isVerified {
            badge = el("span", ["class": "badge verified"], text(ctx.t("Bevestigd door ", "Confirmed by ") + (e.issuerName ?? "?")))
        } else {
            badge = el("span", ["class": "badge self"], text(ctx.t("Zelf ingevuld", "Self-declared")))
        }
        var lines: [Node] = [
            el("h3", text(r.roleTitle)),
            paragraph(RecordText.meta(r, ctx.lang), class: "meta"),
            el("p", badge),
        ]
        let numbers = RecordText.numbers(r, ctx.lang, earnings: true)
        if !numbers.isEmpty { lines.append(paragraph(numbers)) }
        if let occupation = e.occupation {
            lines.append(
                el(
                    "p", text(ctx.t("Lijkt op: ", "Close to: ")),
                    el("a", ["href": SiteRoute.occupation(id: occupation.id).link], text(occupation.label(in: ctx.lang.escoLanguage)))))
        }
        if !e.skills.isEmpty {
            let shown = e.skills.prefix(8)
            var skillNodes: [Node] = [paragraph(ctx.t("Dit laat zien dat je kunt:", "This shows you can:"), class: "label")]
            skillNodes.append(el("ul", ["class": "skills"], children: shown.map { skillItem($0.label(in: ctx.lang.escoLanguage), ctx.lang) }))
            if e.skills.count > shown.count {
                skillNodes.append(paragraph(ctx.t("en nog \(e.skills.count - shown.count) andere", "and \(e.skills.count - shown.count) more"), class: "meta"))
            }
            lines.append(fragment(skillNodes))
        }
        if !r.tasks.isEmpty {
            lines.append(paragraph(ctx.t("Taken:", "Tasks:"), class: "label"))
            lines.append(el("ul", children: r.tasks.prefix(5).map { el("li", text($0)) }))
        }
        if !e.row.isVerified {
            lines.append(
                el(
                    "form", ["method": "post", "action": SiteRoute.passportRecordDelete(id: e.row.id).link], ctx.csrfField,
                    el("button", ["type": "submit", "class": "secondary"], text(ctx.t("Verwijderen", "Remove")))))
        }
        return el("li", ["class": "record"], children: lines)
    }

    static func addForm(_ ctx: PageContext, form: PassportAddForm, problems: [String: String]) -> Node {
        let title = ctx.t("Zelf werk toevoegen", "Add work yourself")
        var main: [Node] = [
            el("h1", text(title)),
            paragraph(
                ctx.t(
                    "Vul werk in dat nog niet in je paspoort staat: eerder werk, klussen via een platform, vrijwilligerswerk of mantelzorg. Het staat in je paspoort als \u{201C}zelf ingevuld\u{201D}.",
                    "Add work that is not in your passport yet: earlier jobs, jobs through a platform, volunteering or informal care. It shows in your passport as \u{201C}self-declared\u{201D}.")),
        ]
        if !problems.isEmpty {
            main.append(
                el(
                    "p", ["class": "notice", "role": "alert"],
                    text(
                        problems["form"]
                            ?? ctx.t(
                                "Er klopt iets niet in het formulier. Kijk bij de rode tekst.", "Something in the form is not right. See the red text."))))
        }
        var kindField: [Node] = [el("label", ["for": "kind"], text(ctx.t("Wat voor werk was het?", "What kind of work was it?")))]
        if let error = problems["kind"] { kindField.append(el("p", ["class": "error", "id": "kind-error"], text(error))) }
        let options =
            [el("option", ["value": ""], text(ctx.t("Kies…", "Choose…")))]
            + RecordKind.allCases.map { kind -> Node in
                var attributes: [(String, String)] = [("value", kind.rawValue)]
                if form.kind == kind.rawValue { attributes.append(("selected", "")) }
                return el("option", attributes: attributes, children: [text(RecordText.kindName(kind, ctx.lang))])
            }
        kindField.append(el("select", attributes: [("id", "kind"), ("name", "kind"), ("required", "")], children: options))
        var tasksField: [Node] = [el("label", ["for": "tasks"], text(ctx.t("Wat deed je? Eén taak per regel (mag leeg)", "What did you do? One task per line (optional)")))]
        if let error = problems["tasks"] { tasksField.append(paragraph(error, class: "error")) }
        tasksField.append(el("textarea", ["id": "tasks", "name": "tasks", "rows": "4"], text(form.tasks ?? "")))
        main.append(
            el(
                "form", ["method": "post", "action": SiteRoute.passportAdd.link],
                ctx.csrfField,
                el("div", ["class": "field"], children: kindField),
                formField(
                    id: "roleTitle", label: ctx.t("Wat was je functie of taak?", "What was your role?"), value: form.roleTitle ?? "",
                    error: problems["roleTitle"], autocomplete: "organization-title", hint: ctx.t("Bijvoorbeeld: schoonmaker, oppas, mantelzorger", "For example: cleaner, babysitter, carer")),
                formField(
                    id: "organisation", label: ctx.t("Bij wie, waar of via welk platform? (nodig bij platformwerk)", "For whom, where or through which platform? (needed for platform work)"),
                    value: form.organisation ?? "",
                    error: problems["organisation"], autocomplete: "organization", required: false),
                formField(id: "start", label: ctx.t("Begonnen op", "Started on"), type: "date", value: form.start ?? "", error: problems["start"], autocomplete: "off"),
                formField(
                    id: "end", label: ctx.t("Gestopt op (leeg als je het nog doet)", "Stopped on (empty if you still do it)"), type: "date",
                    value: form.end ?? "", error: problems["end"], autocomplete: "off", required: false),
                formField(
                    id: "hours", label: ctx.t("Hoeveel uur in totaal? (mag leeg)", "How many hours in total? (optional)"), type: "text",
                    value: form.hours ?? "", error: problems["hours"], autocomplete: "off", required: false),
                formField(
                    id: "jobs", label: ctx.t("Hoeveel klussen of diensten? (nodig bij platformwerk)", "How many jobs or shifts? (needed for platform work)"),
                    type: "text", value: form.jobs ?? "", error: problems["jobs"], autocomplete: "off", required: false),
                formField(
                    id: "occupation", label: ctx.t("Op welk beroep lijkt dit? (mag leeg)", "Which occupation is this close to? (optional)"),
                    value: form.occupation ?? "", error: problems["occupation"], autocomplete: "off",
                    hint: ctx.t("Dan zie je welke vaardigheden dit werk laat zien.", "Then you see which skills this work shows."), required: false),
                el("div", ["class": "field"], children: tasksField),
                el("button", ["type": "submit"], text(ctx.t("Opslaan", "Save")))))
        return layout(ctx, title: title, main)
    }
}
