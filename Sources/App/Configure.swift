import Crypto
import Fluent
import TaxonomySource
import Vapor

/// Sets up an application: database and migrations, sessions, middleware, routes, dependencies.
/// Production, the CLI and the tests all call this one function.
public func configure(_ app: Application, config: AppConfig, dependencies: AppDependencies = AppDependencies()) throws {
    app.config = config
    app.dependencies = dependencies
    app.loginGuard = LoginGuard()
    _ = app.taxonomy
    _ = try app.passport
    _ = app.statusListCache
    _ = app.shareOpenLog
    _ = app.shareViewCache
    _ = app.careerData
    _ = app.insightRuns
    app.http.server.configuration.hostname = config.hostname
    app.http.server.configuration.port = config.port
    app.passwords.use(.bcrypt(cost: config.bcryptCost))

    try configureDatabase(app, config)

    let sessions = WebSessions()
    app.sessions.use { _ in sessions }
    app.formKey = SymmetricKey(data: dependencies.randomBytes(32))
    app.sessions.configuration = SessionsConfiguration(cookieName: "loopbrug_session") { id in
        HTTPCookies.Value(
            string: id.string, expires: Date().addingTimeInterval(7 * 24 * 3600), maxAge: nil,
            domain: nil, path: "/", isSecure: config.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }

    app.middleware = Middlewares()
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(ErrorPagesMiddleware())
    app.middleware.use(app.sessions.middleware)
    app.middleware.use(SessionUserMiddleware())
    app.middleware.use(CSRFCookieMiddleware())
    app.middleware.use(ShareCacheInvalidation())
    registerRoutes(app)
}

/// Everything `serve` does before listening: migrate, import ESCO into an empty database,
/// load the index, seed demo accounts. Returns lines worth printing.
/// `careerData: false` skips loading the vacancies, courses and shortage table (commands that
/// only ask the reachability model).
public func prepare(_ app: Application, careerData: Bool = true, progress: @escaping @Sendable (String) -> Void = { _ in }) async throws {
    try await runMigrations(app)
    let lastImport = try await TaxonomyStore(database: app.db).latestImport()
    // Files that changed since the last import (a new file, such as the Dutch skill labels) are imported again.
    let filesChanged =
        lastImport.map { last in
            (try? ESCODistribution(directory: app.config.escoDirectory).verifyChecksums()).map { $0 != last.checksums } ?? false
        } ?? false
    if app.config.importTaxonomyIfEmpty, lastImport == nil || filesChanged {
        progress(
            lastImport == nil
                ? "Importing ESCO \(app.config.escoDirectory) into the empty database (first run only)…"
                : "The ESCO files in \(app.config.escoDirectory) changed since the last import: importing them again…")
        _ = try await importTaxonomy(
            database: app.db, directory: app.config.escoDirectory, now: app.dependencies.now(),
            progress: { progress("  ESCO: \($0)") })
    }
    let start = ContinuousClock.now
    if try await app.taxonomy.reload(from: app.db) {
        progress("ESCO index loaded in \(start.duration(to: .now).formatted(.units(allowed: [.milliseconds])))")
    } else {
        progress("No ESCO data in the database: run `loopbrug taxonomy import`.")
    }
    // Loaded once, before the demo data: demo imports update it in memory as every import does.
    if careerData {
        let careerStart = ContinuousClock.now
        try await app.reloadCareerData()
        if let board = app.careerData.snapshot?.board, board.count > 0 {
            progress("\(board.count) vacancies and short jobs loaded in \(careerStart.duration(to: .now).formatted(.units(allowed: [.milliseconds])))")
        }
    }
    if app.config.seedDemoData {
        if try await DemoData.seedIfEmpty(app) {
            progress("Created the demo accounts.")
            // The demo worker's passport starts with signed records from four demo platforms.
            if app.taxonomy.index != nil, let worker = try await UserModel.query(on: app.db).filter(\.$email == DemoData.accounts[0].email).first()?.userID {
                let added = try await DemoIssuers.issue(app, worker: worker, now: app.dependencies.now())
                progress("Issued \(added) demo records to \(DemoData.accounts[0].email).")
            }
            // Only with new demo accounts: a database whose accounts came from `migrate` keeps an empty ledger.
            if let leermiles = try await DemoLeermiles.seedIfEmpty(app) { progress("Loaded \(leermiles).") }
        }
        if careerData, app.taxonomy.engine != nil {
            let added = try await DemoCareerData.seedIfEmpty(app)
            if !added.isEmpty { progress("Loaded demo \(added.joined(separator: ", ")) (shown with a demo label).") }
        }
        if try await UserModel.query(on: app.db).filter(\.$email == DemoData.accounts[0].email).count() > 0 {
            DemoData.credentialLines().forEach(progress)
        }
    }
}
