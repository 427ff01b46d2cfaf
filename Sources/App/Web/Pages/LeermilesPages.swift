import Days
import Foundation
import Leermiles

/// "Mijn leermiles": like the Dutch pension overview, the balance first, then what comes in at the
/// current pace, where the points came from, courses for the next step, reservations, statements.
enum LeermilesPages {
    enum Notice {
        case reserved(ReservationRow)
        case cancelled(ReservationRow)
        case refused(ReservationProblem)
    }

    static func overview(_ ctx: PageContext, _ o: LeermilesOverview, requestID: String, notice: Notice?) -> Node {
        func m(_ x: Miles) -> String { LeermilesText.miles(x, lang: ctx.lang) }
        let title = ctx.t("Mijn leermiles", "My leermiles")
        var main: [Node] = [el("h1", text(title))]
        if let notice { main.append(noticeNode(ctx, notice, o)) }
        main.append(
            paragraph(
                ctx.t(
                    "Leermiles zijn punten voor een cursus of opleiding. Je krijgt ze voor werk dat een platform of werkgever heeft bevestigd. 1 leermile is € 1 waard.",
                    "Leermiles are points for a course or training. You get them for work that a platform or employer has confirmed. 1 leermile is worth € 1."), class: "lead"))

        let b = o.balance
        main.append(el("h2", text(ctx.t("Je saldo", "Your balance"))))
        main.append(
            el(
                "dl", ["class": "totals"],
                el("div", el("dt", text(ctx.t("Te besteden", "To spend"))), el("dd", ["data-testid": "spendable"], text(m(b.spendable)))),
                el("div", el("dt", text(ctx.t("Apart gezet", "Set aside"))), el("dd", ["data-testid": "reserved"], text(m(b.reserved)))),
                el("div", el("dt", text(ctx.t("Totaal", "Total"))), el("dd", text(m(b.spendable + b.reserved))))))
        for (funder, amount) in b.pots.sorted(by: { $0.key < $1.key }) where amount > .zero {
            main.append(paragraph(potSentence(ctx, o, funder: funder, amount: amount)))
        }
        if o.ongoingHours > 0 {
            let hours = Int(o.ongoingHours.rounded())
            main.append(
                paragraph(
                    ctx.t(
                        "Je hebt nog \(hours) uur werk dat doorloopt. Daarvoor krijg je punten als het werk klaar is.",
                        "You have \(hours) hours of work that is still going on. You get points for it when the work ends."), class: "meta"))
        }

        main.append(el("h2", text(ctx.t("Over 12 maanden", "In 12 months"))))
        main.append(projectionNode(ctx, o))

        main.append(el("h2", text(ctx.t("Waar je punten vandaan komen", "Where your points came from"))))
        main.append(sourcesNode(ctx, o))

        main.append(el("h2", ["id": "cursussen"], text(ctx.t("Cursussen voor je volgende stap", "Courses for your next step"))))
        main.append(tipsNode(ctx, o, requestID: requestID))

        main.append(el("h2", text(ctx.t("Mijn reserveringen", "My reservations"))))
        main.append(reservationsNode(ctx, o))

        main.append(el("h2", text(ctx.t("Jaaroverzicht", "Yearly statement"))))
        main.append(
            paragraph(
                ctx.t(
                    "Alles wat er in een jaar bij kwam en af ging, om te bewaren of in een spreadsheet te openen.",
                    "Everything that came in and went out in a year, to keep or to open in a spreadsheet.")))
        main.append(
            el(
                "ul", ["class": "plain"],
                children: o.statementYears.prefix(5).map { year in
                    el(
                        "li", el("a", ["href": SiteRoute.leermilesStatement(year: year, format: .pdf).link], text(ctx.t("Jaaroverzicht \(year) (PDF)", "Statement \(year) (PDF)"))),
                        text(" · "),
                        el("a", ["href": SiteRoute.leermilesStatement(year: year, format: .csv).link], text(ctx.t("als CSV", "as CSV"))))
                }))

        main.append(el("h2", ["id": "toestemming"], text(ctx.t("Wie ziet wat?", "Who sees what?"))))
        main.append(consentNode(ctx, o))
        return layout(ctx, title: title, main)
    }

    static func noticeNode(_ ctx: PageContext, _ notice: Notice, _ o: LeermilesOverview) -> Node {
        switch notice {
        case .reserved(let row):
            let what = ctx.t(
                "\(LeermilesText.miles(row.amount, lang: ctx.lang)) leermiles staan apart voor \u{201C}\(o.title(ofCourse: row.courseID))\u{201D}.",
                "\(LeermilesText.miles(row.amount, lang: ctx.lang)) leermiles are set aside for \u{201C}\(o.title(ofCourse: row.courseID))\u{201D}.")
            let next =
                row.state == .awaitingApproval
                ? ctx.t(" Het fonds moet nog akkoord geven. Je ziet het hieronder zodra dat gebeurd is.", " The fund still has to approve. You see it below once it has.")
                : ctx.t(" Als je de cursus hebt afgerond, betalen we de cursus met deze punten.", " When you finish the course, these points pay for it.")
            return el("p", ["class": "ok", "role": "status"], text(what + next))
        case .cancelled(let row):
            return el(
                "p", ["class": "ok", "role": "status"],
                text(
                    ctx.t(
                        "De reservering voor \u{201C}\(o.title(ofCourse: row.courseID))\u{201D} is geannuleerd. Je punten zijn terug.",
                        "The reservation for \u{201C}\(o.title(ofCourse: row.courseID))\u{201D} is cancelled. Your points are back.")))
        case .refused(let problem):
            return el("p", ["class": "notice", "role": "alert"], text(refusalSentence(ctx, problem)))
        }
    }

    /// The store's reasons in words a worker understands.
    static func refusalSentence(_ ctx: PageContext, _ p: ReservationProblem) -> String {
        LeermilesText.refusal(p, ctx.lang)
    }

    static func potSentence(_ ctx: PageContext, _ o: LeermilesOverview, funder: String, amount: Miles) -> String {
        let name = o.name(ofFunder: funder)
        let m = LeermilesText.miles(amount, lang: ctx.lang)
        let terms = o.potTerms[funder]
        var parts: [String] = []
        if terms?.restriction == .shortageOccupations {
            parts.append(ctx.t("alleen voor een cursus naar een beroep waar veel vraag naar is", "only for a course towards an occupation in demand"))
        }
        if terms?.requiresApproval == true { parts.append(ctx.t("\(name) moet eerst akkoord geven", "\(name) must approve first")) }
        let why = parts.isEmpty ? "" : " (" + parts.joined(separator: "; ") + ")"
        return ctx.t("Van je saldo komen \(m) leermiles van \(name)\(why).", "\(m) leermiles of your balance come from \(name)\(why).")
    }

    static func sourcesNode(_ ctx: PageContext, _ o: LeermilesOverview) -> Node {
        guard !o.earnings.sources.isEmpty else {
            return paragraph(ctx.t("Er zijn nog geen punten binnengekomen.", "No points have come in yet."))
        }
        return el(
            "ul", ["class": "plain sources"],
            children: o.earnings.sources.map { s in
                el(
                    "li", el("strong", text(LeermilesText.miles(s.amount, lang: ctx.lang))),
                    text(" " + LeermilesText.reason(s.reason, lang: ctx.lang).lowercased() + ctx.t(", van ", ", from ") + o.name(ofFunder: s.funder)))
            })
    }

    static func tipsNode(_ ctx: PageContext, _ o: LeermilesOverview, requestID: String) -> Node {
        guard !o.tips.isEmpty else {
            return el(
                "p",
                text(
                    ctx.t(
                        "Zet werk in je paspoort. Dan laten we cursussen zien die je verder helpen.",
                        "Add work to your passport. Then we show courses that help you further.")),
                text(" "), el("a", ["href": SiteRoute.careerPaths.link], text(ctx.t("Waar kan ik naartoe?", "Where can I go?"))))
        }
        return el(
            "ol", ["class": "results"],
            children: o.tips.enumerated().map { index, tip in
                let c = tip.course
                let title = c.demo ? c.title + " (demo)" : c.title
                var facts = [ctx.t("\(c.hours) uur", "\(c.hours) hours"), CareerPages.format(ctx, c)]
                if let start = c.startDates.first { facts.append(ctx.t("start \(start)", "starts \(start)")) }
                var body: [Node] = [
                    el("h3", text(title)),
                    paragraph(c.provider + " · " + facts.joined(separator: " · "), class: "meta"),
                    paragraph(ctx.t("Helpt je op weg naar: \(tip.towards).", "Helps you towards: \(tip.towards).")),
                ]
                if tip.choice.price == .zero {
                    body.append(paragraph(ctx.t("Deze cursus is gratis. Je hebt er geen leermiles voor nodig.", "This course is free. You need no leermiles for it.")))
                } else {
                    switch tip.plan {
                    case .success(let plan):
                        let approval =
                            plan.needsApproval
                            ? ctx.t(
                                " Het fonds geeft eerst akkoord. Het ziet welke cursus je kiest, maar niet je naam.",
                                " The fund approves first. It sees which course you choose, but not your name.") : ""
                        body.append(
                            paragraph(
                                ctx.t(
                                    "Kost \(LeermilesText.miles(tip.choice.price, lang: ctx.lang)) leermiles. Je hebt genoeg.",
                                    "Costs \(LeermilesText.miles(tip.choice.price, lang: ctx.lang)) leermiles. You have enough.") + approval))
                        body.append(
                            el(
                                "form", ["method": "post", "action": SiteRoute.leermilesReserve.link],
                                ctx.csrfField,
                                el("input", ["type": "hidden", "name": "course", "value": c.id]),
                                el("input", ["type": "hidden", "name": "request", "value": "\(requestID)-\(index)"]),
                                el(
                                    "button", ["type": "submit"],
                                    text(
                                        ctx.t(
                                            "Reserveer \(LeermilesText.miles(tip.choice.price, lang: ctx.lang)) leermiles",
                                            "Reserve \(LeermilesText.miles(tip.choice.price, lang: ctx.lang)) leermiles")))))
                    case .failure(let problem):
                        var short = ctx.t("Kost \(LeermilesText.miles(tip.choice.price, lang: ctx.lang)) leermiles.", "Costs \(LeermilesText.miles(tip.choice.price, lang: ctx.lang)) leermiles.")
                        if case .insufficient(let wanted, let usable, _) = problem {
                            short += ctx.t(
                                " Je komt er nog \(LeermilesText.miles(wanted - usable, lang: ctx.lang)) tekort.",
                                " You are \(LeermilesText.miles(wanted - usable, lang: ctx.lang)) short.")
                            if o.earnings.perMonth > .zero {
                                let months = Int((Double((wanted - usable).hundredths) / Double(o.earnings.perMonth.hundredths)).rounded(.up))
                                short += ctx.t(
                                    " Als je blijft werken zoals nu, heb je er over ongeveer \(months) maanden genoeg voor.",
                                    " If you keep working as now, you have enough in about \(months) months.")
                            }
                        }
                        body.append(paragraph(short))
                    }
                }
                return el("li", children: body)
            })
    }

    static func reservationsNode(_ ctx: PageContext, _ o: LeermilesOverview) -> Node {
        guard !o.reservations.isEmpty else {
            return paragraph(ctx.t("Je hebt nog geen cursus gereserveerd.", "You have not reserved a course yet."))
        }
        return el(
            "ol", ["class": "results"],
            children: o.reservations.map { r in
                var body: [Node] = [
                    el("h3", text(o.title(ofCourse: r.courseID))),
                    el(
                        "p",
                        el(
                            "span", ["class": "badge " + (r.state == .settled || r.state == .open ? "verified" : r.state == .released ? "revoked" : "self")],
                            text(LeermilesText.state(r.state, lang: ctx.lang))),
                        text(" · \(LeermilesText.miles(r.amount, lang: ctx.lang)) leermiles · " + LeermilesText.day(Day(r.createdAt, in: Day.dutch), lang: ctx.lang))),
                ]
                if r.state == .open || r.state == .awaitingApproval {
                    body.append(
                        el(
                            "form", ["method": "post", "action": SiteRoute.leermilesCancel(id: r.id).link],
                            ctx.csrfField,
                            el("button", ["type": "submit", "class": "secondary"], text(ctx.t("Annuleren en punten terug", "Cancel and get the points back")))))
                }
                return el("li", children: body)
            })
    }

    static func consentNode(_ ctx: PageContext, _ o: LeermilesOverview) -> Node {
        var box: [(String, String)] = [("type", "checkbox"), ("id", "consent"), ("name", "consent"), ("value", "on")]
        if o.consent { box.append(("checked", "")) }
        return el(
            "form", ["method": "post", "action": SiteRoute.leermilesConsent.link, "class": "box"],
            ctx.csrfField,
            paragraph(
                ctx.t(
                    "Fondsen en werkgevers die je punten geven, zien alleen totalen van groepen van 10 mensen of meer. Moet een fonds een cursus goedkeuren? Dan ziet het welke cursus je aanvraagt, maar niet je naam.",
                    "Funds and employers that give you points only see totals for groups of 10 people or more. Must a fund approve a course? Then it sees which course you ask for, but not your name."
                )),
            el(
                "div", ["class": "choice"], el("input", attributes: box),
                el("label", ["for": "consent"], text(ctx.t("Ze mogen mijn naam en mijn cursussen zien.", "They may see my name and my courses.")))),
            el("button", ["type": "submit", "class": "secondary"], text(ctx.t("Bewaren", "Save"))))
    }
}
