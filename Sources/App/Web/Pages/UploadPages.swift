import Passport

/// The upload form and what came of an upload.
enum UploadPages {
    enum Outcome {
        case stored(file: String, count: Int)
        case refused(String)
        case problems(file: String, [LineProblem])
    }

    static func form(_ ctx: PageContext, outcome: Outcome?) -> Node {
        let title = ctx.t("Werkbewijzen uploaden", "Upload work credentials")
        var main: [Node] = [
            el("h1", text(title)),
            paragraph(
                ctx.t(
                    "Upload een bestand met ondertekende werkbewijzen: één compacte JWS per regel (JSON Lines). Klopt één regel niet, dan slaan we niets op en zie je welke regels je moet verbeteren.",
                    "Upload a file of signed work credentials: one compact JWS per line (JSON Lines). If one line is wrong, nothing is stored and you see which lines to fix.")),
            el(
                "p", text(ctx.t("Zo maak je ze: ", "How to make them: ")),
                el("a", ["href": SiteRoute.standardFile(name: "spec.md").link], text(ctx.t("de standaard", "the standard"))), text(" · "),
                el("a", ["href": SiteRoute.openAPI.link], text(ctx.t("de API", "the API")))),
        ]
        switch outcome {
        case .stored(let file, let count):
            main.append(el("p", ["class": "ok", "role": "status"], text(ctx.t("\(file): \(count) werkbewijzen opgeslagen.", "\(file): \(count) work credentials stored."))))
        case .refused(let reason):
            main.append(el("p", ["class": "notice", "role": "alert"], text(reason)))
        case .problems(let file, let problems):
            let count = problems.count
            main.append(
                el(
                    "p", ["class": "notice", "role": "alert"],
                    text(
                        ctx.t(
                            "\(file): \(count == 1 ? "1 regel klopt" : "\(count) regels kloppen") niet. Er is niets opgeslagen.",
                            "\(file): \(count == 1 ? "1 line is" : "\(count) lines are") wrong. Nothing was stored."))))
            main.append(
                el(
                    "table", ["class": "stack"],
                    tableHead(ctx.t("Regel", "Line"), ctx.t("Controle", "Check"), ctx.t("Veld", "Field"), ctx.t("Reden", "Reason")),
                    el(
                        "tbody",
                        children: problems.prefix(500).map { p in
                            el("tr", el("td", text("\(p.line)")), el("td", text(p.check)), el("td", text(p.field ?? "–")), el("td", text(p.reason)))
                        })))
            if problems.count > 500 {
                main.append(paragraph(ctx.t("De eerste 500 van \(problems.count) staan hier.", "The first 500 of \(problems.count) are shown."), class: "meta"))
            }
        case nil:
            break
        }
        main.append(
            el(
                "form", ["method": "post", "action": SiteRoute.issuerUpload.link, "enctype": "multipart/form-data"],
                ctx.csrfField,
                el(
                    "div", ["class": "field"],
                    el("label", ["for": "file"], text(ctx.t("Bestand (.jsonl)", "File (.jsonl)"))),
                    el("input", ["type": "file", "id": "file", "name": "file", "accept": ".jsonl,.txt,application/jsonl", "required": ""])),
                el("button", ["type": "submit"], text(ctx.t("Uploaden", "Upload")))))
        return layout(ctx, title: title, main)
    }
}
