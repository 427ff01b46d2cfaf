// swift-tools-version:6.1
import PackageDescription

// Strict settings for every target of our own: Swift 6 language mode is the
// default for this tools version; ExistentialAny keeps `any` explicit.
let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "loopbrug",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "loopbrug", targets: ["Loopbrug"])
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        // Already in the graph through Vapor and Fluent; named so the targets that import them
        // directly can declare it.
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/vapor/sqlite-nio.git", from: "1.12.0"),
    ],
    targets: [
        // zlib from the system (Debian's zlib1g-dev): inflates the ESCO zip and gzip files.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Cairo + Pango (PDF with embedded, shaped fonts) and libqrencode: the KlusCV PDF.
        .systemLibrary(name: "CCairo", pkgConfig: "pangocairo", providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]),
        .systemLibrary(name: "CQREncode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),

        // The canonical string form of ids.
        .target(name: "Identifiers", swiftSettings: strict),

        // The calendar day, shared by the passport, the ledger and the engine.
        .target(name: "Days", swiftSettings: strict),

        // CSV: a streaming RFC 4180 reader with line and field errors, a table on it, and a writer.
        .target(name: "CSV", swiftSettings: strict),

        // zip (read and write), gzip (both ways) and CRC-32 on the system's zlib.
        .target(name: "Archives", dependencies: ["CZlib"], swiftSettings: strict),

        // Loops over all cores, each result element written by one chunk.
        .target(name: "Parallel", swiftSettings: strict),

        // The reader's language (Dutch or English), shared by pages, files and the command line.
        .target(name: "Localization", swiftSettings: strict),

        // Pure domain: ESCO value types, the in-memory index and occupation search.
        // Optimised even in debug builds: the test suite runs thousands of searches over all of ESCO.
        .target(name: "Taxonomy", swiftSettings: strict + [.unsafeFlags(["-O"], .when(configuration: .debug))]),

        // Pure domain: where a worker can go next. Reachability between occupations, transitions
        // and skill gaps, courses, shortage lists, and matching to vacancies. Optimised in debug
        // builds too: the tests compute the full occupation matrix.
        .target(
            name: "Engine", dependencies: ["CSV", "Days", "Parallel", "Taxonomy"],
            swiftSettings: strict + [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),

        // Pure domain: municipal insight — Gower dissimilarities, k-medoids (PAM), silhouettes and
        // agreement between clusterings. Optimised in debug builds too: tests cluster real sizes.
        .target(name: "Insight", dependencies: ["CSV", "Localization", "Parallel", "Taxonomy"], swiftSettings: strict + [.unsafeFlags(["-O"], .when(configuration: .debug))]),

        // Pure domain: leermiles, the learning account. The double-entry ledger's rules, accrual
        // rules with effective dates, reservations and the audit of the invariants.
        .target(name: "Leermiles", dependencies: ["Days"], swiftSettings: strict),

        // Pure domain: roles, sign-up rules and the failed-login throttle.
        .target(name: "Accounts", swiftSettings: strict),

        // Pure domain: the work record standard, signed credentials (compact JWS, Ed25519),
        // the JSON Schema validator, status lists, pairwise subjects and passport codes.
        .target(
            name: "Passport",
            dependencies: ["Archives", "Days", "Identifiers", "Localization", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict
        ),

        // Renders the KlusCV: an A4 PDF (Cairo + Pango) with a QR code to its verification page.
        .target(name: "KlusCV", dependencies: ["CCairo", "CQREncode", "Localization"], swiftSettings: strict),

        // Reads the ESCO distribution files (checksums, zip, gzip, CSV) into Taxonomy values.
        .target(
            name: "TaxonomySource",
            dependencies: [
                "Archives", "CSV", "Taxonomy",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),

        // The web and storage adapter: Vapor, Fluent (SQLite and PostgreSQL), pages.
        .target(
            name: "App",
            dependencies: [
                "Accounts", "Archives", "CSV", "Days", "Engine", "Identifiers", "Insight", "KlusCV", "Leermiles", "Localization", "Parallel", "Passport", "Taxonomy", "TaxonomySource",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),

        // What the command-line tool's commands share: starting the app for one command, failing
        // with one clear line, reading input files.
        .target(
            name: "Runner",
            dependencies: [
                "App", "CSV", "Insight", "Localization",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),

        // `loopbrug bench …`: speed and quality measurements against their peers.
        .target(
            name: "Bench",
            dependencies: [
                "App", "CSV", "Days", "Engine", "Identifiers", "Insight", "Leermiles", "Localization", "Parallel", "Passport",
                "Runner", "Taxonomy", "TaxonomySource",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Vapor", package: "vapor"),
            ],
            swiftSettings: strict
        ),

        // The thin command-line tool: serve, migrate, taxonomy, passport, leermiles, insight, bench.
        .executableTarget(
            name: "Loopbrug",
            dependencies: [
                "App", "Bench", "CSV", "Days", "Engine", "Identifiers", "Insight", "Leermiles", "Localization", "Passport", "Runner",
                "Taxonomy", "TaxonomySource",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Vapor", package: "vapor"),
            ],
            swiftSettings: strict
        ),

        // What several test targets share: the repository's files and the real ESCO data, loaded once.
        .target(name: "TestSupport", dependencies: ["Taxonomy", "TaxonomySource"], path: "Tests/TestSupport", swiftSettings: strict),

        .testTarget(name: "ArchivesTests", dependencies: ["Archives"], swiftSettings: strict),
        .testTarget(name: "ParallelTests", dependencies: ["Parallel"], swiftSettings: strict),
        .testTarget(name: "CSVTests", dependencies: ["CSV"], swiftSettings: strict),
        .testTarget(name: "AccountsTests", dependencies: ["Accounts"], swiftSettings: strict),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "Taxonomy", "TaxonomySource", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "InsightTests", dependencies: ["Insight", "Localization", "Taxonomy"], swiftSettings: strict),
        .testTarget(name: "LeermilesTests", dependencies: ["Days", "Leermiles"], swiftSettings: strict),
        .testTarget(name: "PassportTests", dependencies: ["Days", "Identifiers", "Localization", "Passport", "TestSupport", .product(name: "Crypto", package: "swift-crypto")], swiftSettings: strict),
        .testTarget(name: "KlusCVTests", dependencies: ["KlusCV", "Localization"], swiftSettings: strict),
        .testTarget(name: "TaxonomyTests", dependencies: ["Archives", "Taxonomy", "TaxonomySource", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "AppTests",
            dependencies: [
                "Accounts", "App", "Days", "Engine", "Identifiers", "Insight", "Leermiles", "Localization", "Passport", "Taxonomy",
                "TaxonomySource", "TestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "VaporTesting", package: "vapor"),
            ],
            exclude: ["Snapshots"],
            swiftSettings: strict
        ),
    ]
)
