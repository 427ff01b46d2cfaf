import Vapor

/// The composition root: where the application hands its database, snapshots, clock and
/// configuration to the services. Services are values that hold only the parts they use, so
/// tests and the CLI can make them from parts; route handlers and commands reach them here.
extension Application {
    var shareStore: ShareStore { ShareStore(database: db) }

    /// Share links and KlusCVs.
    var sharing: Sharing {
        Sharing(database: db, taxonomy: taxonomy.index, dependencies: dependencies, publicURL: config.publicURL)
    }

    /// Course reservations against the catalogue loaded now.
    public var courseReservations: CourseReservations {
        CourseReservations(database: db, snapshot: careerData.snapshot, now: dependencies.now)
    }

    /// Credentials coming in (import, then leermiles) and going out (revocation, then reversal).
    public var credentials: CredentialLifecycle {
        get throws {
            CredentialLifecycle(
                passport: try passport, store: passportStore, taxonomy: taxonomy.index, database: db, now: dependencies.now,
                statusListCache: statusListCache, logger: logger)
        }
    }

    /// The admin's and employers' files into the engine's tables.
    public var careerImports: CareerImports { CareerImports(database: db, careerData: careerData, now: dependencies.now) }

    /// Reads the engine's tables into memory again, against the ESCO loaded now.
    public func reloadCareerData() async throws {
        try await careerData.reload(database: db, engine: taxonomy.engine, config: config)
    }

    /// Deleting an account and all that is personal about it (GDPR art. 17).
    public var accountDeletion: AccountDeletion {
        AccountDeletion(database: db, dependencies: dependencies, careerData: careerData, insightRuns: insightRuns)
    }

    /// A worker's data as files (GDPR art. 15 and 20).
    public var passportExport: PassportExport { PassportExport(sharing: sharing, careerData: careerData.snapshot) }
}
