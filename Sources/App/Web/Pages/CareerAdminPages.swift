import Engine

/// The admin's upload page for the career tables, and what came of an upload.
enum CareerAdminPages {
    enum Outcome {
        case imported(table: String, file: String, count: Int)
        case refused(String)
        case problems(file: String, [RowProblem])
    }

    static func page(_ ctx: PageContext, snapshot: CareerData.Snapshot, outcome: Outcome?) -> Node {
        let title = ctx.t("Tekortberoepen, cursussen en vacatures", "Shortage occupations, courses and vacancies")
        var main: [Node] = [
            el("h1", text(title)),
            paragraph(
                ctx.t(
                    "Upload een CSV-bestand (UTF-8). Klopt één regel niet, dan verandert er niets en zie je welke regels en kolommen je moet verbeteren. De kolommen staan in docs/engine.md.",
                    "Upload a CSV file (UTF-8). If one row is wrong, nothing changes and you see which rows and columns to fix. The columns are in docs/engine.md.")),
            el(
                "dl", ["class": "totals"],
                el("div", el("dt", text(ctx.t("Tekort/groei-regels", "Shortage/growth rows"))), el("dd", text("\(snapshot.outlook.entries.count)"))),
                el("div", el("dt", text(ctx.t("Cursussen", "Courses"))), el("dd", text("\(snapshot.catalogue.courses.count)"))),
                el("div", el("dt", text(ctx.t("Vacatures en klussen", "Vacancies and jobs"))), el("dd", text("\(snapshot.board.count)")))),
        ]
        switch outcome {
        case .imported(let table, let file, let count):
            let replaced = table == "vacancies" ? ctx.t("toegevoegd", "added") : ctx.t("ingelezen; de oude lijst is vervangen", "read; the old list is replaced")
            main.append(el("p", ["class": "ok", "role": "status"], text("\(file): \(count) " + ctx.t("regels", "rows") + " \(replaced).")))
        case .refused(let reason):
            main.append(el("p", ["class": "notice", "role": "alert"], text(reason)))
        case .problems(let file, let problems):
            main.append(
                el(
                    "p", ["class": "notice", "role": "alert"],
                    text(
                        ctx.t(
                            "\(file): \(problems.count) \(problems.count == 1 ? "fout" : "fouten"). Er is niets veranderd.",
                            "\(file): \(problems.count) \(problems.count == 1 ? "problem" : "problems"). Nothing was changed."))))
            main.append(
                el(
                    "table", ["class": "stack"],
                    tableHead(ctx.t("Regel", "Line"), ctx.t("Kolom", "Column"), ctx.t("Wat er mis is", "What is wrong")),
                    el(
                        "tbody",
                        children: problems.map { p in
                            el(
                                "tr", el("td", ["data-label": ctx.t("Regel", "Line")], text("\(p.line)")),
                                el("td", ["data-label": ctx.t("Kolom", "Column")], text(p.field.isEmpty ? "–" : p.field)),
                                el("td", text(p.problem.text(ctx.lang))))
                        })))
        case nil: break
        }
        main.append(
            el(
                "form", ["method": "post", "action": SiteRoute.adminCareer.link, "enctype": "multipart/form-data", "class": "box"],
                ctx.csrfField,
                el(
                    "div", ["class": "field"],
                    el("label", ["for": "table"], text(ctx.t("Wat wil je bijwerken?", "What do you want to update?"))),
                    el(
                        "select", ["id": "table", "name": "table"],
                        el("option", ["value": "outlook"], text(ctx.t("Tekort- en groeiberoepen (vervangt de lijst)", "Shortage and growth occupations (replaces the list)"))),
                        el("option", ["value": "courses"], text(ctx.t("Cursussen (vervangt de catalogus)", "Courses (replaces the catalogue)"))),
                        el("option", ["value": "vacancies"], text(ctx.t("Vacatures en klussen (voegt toe)", "Vacancies and short jobs (adds)"))))),
                el(
                    "div", ["class": "field"],
                    el("label", ["for": "file"], text(ctx.t("CSV-bestand", "CSV file"))),
                    el("input", ["type": "file", "id": "file", "name": "file", "accept": ".csv,text/csv", "required": ""])),
                el("button", ["type": "submit"], text(ctx.t("Uploaden", "Upload")))))
        return layout(ctx, title: title, main)
    }
}
