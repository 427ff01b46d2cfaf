import Foundation
import Localization
import Passport

/// A share as the worker's list shows it.
struct ShareSummary {
    let share: ShareRow
    let url: String
    let recordCount: Int
    let opens: [Date]
}

/// The worker's share links (make, see when opened, revoke, download the KlusCV) and the public
/// page an employer sees behind a link.
enum SharePages {
    static func list(_ ctx: PageContext, entries: [PassportEntry], shares: [ShareSummary], now: Date, problem: String?) -> Node {
        let title = ctx.t("Delen en KlusCV", "Share and KlusCV")
        var main: [Node] = [
            el("h1", text(title)),
            paragraph(
                ctx.t(
                    "Maak een link naar je werk. Wie de link heeft, ziet het werk dat je kiest en of het echt is. Bij elke link hoort een KlusCV (pdf) om te downloaden.",
                    "Make a link to your work. Whoever has the link sees the work you choose and whether it is real. Each link comes with a KlusCV (PDF) to download.")),
        ]
        if let problem { main.append(el("p", ["class": "notice", "role": "alert"], text(problem))) }
        if entries.isEmpty {
            main.append(paragraph(ctx.t("Er staat nog geen werk in je paspoort. Voeg eerst werk toe.", "There is no work in your passport yet. Add work first."), class: "notice"))
        } else {
            main.append(newShareForm(ctx, entries))
        }
        main.append(el("h2", ["id": "links"], text(ctx.t("Mijn links", "My links"))))
        if shares.isEmpty {
            main.append(paragraph(ctx.t("Je hebt nog geen links gemaakt.", "You have not made any links yet.")))
        } else {
            main.append(el("ul", ["class": "plain", "aria-labelledby": "links"], children: shares.map { shareItem(ctx, $0, now: now) }))
        }
        return layout(ctx, title: title, main)
    }

    static func newShareForm(_ ctx: PageContext, _ entries: [PassportEntry]) -> Node {
        let boxes = entries.map { e -> Node in
            let id = "r-\(e.row.id)"
            return el(
                "div", ["class": "choice"],
                el("input", attributes: [("type", "checkbox"), ("id", id), ("name", "records[]"), ("value", e.row.id), ("checked", "")]),
                el("label", ["for": id], text(e.record.roleTitle + " · " + PeriodText.describe(start: e.record.start, end: e.record.end, lang: ctx.lang))))
        }
        let expiry = Sharing.expiryChoices.map { days -> Node in
            var attributes: [(String, String)] = [("value", "\(days)")]
            if days == Sharing.defaultExpiryDays { attributes.append(("selected", "")) }
            let label =
                switch days {
                case 30: ctx.t("1 maand", "1 month")
                case 90: ctx.t("3 maanden", "3 months")
                default: ctx.t("1 jaar", "1 year")
                }
            return el("option", attributes: attributes, children: [text(label)])
        }
        return el(
            "form", ["method": "post", "action": SiteRoute.shareCreate.link, "class": "box"],
            ctx.csrfField,
            el("h2", text(ctx.t("Nieuwe link", "New link"))),
            el("fieldset", children: [el("legend", text(ctx.t("Welk werk deel je?", "Which work do you share?")))] + boxes),
            el(
                "div", ["class": "field"],
                el("label", ["for": "days"], text(ctx.t("Hoe lang werkt de link?", "How long does the link work?"))),
                el("select", ["id": "days", "name": "days"], children: expiry)),
            formField(
                id: "label", label: ctx.t("Voor wie is de link? (mag leeg)", "Who is the link for? (optional)"), autocomplete: "off",
                hint: ctx.t("Alleen jij ziet dit. Bijvoorbeeld: Albert Heijn Almere", "Only you see this. For example: Albert Heijn Almere"), required: false),
            el(
                "div", ["class": "choice"],
                el("input", ["type": "checkbox", "id": "earnings", "name": "earnings"]),
                el("label", ["for": "earnings"], text(ctx.t("Laat ook zien wat ik verdiende", "Also show what I earned")))),
            el("button", ["type": "submit"], text(ctx.t("Maak link en KlusCV", "Make link and KlusCV"))))
    }

    static func shareItem(_ ctx: PageContext, _ s: ShareSummary, now: Date) -> Node {
        let share = s.share
        let state: String
        if let revoked = share.revokedAt {
            state = ctx.t("Ingetrokken op \(RecordText.day(revoked, ctx.lang))", "Revoked on \(RecordText.day(revoked, ctx.lang))")
        } else if share.expiresAt <= now {
            state = ctx.t("Verlopen op \(RecordText.day(share.expiresAt, ctx.lang))", "Expired on \(RecordText.day(share.expiresAt, ctx.lang))")
        } else {
            state = ctx.t("Werkt tot \(RecordText.day(share.expiresAt, ctx.lang))", "Works until \(RecordText.day(share.expiresAt, ctx.lang))")
        }
        var lines: [Node] = [
            el("h3", text(share.label)),
            paragraph(
                ctx.t("\(s.recordCount) keer werk · gemaakt op ", "\(s.recordCount) pieces of work · made on ")
                    + RecordText.day(share.createdAt, ctx.lang) + " · " + state, class: "meta"),
        ]
        let live = share.isLive(at: now)
        if live {
            let inputID = "link-\(share.id)"
            lines.append(el("label", ["for": inputID], text(ctx.t("De link", "The link"))))
            lines.append(el("input", ["id": inputID, "type": "text", "readonly": "", "value": s.url, "class": "token"]))
        }
        let opened: String
        if let last = s.opens.first {
            let clock = RecordText.clock(last)
            opened = ctx.t(
                "Geopend: \(s.opens.count == 20 ? "20 of vaker" : "\(s.opens.count) keer"), laatst op \(RecordText.day(last, ctx.lang)) om \(clock) (UTC)",
                "Opened: \(s.opens.count == 20 ? "20 times or more" : "\(s.opens.count) times"), last on \(RecordText.day(last, ctx.lang)) at \(clock) (UTC)")
        } else {
            opened = ctx.t("Nog niet geopend.", "Not opened yet.")
        }
        lines.append(paragraph(opened))
        var actions: [Node] = [
            el("a", ["class": "button", "href": SiteRoute.shareKlusCV(id: share.id, lang: .nl).link, "hreflang": "nl"], text(ctx.t("Download KlusCV", "Download KlusCV (Dutch)"))),
            text(" "),
            el("a", ["class": "button", "href": SiteRoute.shareKlusCV(id: share.id, lang: .en).link, "hreflang": "en"], text(ctx.t("KlusCV in het Engels", "Download KlusCV (English)"))),
        ]
        if live {
            actions.append(
                el(
                    "form", ["method": "post", "action": SiteRoute.shareRevoke(id: share.id).link, "class": "inline"], ctx.csrfField,
                    text(" "), el("button", ["type": "submit", "class": "secondary"], text(ctx.t("Link intrekken", "Revoke link")))))
        }
        lines.append(el("p", ["class": "actions"], children: actions))
        return el("li", ["class": "record", "id": "share-\(share.id)"], children: lines)
    }

    /// What the holder of a link sees: each record with its status as checked just now.
    static func publicView(_ ctx: PageContext, _ view: ShareView, records: Node, checkedAt: Date) -> Node {
        let title = ctx.t("Werk van \(view.workerName)", "Work of \(view.workerName)")
        let clock = RecordText.clock(checkedAt)
        var main: [Node] = [
            el("h1", text(title)),
            paragraph(
                ctx.t(
                    "\(view.workerName) deelt dit werk uit het Loopbrug-werkpaspoort. Bij elk werk zie je of het bevestigd is door het platform of de werkgever, en of dat nu nog geldt.",
                    "\(view.workerName) shares this work from the Loopbrug work passport. For each piece of work you see whether the platform or employer confirmed it, and whether that still holds now."
                )),
            paragraph(
                ctx.t(
                    "Gecontroleerd op \(RecordText.day(checkedAt, ctx.lang)) om \(clock) (UTC). De link werkt tot \(RecordText.day(view.share.expiresAt, ctx.lang)).",
                    "Checked on \(RecordText.day(checkedAt, ctx.lang)) at \(clock) (UTC). The link works until \(RecordText.day(view.share.expiresAt, ctx.lang))."), class: "meta"),
        ]
        if view.records.isEmpty {
            main.append(paragraph(ctx.t("Er staat geen werk (meer) in deze link.", "There is no work (left) in this link."), class: "notice"))
        }
        main.append(records)
        main.append(
            el(
                "p", ["class": "meta"], text(ctx.t("Voor software: dezelfde gegevens met de ondertekende bewijzen staan op ", "For software: the same data with the signed credentials is at ")),
                el("a", ["href": SiteRoute.apiShare(id: view.share.id).link], text(SiteRoute.apiShare(id: view.share.id).link)), text(".")))
        return layout(ctx, title: title, main)
    }

    /// The shared records with their statuses: the same for every visitor in a language, so the
    /// controller renders it once per cached view.
    static func recordList(_ lang: Lang, _ view: ShareView) -> Node {
        el(
            "ol", ["class": "timeline"],
            children: view.records.map { shared in
                let r = shared.entry.record
                let badgeClass =
                    switch shared.status {
                    case .valid: "verified"
                    case .selfDeclared: "self"
                    default: "revoked"
                    }
                var lines: [Node] = [
                    el("h2", ["class": "record-title"], text(r.roleTitle)),
                    paragraph(RecordText.meta(r, lang), class: "meta"),
                    el(
                        "p",
                        el(
                            "span", ["class": "badge \(badgeClass)", "data-status": shared.status.code],
                            text(Sharing.statusText(shared.status, issuer: shared.entry.issuerName, lang)))),
                ]
                let numbers = RecordText.numbers(r, lang, earnings: view.share.showEarnings)
                if !numbers.isEmpty { lines.append(paragraph(numbers)) }
                if !shared.entry.skills.isEmpty {
                    lines.append(paragraph(lang.t("Vaardigheden:", "Skills:"), class: "label"))
                    lines.append(el("ul", ["class": "skills"], children: shared.entry.skills.prefix(8).map { skillItem($0.label(in: lang.escoLanguage), lang) }))
                }
                return el("li", ["class": "record"], children: lines)
            })
    }
}
