import Foundation
import Insight
import Localization

/// The municipal report as HTML: used by the analyst's page and by `loopbrug insight report`.
/// The words are `InsightReportText`'s (shared with the PDF); this lays them out.
public enum InsightReportView {
    public static func body(_ r: InsightReport, lang: Lang) -> [Node] {
        let words = InsightReportText(r, lang: lang)
        var out: [Node] = []
        for (index, line) in words.introduction.enumerated() { out.append(el("p", index == 0 ? ["class": "lead"] : [:], text(line))) }
        out.append(paragraph(words.disclosureNote, class: "muted"))
        out.append(el("h2", text(words.clustersHeading)))
        out.append(paragraph(words.method))
        for p in r.profiles {
            out.append(
                el(
                    "section", el("h3", text(words.profileTitle(p))), paragraph(words.profileDescription(p)),
                    el("ul", children: words.profileFeatures(p).map { el("li", text($0)) })))
        }
        out.append(el("h3", text(words.silhouetteHeading)))
        out.append(
            el(
                "table", ["class": "chart"],
                children: [el("caption", text(words.silhouetteCaption))]
                    + words.silhouettes.map { row in
                        el("tr", el("th", ["scope": "row"], text(row.label)), el("td", ["class": "n"], text(row.value)), el("td", bar(row.fraction)))
                    }))
        if let robustness = words.robustness { out.append(paragraph(robustness)) }
        out.append(el("h2", text(words.tablesHeading)))
        for table in r.tables {
            // The corner cell names nothing, so it is a td (an empty th confuses screen readers).
            let header = el("tr", children: words.tableHeader.enumerated().map { $0.offset == 0 ? el("td") : el("th", ["scope": "col", "class": "n"], text($0.element)) })
            let rows = words.rows(table).map { cells in
                el("tr", children: [el("th", ["scope": "row"], text(cells[0]))] + cells.dropFirst().map { el("td", ["class": "n"], text($0)) })
            }
            out.append(el("table", children: [el("caption", text(Labels.variable(table.variable, lang: lang))), header] + rows))
        }
        return out
    }

    /// A whole HTML document (for `loopbrug insight report`), with its own small stylesheet.
    public static func document(_ r: InsightReport, lang: Lang) -> String {
        let title = InsightReportText(r, lang: lang).title
        let page = el(
            "html", ["lang": lang.code],
            el(
                "head", el("meta", ["charset": "utf-8"]), el("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"]),
                el("title", text(title)), el("style", text(css))),
            el("body", el("main", children: [el("h1", text(title))] + body(r, lang: lang))))
        return "<!doctype html>\n" + page.render()
    }

    static let css = """
        body{font-family:Noto Sans,system-ui,sans-serif;margin:0;color:#1a1a1f;line-height:1.45}main{max-width:60rem;margin:0 auto;padding:1rem}
        table{border-collapse:collapse;margin:0 0 1.5rem;width:100%}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #ccd;vertical-align:top}
        td.n,th.n{text-align:right}@media (max-width:30rem){th,td{padding:.3rem .2rem}}caption{text-align:left;font-weight:bold;padding:.3rem 0}.muted{color:#555}.lead{font-size:1.15rem}
        """

    /// A horizontal bar as inline SVG (attributes, not styles: the site's CSP forbids inline styles).
    static func bar(_ fraction: Double) -> Node {
        let width = Int((min(1, max(0, fraction)) * 200).rounded())
        return el(
            "svg", ["width": "200", "height": "14", "role": "img", "aria-hidden": "true"],
            el("rect", ["width": String(width), "height": "14", "fill": "#1f6f3f"]))
    }
}
