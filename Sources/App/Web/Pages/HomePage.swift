import Foundation

enum HomePage {
    static func render(_ ctx: PageContext) -> Node {
        layout(
            ctx, title: ctx.t("Van werk naar beter werk", "From work to better work"),
            [
                el("h1", text(ctx.t("Jouw werk telt. Ook voor je volgende baan.", "Your work counts. For your next job too."))),
                // Three B1-level sentences: what Loopbrug does for a worker.
                paragraph(
                    ctx.t(
                        "Loopbrug bewaart al je werk op één plek: klussen, banen en vrijwilligerswerk. "
                            + "Je ziet wat je met dat werk hebt laten zien dat je kunt. "
                            + "En je ziet welk werk en welke cursussen daarna bij je passen.",
                        "Loopbrug keeps all your work in one place: gigs, jobs and volunteering. "
                            + "You see what that work shows you can do. "
                            + "And you see which work and which courses suit you next."), class: "lead"),
                searchForm(ctx, query: ""),
                el("h2", text(ctx.t("Zo werkt het", "How it works"))),
                el(
                    "ol", ["class": "steps"],
                    el("li", text(ctx.t("Zoek het werk dat je nu doet of vroeger deed.", "Search for the work you do now or did before."))),
                    el("li", text(ctx.t("Bekijk welke vaardigheden bij dat werk horen.", "See which skills belong to that work."))),
                    el("li", text(ctx.t("Maak een account om je werk te bewaren.", "Create an account to keep your work.")))),
            ])
    }

    /// The occupation search form, on the home page and the search page.
    static func searchForm(_ ctx: PageContext, query: String, error: String? = nil) -> Node {
        el(
            "form", ["method": "get", "action": SiteRoute.occupationSearch.link, "role": "search", "class": "search"],
            formField(
                id: "q", label: ctx.t("Welk werk doe je?", "What work do you do?"), type: "search", value: query,
                error: error, autocomplete: "off",
                hint: ctx.t("Bijvoorbeeld: schoonmaker, kassière of magazijnmedewerker", "For example: cleaner, cashier or warehouse worker")),
            el("button", ["type": "submit"], text(ctx.t("Zoeken", "Search"))))
    }
}
