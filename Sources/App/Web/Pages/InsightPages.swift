import Foundation
import Insight

/// The analyst's pages: the start page (upload, earlier runs, kept files) and a run's page
/// (progress, problems, or the report).
enum InsightPages {
    static func start(_ ctx: PageContext, runs: [InsightRuns.Run], files: [InsightFileRow], problem: String?, uploadLimitBytes: Int) -> Node {
        let title = ctx.t("Kwetsbare werkenden in je gemeente", "Vulnerable workers in your municipality")
        var main: [Node] = [
            el("h1", text(title)),
            paragraph(
                ctx.t(
                    "Upload een bestand met gegevens per persoon, zoals CBS-microdata. Loopbrug telt wie er bij de kwetsbare werkenden hoort, zet ze naast alle werkenden en deelt ze in groepen, zoals het onderzoek in Almere.",
                    "Upload a file with one row per person, like CBS microdata. Loopbrug counts who are vulnerable workers, compares them with all workers and divides them into clusters, as the Almere study did."
                ), class: "lead"),
            paragraph(ctx.t("Aantallen onder de 10 zie je nergens: daar staat een x.", "You never see a count under 10: an x stands in its place.")),
        ]
        if let problem { main.append(el("p", ["class": "notice", "role": "alert"], text(problem))) }
        if !runs.isEmpty {
            main.append(el("h2", text(ctx.t("Je analyses", "Your analyses"))))
            main.append(
                el(
                    "ol", ["class": "results"],
                    children: runs.map { run in
                        el(
                            "li", el("a", ["href": SiteRoute.insightRun(id: run.id).link], text(run.fileName)),
                            paragraph(when(run.startedAt, ctx) + " · " + phaseSummary(run.phase, ctx), class: "meta"))
                    }))
        }
        main.append(startForm(ctx, files: files, uploadLimitBytes: uploadLimitBytes))
        main.append(columnsHelp(ctx))
        if !files.isEmpty {
            main.append(el("h2", text(ctx.t("Bewaarde bestanden", "Kept files"))))
            main.append(
                paragraph(
                    ctx.t(
                        "Alleen jij ziet deze bestanden. Verwijder ze als je ze niet meer nodig hebt.",
                        "Only you see these files. Delete them when you no longer need them.")))
            main.append(
                el(
                    "ol", ["class": "results"],
                    children: files.map { file in
                        el(
                            "li", paragraph(file.name, class: "label"),
                            paragraph(when(file.uploadedAt, ctx) + " · " + sizeText(file.sizeBytes), class: "meta"),
                            el(
                                "form", ["method": "post", "action": SiteRoute.insightFileDelete(id: file.id).link, "class": "inline"], ctx.csrfField,
                                el(
                                    "button", ["type": "submit", "class": "secondary", "aria-label": ctx.t("Verwijder \(file.name)", "Delete \(file.name)")],
                                    text(ctx.t("Verwijderen", "Delete")))))
                    }))
        }
        return layout(ctx, title: title, main)
    }

    private static func startForm(_ ctx: PageContext, files: [InsightFileRow], uploadLimitBytes: Int) -> Node {
        let limit = sizeText(uploadLimitBytes)
        var fields: [Node] = [ctx.csrfField, el("h2", text(ctx.t("Nieuwe analyse", "New analysis")))]
        if !files.isEmpty {
            fields.append(
                el(
                    "div", ["class": "field"],
                    el("label", ["for": "source"], text(ctx.t("Welk bestand?", "Which file?"))),
                    el(
                        "select", ["id": "source", "name": "source"],
                        children: [el("option", ["value": "new"], text(ctx.t("Een nieuw bestand (kies het hieronder)", "A new file (choose it below)")))]
                            + files.map { el("option", ["value": $0.id], text(ctx.t("Bewaard: ", "Kept: ") + $0.name)) })))
        }
        fields += [
            el(
                "div", ["class": "field"],
                el("label", ["for": "file"], text(ctx.t("CSV-bestand (UTF-8, hoogstens \(limit))", "CSV file (UTF-8, at most \(limit))"))),
                el("input", ["type": "file", "id": "file", "name": "file", "accept": ".csv,text/csv"])),
            el(
                "div", ["class": "field"],
                el("label", ["for": "definition"], text(ctx.t("Wie horen bij de groep?", "Who is in the group?"))),
                el(
                    "p", ["id": "definition-hint", "class": "hint"],
                    text(
                        ctx.t(
                            "De eerste keuze is die van het onderzoek in Almere. Flex is bijvoorbeeld uitzendwerk of oproepwerk; een tijdelijk contract telt niet als flex.",
                            "The first choice is the Almere study's. Flex is for example agency work or on-call work; a fixed-term contract does not count as flex."))),
                el(
                    "select", ["id": "definition", "name": "definition", "aria-describedby": "definition-hint"],
                    el("option", ["value": "flex,laag"], text(ctx.t("Flex en/of geen startkwalificatie", "Flex and/or no starting qualification"))),
                    el("option", ["value": "flex"], text(ctx.t("Alleen flexcontract", "Only a flex contract"))),
                    el("option", ["value": "laag"], text(ctx.t("Alleen geen startkwalificatie", "Only no starting qualification"))))),
            el(
                "div", ["class": "field"],
                el("label", ["for": "k"], text(ctx.t("Hoeveel groepen (clusters)?", "How many clusters?"))),
                el(
                    "p", ["id": "k-hint", "class": "hint"],
                    text(
                        ctx.t(
                            "Loopbrug rekent 2 tot 8 groepen door en kiest het aantal dat het best past (hoogste silhouet). Je kunt ook zelf kiezen.",
                            "Loopbrug tries 2 to 8 clusters and picks the number that fits best (highest silhouette). You can also choose."))),
                el(
                    "select", ["id": "k", "name": "k", "aria-describedby": "k-hint"],
                    children: [el("option", ["value": "auto"], text(ctx.t("Laat Loopbrug kiezen", "Let Loopbrug choose")))]
                        + (2...8).map { el("option", ["value": String($0)], text(ctx.t("\($0) groepen", "\($0) clusters"))) })),
            el(
                "div", ["class": "choice"],
                el("input", ["type": "checkbox", "id": "keep", "name": "keep", "value": "ja", "aria-describedby": "keep-hint"]),
                el("label", ["for": "keep"], text(ctx.t("Bewaar het bestand voor een volgende analyse", "Keep the file for another analysis")))),
            el(
                "p", ["id": "keep-hint", "class": "hint"],
                text(
                    ctx.t(
                        "Zonder vinkje bewaren we het bestand nergens: het verdwijnt zodra de analyse klaar is.",
                        "Without a tick the file is stored nowhere: it is gone as soon as the analysis is done."))),
            el("button", ["type": "submit"], text(ctx.t("Analyse starten", "Start the analysis"))),
        ]
        return el("form", ["method": "post", "action": SiteRoute.insightStart.link, "enctype": "multipart/form-data", "class": "box"], children: fields)
    }

    private static func columnsHelp(_ ctx: PageContext) -> Node {
        el(
            "details",
            el("summary", text(ctx.t("Welke kolommen heeft het bestand nodig?", "Which columns does the file need?"))),
            paragraph(
                ctx.t(
                    "Een kopregel met deze kolommen, gescheiden door komma's (andere kolommen slaan we over):",
                    "A header row with these columns, separated by commas (other columns are skipped):")),
            el("p", el("code", text(PersonRecord.columns.joined(separator: ", ")))),
            el(
                "p", text(ctx.t("Mogen erbij: ", "May be added: ")), el("code", text(PersonRecord.optionalColumns.joined(separator: ", "))),
                text(
                    ctx.t(
                        " (dan tellen we ook zelfstandigen die kostwinner zijn en niet economisch zelfstandig).",
                        " (then self-employed breadwinners who are not economically independent are counted too)."))),
            paragraph(
                ctx.t(
                    "Klopt er iets niet, dan analyseren en bewaren we niets en zie je per regel en kolom wat er mis is.",
                    "If something is wrong, nothing is analysed or kept, and you see per line and column what is wrong.")))
    }

    static func run(_ ctx: PageContext, _ run: InsightRuns.Run) -> Node {
        var title = ctx.t("Analyse van \(run.fileName)", "Analysis of \(run.fileName)")
        var main: [Node] = []
        let settings =
            ctx.t("Groep: ", "Group: ") + definitionName(run.settings.definition, ctx) + " · "
            + (run.settings.k.map { ctx.t("\($0) groepen", "\($0) clusters") } ?? ctx.t("aantal groepen: hoogste silhouet", "number of clusters: highest silhouette"))
        let meta = paragraph(run.fileName + " · " + when(run.startedAt, ctx) + " · " + settings, class: "meta")
        switch run.phase {
        case .waiting, .running:
            let step: InsightRuns.Step? = if case .running(let s) = run.phase { s } else { nil }
            main += [
                el("h1", text(title)), meta,
                el(
                    "div", ["id": "voortgang", "data-status": SiteRoute.insightRunStatus(id: run.id).link, "role": "status"],
                    el("label", ["for": "stap"], text(stepLabel(step, ctx))),
                    el("progress", ["id": "stap", "max": String(step?.of ?? 1), "value": String(step?.number ?? 0)])),
                el(
                    "p",
                    text(
                        ctx.t(
                            "Dit duurt meestal minder dan een minuut. De pagina laat de uitkomst vanzelf zien. ",
                            "This usually takes less than a minute. The page shows the result by itself. ")),
                    el("a", ["href": SiteRoute.insightRun(id: run.id).link], text(ctx.t("Ververs de pagina", "Reload the page")))),
                el("script", ["src": SiteRoute.insightScript.link, "defer": ""]),
            ]
        case .failed(let failure):
            main += [el("h1", text(title)), meta]
            main += failureNodes(failure, fileName: run.fileName, ctx)
            main.append(
                el(
                    "div", ["class": "actions"],
                    el("a", ["href": SiteRoute.insight.link, "class": "button"], text(ctx.t("Probeer een ander bestand", "Try another file"))),
                    forgetForm(ctx, run, label: ctx.t("Weghalen uit de lijst", "Remove from the list"))))
        case .done(let report):
            title = report.title[ctx.lang] ?? title
            main += [
                el("h1", text(title)), meta,
                el(
                    "div", ["class": "actions"],
                    el("a", ["href": SiteRoute.insightRunPDF(id: run.id).link, "class": "button"], text(ctx.t("Download als PDF", "Download as PDF"))),
                    forgetForm(ctx, run, label: ctx.t("Uitkomst verwijderen", "Delete the result"))),
            ]
            main.append(
                paragraph(
                    run.kept
                        ? ctx.t("Het bestand is bewaard; je vindt het bij Bewaarde bestanden.", "The file is kept; you find it under Kept files.")
                        : ctx.t("Het bestand is niet bewaard.", "The file was not kept."), class: "hint"))
            main.append(el("div", ["class": "report"], report.page[ctx.lang]?.node ?? text("")))
        }
        return layout(ctx, title: title, main)
    }

    private static func failureNodes(_ failure: InsightRuns.Failure, fileName: String, _ ctx: PageContext) -> [Node] {
        switch failure {
        case .problems(let problems):
            let more =
                problems.count >= PersonRecordReader.problemLimit
                ? ctx.t(" We tonen de eerste \(problems.count).", " We show the first \(problems.count).") : ""
            return [
                el(
                    "p", ["class": "notice", "role": "alert"],
                    text(
                        ctx.t(
                            "\(fileName) is niet geanalyseerd: \(problems.count) \(problems.count == 1 ? "fout" : "fouten"). Er is niets bewaard.\(more)",
                            "\(fileName) was not analysed: \(problems.count) \(problems.count == 1 ? "problem" : "problems"). Nothing was kept.\(more)"))),
                el(
                    "ul",
                    children: problems.map { p in
                        el(
                            "li",
                            el(
                                "strong",
                                text(
                                    p.column.isEmpty
                                        ? ctx.t("Regel \(p.line): ", "Line \(p.line): ")
                                        : ctx.t("Regel \(p.line), kolom \(p.column): ", "Line \(p.line), column \(p.column): "))),
                            el("span", ["lang": "en"], text(p.reason)))
                    }),
            ]
        case .notClusterable(let problem):
            return [el("p", ["class": "notice", "role": "alert"], text(notClusterable(ctx, problem)))]
        case .reportFailed:
            return [
                el(
                    "p", ["class": "notice", "role": "alert"],
                    text(
                        ctx.t(
                            "De analyse is klaar, maar het rapport kon niet gemaakt worden. Probeer het opnieuw.",
                            "The analysis finished, but the report could not be made. Try again.")))
            ]
        }
    }

    /// Why a file could not be clustered, with what the analyst can do about it.
    static func notClusterable(_ ctx: PageContext, _ problem: ClusterProblem) -> String {
        switch problem {
        case .groupTooSmall:
            ctx.t(
                "Minder dan twee mensen in het bestand horen bij de groep. Er valt niets in te delen. Kies een andere groep of een ander bestand.",
                "Fewer than two people in the file are in the group. There is nothing to cluster. Choose another group or another file.")
        case .tooFewToCluster(let k, let needed, let clustered, let unknown):
            ctx.t(
                "Voor \(k) clusters zijn minstens \(needed) mensen met een bekend inkomen nodig. In de groep hebben \(clustered) mensen een bekend inkomen"
                    + (unknown > 0 ? "; bij \(unknown) is de kolom income_eur leeg" : "") + ". Kies minder clusters of een bestand met meer inkomens.",
                "\(k) clusters need at least \(needed) people with a known income. In the group, \(clustered) people have a known income"
                    + (unknown > 0 ? "; for \(unknown) the column income_eur is empty" : "") + ". Choose fewer clusters or a file with more incomes.")
        case .kBelowTwo:
            ctx.t("Kies minstens 2 clusters.", "Choose at least 2 clusters.")
        }
    }

    private static func forgetForm(_ ctx: PageContext, _ run: InsightRuns.Run, label: String) -> Node {
        el(
            "form", ["method": "post", "action": SiteRoute.insightRunDelete(id: run.id).link, "class": "inline"], ctx.csrfField,
            el("button", ["type": "submit", "class": "secondary"], text(label)))
    }

    /// What a run is doing now, in words.
    static func stepLabel(_ step: InsightRuns.Step?, _ ctx: PageContext) -> String {
        guard let step else { return ctx.t("In de wachtrij", "Waiting in line") }
        let what: String =
            switch step.key {
            case "read": ctx.t("het bestand lezen en controleren", "reading and checking the file")
            case "tables": ctx.t("de tabellen maken", "making the tables")
            case "distances": ctx.t("de afstanden tussen mensen berekenen (Gower)", "computing the distances between people (Gower)")
            case "build": ctx.t("de eerste groepen kiezen (PAM)", "choosing the first clusters (PAM)")
            case "swap": ctx.t("de groepen verbeteren (PAM)", "improving the clusters (PAM)")
            case "silhouettes": ctx.t("nagaan hoe goed de groepen passen (silhouet)", "checking how well the clusters fit (silhouette)")
            case "clara": ctx.t("groepen maken op steekproeven (CLARA), \(step.claraK ?? 0) groepen", "clustering samples (CLARA), \(step.claraK ?? 0) clusters")
            case "robustness": ctx.t("de stevigheid testen op vijf steekproeven", "testing robustness on five samples")
            default: ctx.t("het rapport maken", "making the report")
            }
        return ctx.t("Stap \(step.number) van \(step.of): ", "Step \(step.number) of \(step.of): ") + what
    }

    private static func phaseSummary(_ phase: InsightRuns.Phase, _ ctx: PageContext) -> String {
        switch phase {
        case .waiting: ctx.t("in de wachtrij", "waiting")
        case .running: ctx.t("bezig", "running")
        case .done(let report): ctx.t("klaar, \(report.chosenK) groepen", "done, \(report.chosenK) clusters")
        case .failed: ctx.t("niet gelukt", "did not work")
        }
    }

    private static func definitionName(_ d: VulnerableDefinition, _ ctx: PageContext) -> String {
        switch (d.flexContract, d.noStartingQualification) {
        case (true, false): ctx.t("flexcontract", "flex contract")
        case (false, true): ctx.t("geen startkwalificatie", "no starting qualification")
        default: ctx.t("flexcontract en/of geen startkwalificatie", "flex contract and/or no starting qualification")
        }
    }

    private static func when(_ date: Date, _ ctx: PageContext) -> String {
        let style = Date.FormatStyle(
            date: .abbreviated, time: .shortened, locale: Locale(identifier: ctx.lang.isEnglish ? "en_GB" : "nl_NL"),
            timeZone: TimeZone(identifier: "Europe/Amsterdam") ?? .current)
        return date.formatted(style)
    }

    /// Follows a run: asks its status every 1.5 s, moves the bar, and shows the page again when
    /// the run has ended. Served as a file, since the CSP allows no inline script.
    static let script = """
        (function () {
          var box = document.getElementById('voortgang');
          if (!box) return;
          var url = box.getAttribute('data-status');
          var label = box.querySelector('label');
          var bar = box.querySelector('progress');
          function poll() {
            fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
              .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
              .then(function (s) {
                if (s.finished) { window.location.reload(); return; }
                if (label.textContent !== s.label) label.textContent = s.label;
                bar.max = s.of; bar.value = s.step;
                setTimeout(poll, 1500);
              })
              .catch(function () { setTimeout(poll, 5000); });
          }
          setTimeout(poll, 1500);
        })();
        """
}
