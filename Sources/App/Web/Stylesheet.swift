/// The site's only stylesheet: mobile first, large targets, visible focus, WCAG AA contrast.
enum Stylesheet {
    static let css = """
        *{box-sizing:border-box}
        html{font-size:112.5%}
        body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;line-height:1.55;color:#1a1a1a;background:#fafaf7}
        a{color:#0a4f96}
        a:hover{color:#06325f}
        :focus-visible{outline:3px solid #c2410c;outline-offset:2px}
        .skip{position:absolute;left:-999px}
        .skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:10}
        header.site{background:#0a4f96;color:#fff;padding:.75rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center}
        header.site a,header.site button.link{color:#fff}
        .brand{font-weight:700;font-size:1.3rem;text-decoration:none}
        nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
        nav li{margin:0}
        nav a,button.link{display:inline-block;padding:.35rem 0;min-height:44px;line-height:44px;padding-top:0;padding-bottom:0}
        button.link{background:none;border:0;font:inherit;text-decoration:underline;cursor:pointer}
        form.inline{display:inline}
        main{max-width:46rem;margin:0 auto;padding:1.25rem 1rem 2rem}
        h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}
        h2{font-size:1.25rem;margin:1.75rem 0 .5rem}
        .lead{font-size:1.1rem}
        .field{margin:0 0 1rem}
        label{display:block;font-weight:600;margin-bottom:.25rem}
        input[type=text],input[type=search],input[type=email],input[type=password],select{width:100%;font:inherit;padding:.6rem .7rem;border:2px solid #555;border-radius:6px;background:#fff;color:#1a1a1a;min-height:48px}
        button,.button{font:inherit;font-weight:600;background:#0a4f96;color:#fff;border:0;border-radius:6px;padding:.65rem 1.2rem;min-height:48px;cursor:pointer;text-decoration:none;display:inline-block}
        button:hover,.button:hover{background:#06325f;color:#fff}
        button.secondary{background:#fff;color:#0a4f96;border:2px solid #0a4f96}
        .search{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end}
        .search .field{flex:1 1 14rem;margin:0}
        fieldset{border:1px solid #d4d4cf;border-radius:8px;margin:0 0 1rem;padding:.5rem 1rem}
        legend{font-weight:600;padding:0 .25rem}
        .choice{display:flex;gap:.6rem;align-items:center;min-height:44px}
        .choice label{font-weight:400;margin:0}
        .choice input{width:1.3rem;height:1.3rem;margin:0}
        .hint{margin:.1rem 0 .35rem;color:#4a4a4a;font-size:.95rem}
        .error{margin:.1rem 0 .35rem;color:#a11b1b;font-weight:600}
        .notice{border-left:6px solid #a11b1b;background:#fff;padding:.75rem 1rem;margin:0 0 1rem}
        .ok{border-left:6px solid #1e6b34;background:#fff;padding:.75rem 1rem;margin:0 0 1rem}
        ol.results,ul.plain{list-style:none;padding:0;margin:0}
        ol.results>li{background:#fff;border:1px solid #d4d4cf;border-radius:8px;padding:.75rem 1rem;margin:0 0 .6rem}
        ol.results>li>a,ol.results h3 a{font-weight:600;font-size:1.1rem}
        .meta{color:#4a4a4a;font-size:.95rem;margin:.2rem 0 0}
        ul.skills{padding-left:1.2rem}
        ul.skills li{margin:.2rem 0}
        details{margin:1rem 0;background:#fff;border:1px solid #d4d4cf;border-radius:8px;padding:.5rem 1rem}
        summary{cursor:pointer;font-weight:600;min-height:44px;line-height:44px}
        table{border-collapse:collapse;width:100%;background:#fff}
        th,td{text-align:left;padding:.5rem;border-bottom:1px solid #d4d4cf;vertical-align:top}
        @media (max-width:40rem){table.stack,table.stack tbody,table.stack tr,table.stack td{display:block}table.stack thead{position:absolute;left:-9999px}table.stack tr{border-bottom:2px solid #d4d4cf;padding:.5rem 0}table.stack td{border:0;padding:.2rem .5rem}table.stack td[data-label]::before{content:attr(data-label) ": ";font-weight:600}}
        code,.token{font-family:ui-monospace,"DejaVu Sans Mono",monospace;word-break:break-all}
        footer.site{border-top:1px solid #d4d4cf;color:#4a4a4a;font-size:.9rem;padding:1rem;max-width:46rem;margin:0 auto}
        .steps{padding-left:1.2rem}
        input[type=date],textarea{width:100%;font:inherit;padding:.6rem .7rem;border:2px solid #555;border-radius:6px;background:#fff;color:#1a1a1a;min-height:48px}
        dl.totals{display:grid;grid-template-columns:repeat(auto-fit,minmax(6.5rem,1fr));gap:.5rem;margin:0 0 1rem}
        dl.totals div{background:#fff;border:1px solid #d4d4cf;border-radius:8px;padding:.5rem .75rem}
        dl.totals dt{font-size:.9rem;color:#4a4a4a}
        dl.totals dd{margin:0;font-size:1.35rem;font-weight:700}
        .box{background:#fff;border:1px solid #d4d4cf;border-radius:8px;padding:.25rem 1rem 1rem;margin:0 0 1rem}
        .box h2{margin-top:.75rem}
        .code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:2rem;font-weight:700;letter-spacing:.1em;margin:.25rem 0}
        ol.timeline{list-style:none;padding:0;margin:0}
        li.record{background:#fff;border:1px solid #d4d4cf;border-left:6px solid #0a4f96;border-radius:8px;padding:.5rem 1rem .75rem;margin:0 0 .75rem}
        li.record h3{margin:.25rem 0 0;font-size:1.15rem}
        .badge{display:inline-block;border-radius:999px;padding:.1rem .7rem;font-size:.9rem;font-weight:600}
        .badge.verified{background:#e3f1e6;color:#14502a}
        .badge.self{background:#f1efe3;color:#5a4a0c}
        .badge.revoked{background:#f8e1e1;color:#7a1414}
        .badge.outlook{background:#e1ecf8;color:#0a3a6e}
        ol.results h3{margin:.25rem 0 .25rem;font-size:1.15rem}
        ul.courses li{margin:.35rem 0}
        p.label{font-weight:600;margin:.5rem 0 0}
        li.record h2.record-title{margin:.25rem 0 0;font-size:1.15rem}
        figure{margin:0}
        ol.results h4{margin:.25rem 0;font-size:1.1rem}
        ul.sources li{padding:.35rem 0;border-bottom:1px solid #d4d4cf}
        .actions{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
        .actions form.inline{display:inline-flex}
        progress{display:block;width:100%;height:1.5rem;margin:.25rem 0 1rem}
        .report section{border-top:1px solid #d4d4cf;margin-top:1rem}
        .report table{margin:0 0 1.5rem}
        .report caption{text-align:left;font-weight:700;padding:.3rem 0}
        .report td.n,.report th.n{text-align:right;white-space:nowrap}
        .report .muted{color:#4a4a4a}
        .report svg{max-width:100%}
        .report th{hyphens:auto;overflow-wrap:anywhere}
        @media (max-width:30rem){.report th,.report td{padding:.3rem .15rem;font-size:.8rem}}
        """
}
