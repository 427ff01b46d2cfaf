/// What went wrong, in plain words, with a way back to the home page.
enum ErrorPage {
    enum Kind { case notFound, forbidden, failed }

    static func render(_ ctx: PageContext, _ kind: Kind, reason: String) -> Node {
        let title =
            switch kind {
            case .notFound: ctx.t("Niet gevonden", "Not found")
            case .forbidden: ctx.t("Geen toegang", "No access")
            case .failed: ctx.t("Dat lukte niet", "That did not work")
            }
        return layout(
            ctx, title: title,
            [
                el("h1", text(title)),
                el("p", ["class": "notice", "role": "alert"], text(reason)),
                el("p", el("a", ["href": SiteRoute.home.link], text(ctx.t("Naar de startpagina", "To the home page")))),
            ])
    }
}
