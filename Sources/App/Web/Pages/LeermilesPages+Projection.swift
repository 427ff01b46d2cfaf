import Foundation
import Leermiles

/// The overview's "Over 12 maanden": the sentence with the projection, and the month chart.
extension LeermilesPages {
    static func projectionNode(_ ctx: PageContext, _ o: LeermilesOverview) -> Node {
        let e = o.earnings
        let now = o.balance.spendable + o.balance.reserved
        var children: [Node] = []
        if e.nextTwelveMonths > .zero {
            let basis =
                e.paceDays >= 365
                ? ctx.t("het afgelopen jaar", "the past year")
                : ctx.t("de afgelopen \(max(3, e.paceDays / 30)) maanden", "the past \(max(3, e.paceDays / 30)) months")
            children.append(
                el(
                    "p", ["class": "lead", "data-testid": "projection"],
                    text(
                        ctx.t(
                            "Als je blijft werken zoals \(basis), komen er ongeveer \(LeermilesText.miles(e.nextTwelveMonths, lang: ctx.lang)) leermiles bij. Dan heb je er over 12 maanden ongeveer \(LeermilesText.miles(now + e.nextTwelveMonths, lang: ctx.lang)).",
                            "If you keep working as in \(basis), about \(LeermilesText.miles(e.nextTwelveMonths, lang: ctx.lang)) leermiles come in. Then in 12 months you have about \(LeermilesText.miles(now + e.nextTwelveMonths, lang: ctx.lang))."
                        ))))
        } else {
            children.append(
                el(
                    "p", ["data-testid": "projection"],
                    text(
                        ctx.t(
                            "Je hebt het afgelopen jaar nog geen punten met werk verdiend. Werk je via een platform of werkgever die meedoet? Dan groeit je saldo vanzelf.",
                            "You have not earned points with work in the past year yet. Do you work through a platform or employer that takes part? Then your balance grows by itself."))))
        }
        children.append(monthChart(ctx, e))
        return el("div", ["class": "box"], children: children)
    }

    /// The twelve months so far as bars, and the expected monthly amount as a dashed line; the
    /// same figures as a table for screen readers and for anyone who reads rather than looks.
    static func monthChart(_ ctx: PageContext, _ e: EarningsOverview) -> Node {
        let top = max(e.months.map(\.earned.hundredths).max() ?? 0, e.perMonth.hundredths, 100)
        let width = 360.0, height = 150.0, bar = width / 12
        var shapes: [Node] = []
        for (i, month) in e.months.enumerated() {
            let h = Double(max(0, month.earned.hundredths)) / Double(top) * (height - 32)
            shapes.append(
                el(
                    "rect",
                    [
                        "x": String(format: "%.1f", Double(i) * bar + 3), "y": String(format: "%.1f", height - 16 - h),
                        "width": String(format: "%.1f", bar - 6), "height": String(format: "%.1f", h), "fill": "#1e6b34",
                    ]))
            if month.earned > .zero {
                shapes.append(
                    el(
                        "text",
                        [
                            "x": String(format: "%.1f", Double(i) * bar + bar / 2), "y": String(format: "%.1f", height - 19 - h),
                            "font-size": "9", "text-anchor": "middle", "fill": "#1e6b34",
                        ], text(LeermilesText.miles(Miles(hundredths: month.earned.hundredths / 100 * 100), lang: ctx.lang))))
            }
            shapes.append(
                el(
                    "text",
                    [
                        "x": String(format: "%.1f", Double(i) * bar + bar / 2), "y": String(format: "%.0f", height - 3),
                        "font-size": "10", "text-anchor": "middle", "fill": "#333",
                    ], text(LeermilesText.month(month.start, lang: ctx.lang))))
        }
        if e.perMonth > .zero {
            let y = height - 16 - Double(e.perMonth.hundredths) / Double(top) * (height - 32)
            shapes.append(
                el(
                    "line",
                    [
                        "x1": "0", "x2": String(width), "y1": String(format: "%.1f", y), "y2": String(format: "%.1f", y),
                        "stroke": "#0a4f96", "stroke-width": "2", "stroke-dasharray": "6 4",
                    ]))
        }
        let caption = ctx.t("Verdiend per maand, het afgelopen jaar", "Earned per month, the past year")
        let svg = el("svg", ["viewBox": "0 0 \(Int(width)) \(Int(height))", "width": "100%", "role": "img", "aria-hidden": "true", "class": "chart"], children: shapes)
        let table = el(
            "table", ["class": "months"],
            el("caption", text(caption)),
            tableHead(ctx.t("Maand", "Month"), ctx.t("Leermiles", "Leermiles")),
            el(
                "tbody",
                children: e.months.map { month in
                    el(
                        "tr", el("td", text("\(LeermilesText.month(month.start, lang: ctx.lang)) \(month.start.year)")),
                        el("td", text(LeermilesText.miles(month.earned, lang: ctx.lang))))
                }))
        let legend =
            e.perMonth > .zero
            ? paragraph(
                ctx.t(
                    "Groene balken: wat je per maand verdiende. Blauwe stippellijn: wat je per maand verwacht (\(LeermilesText.miles(e.perMonth, lang: ctx.lang))).",
                    "Green bars: what you earned each month. Blue dashed line: what you can expect each month (\(LeermilesText.miles(e.perMonth, lang: ctx.lang)))."), class: "meta")
            : fragment([])
        return fragment([
            el("figure", el("figcaption", text(caption)), svg), legend,
            el("details", el("summary", text(ctx.t("Bekijk als tabel", "Show as a table"))), table),
        ])
    }
}
