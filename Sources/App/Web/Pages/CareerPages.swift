import Engine
import Foundation
import Taxonomy

/// "Waar kan ik naartoe?", the occupation explorer and "Werk dat past": short sentences first,
/// details folded away, every label that only ESCO's English has marked as English.
enum CareerPages {
    static func paths(_ ctx: PageContext, _ result: CareerAdvice.WorkerTransitions) -> Node {
        let title = ctx.t("Waar kan ik naartoe?", "Where can I go?")
        var main: [Node] = [el("h1", text(title))]
        guard result.hasWork else {
            main.append(
                paragraph(
                    ctx.t(
                        "Je paspoort is nog leeg. Zet eerst werk in je paspoort: dan laten we zien welke beroepen dichtbij zijn.",
                        "Your passport is still empty. Add work to your passport first: then we show which occupations are close."), class: "lead"))
            main.append(el("p", el("a", ["class": "button", "href": SiteRoute.passportAddForm.link], text(ctx.t("Werk toevoegen", "Add work")))))
            return layout(ctx, title: title, main)
        }
        let model = result.snapshot.engine.model
        main.append(
            paragraph(
                ctx.t(
                    "Dit zijn beroepen die passen bij het werk in je paspoort. Bij elk beroep zie je wat je al kunt en wat je nog kunt leren.",
                    "These occupations fit the work in your passport. For each you see what you can do already and what you could still learn."), class: "lead"))
        if !result.report.skillsToLearn.isEmpty {
            let top = result.report.skillsToLearn.prefix(3)
            main.append(
                el(
                    "div", ["class": "box"],
                    el("h2", text(ctx.t("Leer dit en er gaan meer deuren open", "Learn this and more doors open"))),
                    el(
                        "ul", ["class": "skills"],
                        children: top.map { s in
                            el(
                                "li", skillLabel(model.space.label(s.skill, in: ctx.lang.escoLanguage), ctx.lang),
                                text(ctx.t(" — nodig in \(s.unlocks) beroepen binnen bereik", " — needed in \(s.unlocks) occupations within reach")))
                        }),
                    coursesNode(ctx, result.snapshot, missing: top.map(\.skill), limit: 2)))
        }
        main.append(el("h2", text(ctx.t("Beroepen binnen bereik", "Occupations within reach"))))
        main.append(
            el(
                "ol", ["class": "results"],
                children: result.report.transitions.map {
                    transitionItem(ctx, result.snapshot, $0, forWorker: true)
                }))
        main.append(
            paragraph(
                ctx.t(
                    "Hoe we dit berekenen: we vergelijken de vaardigheden uit je werk met wat een beroep vraagt. Zeldzame vaardigheden tellen zwaarder. Werk dat je zelf hebt toegevoegd telt iets minder mee.",
                    "How we work this out: we compare the skills from your work with what an occupation asks. Rare skills count more. Work you added yourself counts a little less."), class: "meta"))
        return layout(ctx, title: title, main)
    }

    static func explorer(_ ctx: PageContext, snapshot: CareerData.Snapshot, source: Int, report: TransitionReport) -> Node {
        let model = snapshot.engine.model
        let name = model.occupations[source].label(in: ctx.lang.escoLanguage)
        let title = ctx.t("Overstappen vanuit \(name)", "Moving on from \(name)")
        var main: [Node] = [
            el("h1", text(title)),
            paragraph(
                ctx.t(
                    "Welke beroepen liggen dichtbij voor iemand die als \(name) werkt? Hoe hoger in de lijst, hoe meer vaardigheden al passen.",
                    "Which occupations are close for someone working as \(name)? The higher in the list, the more skills already fit."), class: "lead"),
            el("p", el("a", ["href": SiteRoute.occupation(id: model.occupations[source].id).link], text(ctx.t("Over dit beroep", "About this occupation")))),
        ]
        main.append(el("ol", ["class": "results"], children: report.transitions.map { transitionItem(ctx, snapshot, $0, forWorker: false) }))
        main.append(
            paragraph(
                ctx.t(
                    "\(report.viableTargets) beroepen zijn binnen bereik. Grenzen: binnen bereik vanaf \(percent(snapshot.engine.thresholds.viable)), dichtbij vanaf \(percent(snapshot.engine.thresholds.highlyViable)) van de vaardigheden (gewogen).",
                    "\(report.viableTargets) occupations are within reach. Limits: within reach from \(percent(snapshot.engine.thresholds.viable)), close from \(percent(snapshot.engine.thresholds.highlyViable)) of the skills (weighted)."
                ), class: "meta"))
        return layout(ctx, title: title, main)
    }

    /// One target: name, how close, shortage or growth, what is there already, what to learn, courses.
    /// `forWorker`: the sentences speak to the worker ("je"); in the explorer they describe the occupation.
    static func transitionItem(_ ctx: PageContext, _ snapshot: CareerData.Snapshot, _ t: Transition, forWorker: Bool) -> Node {
        let model = snapshot.engine.model
        let occupation = model.occupations[t.target]
        var badges: [Node] = [
            el(
                "span", ["class": "badge " + (t.viability == .highlyViable ? "verified" : "self")],
                text(CareerText.viability(t.viability, lang: ctx.lang)))
        ]
        for entry in snapshot.outlook.entries(forURI: occupation.uri, iscoGroup: occupation.iscoGroup) {
            let label = entry.kind == .shortage ? ctx.t("Veel vraag naar", "In demand") : ctx.t("Groeiend beroep", "Growing")
            badges.append(text(" "))
            badges.append(
                el(
                    "span", ["class": "badge outlook", "title": "\(entry.source) (\(entry.date))"],
                    text(entry.demo ? label + " (demo)" : label)))
        }
        var body: [Node] = [
            el("h3", el("a", ["href": SiteRoute.occupation(id: occupation.id).link], text(occupation.label(in: ctx.lang.escoLanguage)))),
            el("p", children: badges),
            paragraph(
                forWorker
                    ? CareerText.transitionSentence(covered: t.covered.count, missing: t.missing.count, lang: ctx.lang)
                    : ctx.t(
                        "Al aanwezig: \(t.covered.count) van de \(t.covered.count + t.missing.count) belangrijke vaardigheden.",
                        "Already there: \(t.covered.count) of the \(t.covered.count + t.missing.count) key skills.")),
        ]
        if !t.missing.isEmpty {
            body.append(paragraph(ctx.t("Nog te leren:", "Still to learn:"), class: "label"))
            body.append(
                el(
                    "ul", ["class": "skills"],
                    children: t.missing.prefix(4).map { m in
                        var item: [Node] = [skillLabel(model.space.label(m.skill, in: ctx.lang.escoLanguage), ctx.lang)]
                        if m.near {
                            item.append(
                                text(
                                    forWorker
                                        ? ctx.t(" (lijkt op iets dat je al kunt)", " (close to something you can do)")
                                        : ctx.t(" (lijkt op een vaardigheid uit het beroep)", " (close to a skill of the occupation)")))
                        }
                        return el("li", children: item)
                    } + (t.missing.count > 4 ? [el("li", text(ctx.t("en nog \(t.missing.count - 4)", "and \(t.missing.count - 4) more")))] : [])))
            body.append(coursesNode(ctx, snapshot, missing: t.missing.map(\.skill), limit: 2))
        }
        body.append(
            el(
                "p", ["class": "meta"],
                el(
                    "a", ["href": SiteRoute.occupationTransitions(occupationID: occupation.id).link],
                    text(ctx.t("Waar kun je vanuit dit beroep heen?", "Where can you go from this occupation?")))))
        return el("li", children: body)
    }

    static func coursesNode(_ ctx: PageContext, _ snapshot: CareerData.Snapshot, missing: [Int32], limit: Int) -> Node {
        let found = snapshot.catalogue.courses(for: missing, limit: limit)
        guard !found.isEmpty else { return fragment([]) }
        return fragment([
            paragraph(ctx.t("Cursussen die hierbij helpen:", "Courses that help:"), class: "label"),
            el(
                "ul", ["class": "plain courses"],
                children: found.map { c in
                    var facts = [
                        ctx.t("\(c.course.hours) uur", "\(c.course.hours) hours"),
                        c.course.costEuros == 0 ? ctx.t("gratis", "free") : euro(c.course.costEuros),
                        format(ctx, c.course),
                    ]
                    if let start = c.course.startDates.first { facts.append(ctx.t("start \(start)", "starts \(start)")) }
                    let title = c.course.demo ? c.course.title + " (demo)" : c.course.title
                    return el(
                        "li", el("strong", text(title)), text(" — \(c.course.provider)"),
                        el("br"), el("span", ["class": "meta"], text(facts.joined(separator: " · "))),
                        el("br"),
                        el(
                            "span", ["class": "meta"],
                            text(
                                ctx.t(
                                    "Leert \(c.teaches.count) van de ontbrekende vaardigheden",
                                    "Teaches \(c.teaches.count) of the missing skills"))))
                }),
        ])
    }

    static func format(_ ctx: PageContext, _ course: Course) -> String {
        switch course.format {
        case .online: ctx.t("online", "online")
        case .classroom: ctx.t("in de klas in \(course.place?.name ?? "")", "classroom in \(course.place?.name ?? "")")
        case .workBased: ctx.t("leren op het werk in \(course.place?.name ?? "")", "learning at work in \(course.place?.name ?? "")")
        }
    }

    static func euro(_ amount: Double) -> String {
        amount == amount.rounded() ? "€ \(Int(amount))" : String(format: "€ %.2f", amount).replacingOccurrences(of: ".", with: ",")
    }

    static func percent(_ x: Float) -> String { "\(Int((x * 100).rounded()))%" }
}
