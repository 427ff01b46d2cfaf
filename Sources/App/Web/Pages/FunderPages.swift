import Days
import Insight
import Leermiles

/// A funder's own figures as its coach or employer may see them: counts come from the store
/// already disclosed (`PublishedCount`), and courses carry their catalogue titles.
struct FunderFigures {
    struct Waiting {
        let reservation: ReservationRow
        let fromPot: Miles
        let course: CourseChoice?
    }

    struct ConsentingWorker {
        let name: String
        /// Course title and state, per reservation.
        let reservations: [(course: String, state: ReservationState)]
    }

    let funder: FunderStore.Funder
    let given: [FunderStore.Given]
    let workers: PublishedCount
    let reversed: Miles
    let use: FunderStore.PotUse
    /// The courses of 10 people or more, with their titles, most points first.
    let namedCourses: [(title: String, group: FunderStore.PotUse.Group)]
    let waiting: [Waiting]
    let consenting: [ConsentingWorker]
}

/// "Leerfonds": a funder's own figures and its approvals. Counts under 10 show as "x", and a course
/// is named with its figures only when at least 10 people used the funder's points for it.
enum FunderPages {
    static func page(_ ctx: PageContext, _ figures: [FunderFigures], notice: String?) -> Node {
        let title = ctx.t("Leerfonds", "Learning fund")
        var main: [Node] = [el("h1", text(title))]
        if let notice { main.append(el("p", ["class": "ok", "role": "status"], text(notice))) }
        guard !figures.isEmpty else {
            main.append(
                paragraph(
                    ctx.t(
                        "Je account is nog niet gekoppeld aan een fonds of werkgever die leermiles geeft. Vraag de beheerder van Loopbrug om je te koppelen.",
                        "Your account is not linked to a fund or employer that gives leermiles yet. Ask Loopbrug's administrator to link you."), class: "lead"))
            return layout(ctx, title: title, main)
        }
        main.append(
            paragraph(
                ctx.t(
                    "Hier zie je wat je fonds aan leermiles gaf en waaraan ze besteed zijn. Je ziet alleen totalen. Groepen van minder dan 10 mensen tonen we als x.",
                    "Here you see what your fund gave in leermiles and what they were spent on. You only see totals. Groups of fewer than 10 people are shown as x."), class: "lead"))
        for f in figures { main.append(contentsOf: section(ctx, f)) }
        return layout(ctx, title: title, main)
    }

    static func section(_ ctx: PageContext, _ f: FunderFigures) -> [Node] {
        func m(_ x: Miles) -> String { LeermilesText.miles(x, lang: ctx.lang) }
        let total = f.given.reduce(Miles.zero) { $0 + $1.amount } - f.reversed
        var out: [Node] = [
            el("h2", text(f.funder.name)),
            el(
                "dl", ["class": "totals"],
                el("div", el("dt", text(ctx.t("Gegeven", "Given"))), el("dd", text(m(total)))),
                el("div", el("dt", text(ctx.t("Aan mensen", "To people"))), el("dd", text(f.workers.description)))),
        ]
        if !f.given.isEmpty {
            out.append(paragraph(ctx.t("Waarvoor je punten gaf:", "What you gave points for:"), class: "label"))
            out.append(
                el(
                    "ul", ["class": "plain sources"],
                    children: f.given.map { g in
                        el(
                            "li", el("strong", text(m(g.amount))),
                            text(" " + LeermilesText.reason(g.reason, lang: ctx.lang).lowercased() + ctx.t(", aan \(g.workers) mensen", ", to \(g.workers) people")))
                    }))
        }
        out.append(el("h3", text(ctx.t("Besteed aan cursussen", "Spent on courses"))))
        out.append(contentsOf: useNodes(ctx, f))
        out.append(el("h3", text(ctx.t("Wacht op je goedkeuring", "Waiting for your approval"))))
        out.append(waitingNode(ctx, f))
        if !f.consenting.isEmpty {
            out.append(el("h3", text(ctx.t("Mensen die hun cursussen laten zien", "People who show their courses"))))
            out.append(
                el(
                    "ul", ["class": "plain"],
                    children: f.consenting.map { person in
                        let courses = person.reservations.map { "\($0.course) (\(LeermilesText.state($0.state, lang: ctx.lang).lowercased()))" }
                        return el("li", el("strong", text(person.name)), text(": " + (courses.isEmpty ? ctx.t("nog geen cursus", "no course yet") : courses.joined(separator: "; "))))
                    }))
        }
        return out
    }

    /// Points from the funder's pot per state (reserved, paid); per course only for 10 people or more.
    static func useNodes(_ ctx: PageContext, _ f: FunderFigures) -> [Node] {
        guard !f.use.isEmpty else {
            return [
                paragraph(
                    ctx.t(
                        "Nog niets. Alleen punten met voorwaarden (voor een beroep met veel vraag, of met goedkeuring) kunnen we per fonds volgen. Punten zonder voorwaarden besteedt iemand vrij.",
                        "Nothing yet. Only points with conditions (for an occupation in demand, or with approval) can be followed per fund. Points without conditions are spent freely."))
            ]
        }
        let states: [ReservationState] = [.settled, .open, .awaitingApproval, .released]
        let rows = states.compactMap { state -> Node? in
            guard let g = f.use.byState[state] else { return nil }
            return el(
                "li", el("strong", text(LeermilesText.miles(g.amount, lang: ctx.lang))),
                text(" " + LeermilesText.state(state, lang: ctx.lang).lowercased() + ctx.t(", \(g.workers) mensen", ", \(g.workers) people")))
        }
        var nodes: [Node] = [el("ul", ["class": "plain sources"], children: rows)]
        if !f.namedCourses.isEmpty {
            nodes.append(
                el(
                    "ul", ["class": "plain"],
                    children: f.namedCourses.map { course in
                        el(
                            "li",
                            text(
                                "\(course.title): \(course.group.workers) " + ctx.t("mensen", "people")
                                    + ", \(LeermilesText.miles(course.group.amount, lang: ctx.lang)) leermiles"))
                    }))
        }
        if f.use.unnamedCourses > 0 {
            nodes.append(
                paragraph(
                    ctx.t(
                        "Cursussen die minder dan 10 mensen met jullie punten volgen, noemen we niet: dan zou je kunnen zien wie welke cursus doet.",
                        "Courses that fewer than 10 people take with your points are not named: you could otherwise tell who takes which course."), class: "meta"))
        }
        return nodes
    }

    static func waitingNode(_ ctx: PageContext, _ f: FunderFigures) -> Node {
        guard !f.waiting.isEmpty else { return paragraph(ctx.t("Er wacht niets op je goedkeuring.", "Nothing is waiting for your approval.")) }
        return el(
            "ol", ["class": "results"],
            children: f.waiting.map { w in
                let r = w.reservation
                let course = w.course
                return el(
                    "li",
                    el("h4", text(course?.title ?? r.courseID)),
                    paragraph(
                        ctx.t(
                            "Aanvraag van \(LeermilesText.day(Day(r.createdAt, in: Day.dutch), lang: ctx.lang)). Kost \(LeermilesText.miles(r.amount, lang: ctx.lang)) leermiles, waarvan \(LeermilesText.miles(w.fromPot, lang: ctx.lang)) uit jullie punten.",
                            "Request of \(LeermilesText.day(Day(r.createdAt, in: Day.dutch), lang: ctx.lang)). Costs \(LeermilesText.miles(r.amount, lang: ctx.lang)) leermiles, \(LeermilesText.miles(w.fromPot, lang: ctx.lang)) of them from your points."
                        )),
                    paragraph(
                        course?.forShortageOccupation == true
                            ? ctx.t("Deze cursus leidt naar een beroep waar veel vraag naar is.", "This course leads to an occupation in demand.")
                            : ctx.t("Deze cursus leidt niet naar een beroep met veel vraag.", "This course does not lead to an occupation in demand."), class: "meta"),
                    el(
                        "div", ["class": "actions"],
                        el(
                            "form", ["method": "post", "action": SiteRoute.funderApprove(reservationID: r.id).link, "class": "inline"], ctx.csrfField,
                            el("button", ["type": "submit"], text(ctx.t("Goedkeuren", "Approve")))),
                        text(" "),
                        el(
                            "form", ["method": "post", "action": SiteRoute.funderRefuse(reservationID: r.id).link, "class": "inline"], ctx.csrfField,
                            el("button", ["type": "submit", "class": "secondary"], text(ctx.t("Afwijzen", "Refuse"))))))
            })
    }
}
