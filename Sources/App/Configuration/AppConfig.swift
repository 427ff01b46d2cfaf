import Foundation

/// Every setting Loopbrug reads, in one typed place. The defaults make `loopbrug serve` work
/// with no configuration: SQLite in `var/`, ESCO from `data/esco/`, demo accounts on.
public struct AppConfig: Sendable {
    public enum Database: Sendable, Equatable {
        case sqlite(path: String)
        case sqliteInMemory
        case postgres(url: String)
    }

    public var database: Database
    public var hostname: String
    public var port: Int
    public var escoDirectory: String
    /// The Dutch places (GeoNames) distances are measured between.
    public var placesFile = "data/places/nl-places.tsv"
    /// Demo shortage rows, courses and vacancies loaded into an empty database when demo data is on.
    public var demoDirectory = "data/demo"
    /// The published standard (schema, context): docs/standard/v0.1.
    public var standardDirectory: String
    /// Where people and platforms reach this Loopbrug; status list and verification URLs use it.
    public var publicURL: String
    /// Set the Secure flag on cookies; on when the public URL is https.
    public var secureCookies: Bool
    public var seedDemoData: Bool
    /// bcrypt work factor; tests lower it to stay fast.
    public var bcryptCost: Int
    /// Import ESCO on start-up when the database has no taxonomy yet.
    public var importTaxonomyIfEmpty: Bool
    /// The largest microdata file an analyst may upload; a national file (1.2 million people) is
    /// about 90 MB.
    public var insightUploadLimitBytes = 128 << 20
    /// The header a trusted load balancer puts the client's address in (`X-Forwarded-For`);
    /// nil: the peer address counts and such headers are ignored (a client could write them).
    public var trustedProxyHeader: String?

    public init(
        database: Database, hostname: String = "127.0.0.1", port: Int = 8080,
        escoDirectory: String = "data/esco", standardDirectory: String = "docs/standard/v0.1",
        publicURL: String? = nil, secureCookies: Bool = false,
        seedDemoData: Bool = true, bcryptCost: Int = 12, importTaxonomyIfEmpty: Bool = true
    ) {
        self.database = database
        self.hostname = hostname
        self.port = port
        self.escoDirectory = escoDirectory
        self.standardDirectory = standardDirectory
        self.publicURL = publicURL ?? "http://\(hostname):\(port)"
        self.secureCookies = secureCookies
        self.seedDemoData = seedDemoData
        self.bcryptCost = bcryptCost
        self.importTaxonomyIfEmpty = importTaxonomyIfEmpty
    }

    /// Reads `DATABASE_URL`, `LOOPBRUG_ESCO_DIR`, `LOOPBRUG_PLACES_FILE`, `LOOPBRUG_STANDARD_DIR`, `LOOPBRUG_PUBLIC_URL`, `LOOPBRUG_DEMO`,
    /// `LOOPBRUG_INSIGHT_UPLOAD_MB`, `LOOPBRUG_TRUSTED_PROXY_HEADER`, `HOST`, `PORT`.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> AppConfig {
        let database: Database
        if let url = env["DATABASE_URL"], !url.isEmpty {
            database = try parseDatabaseURL(url)
        } else {
            database = .sqlite(path: "var/loopbrug.sqlite")
        }
        var config = AppConfig(database: database)
        if let host = env["HOST"], !host.isEmpty { config.hostname = host }
        if let port = env["PORT"], !port.isEmpty {
            guard let p = Int(port), (1...65535).contains(p) else { throw ConfigError("PORT=\(port) is not a port number (1–65535)") }
            config.port = p
        }
        config.publicURL = "http://\(config.hostname):\(config.port)"
        if let url = env["LOOPBRUG_PUBLIC_URL"], !url.isEmpty {
            guard let c = URLComponents(string: url), ["http", "https"].contains(c.scheme?.lowercased() ?? ""), c.host?.isEmpty == false else {
                throw ConfigError("LOOPBRUG_PUBLIC_URL=\(url) is not an http(s) URL like https://loopbrug.example.nl")
            }
            config.publicURL = url.hasSuffix("/") ? String(url.dropLast()) : url
        }
        if let dir = env["LOOPBRUG_STANDARD_DIR"], !dir.isEmpty { config.standardDirectory = dir }
        if let dir = env["LOOPBRUG_ESCO_DIR"], !dir.isEmpty { config.escoDirectory = dir }
        if let file = env["LOOPBRUG_PLACES_FILE"], !file.isEmpty { config.placesFile = file }
        config.secureCookies = env["LOOPBRUG_PUBLIC_URL"]?.lowercased().hasPrefix("https://") ?? false
        if let mb = env["LOOPBRUG_INSIGHT_UPLOAD_MB"], !mb.isEmpty {
            guard let n = Int(mb), (1...4096).contains(n) else { throw ConfigError("LOOPBRUG_INSIGHT_UPLOAD_MB=\(mb) is not a number of megabytes (1–4096)") }
            config.insightUploadLimitBytes = n << 20
        }
        if let header = env["LOOPBRUG_TRUSTED_PROXY_HEADER"], !header.isEmpty {
            guard
                header.utf8.allSatisfy({
                    $0 == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                        || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0)
                })
            else {
                throw ConfigError("LOOPBRUG_TRUSTED_PROXY_HEADER=\(header) is not a header name like X-Forwarded-For")
            }
            config.trustedProxyHeader = header
        }
        if let demo = env["LOOPBRUG_DEMO"] { config.seedDemoData = !["0", "false", "no", "off"].contains(demo.lowercased()) }
        return config
    }

    /// `postgres://user:pass@host:port/db` (or `postgresql://`), `sqlite:///path/file.sqlite`.
    public static func parseDatabaseURL(_ text: String) throws -> Database {
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased() else {
            throw ConfigError("DATABASE_URL is not a URL; expected postgres://user:password@host:5432/database")
        }
        switch scheme {
        case "postgres", "postgresql":
            guard let host = url.host, !host.isEmpty else { throw ConfigError("DATABASE_URL has no host name") }
            guard url.path.count > 1 else { throw ConfigError("DATABASE_URL has no database name (…/database at the end)") }
            return .postgres(url: text)
        case "sqlite":
            guard !url.path.isEmpty else { throw ConfigError("DATABASE_URL sqlite:// needs a file path") }
            return .sqlite(path: url.path)
        default:
            throw ConfigError("DATABASE_URL scheme \"\(scheme)\" is not supported; use postgres:// or sqlite://")
        }
    }
}

/// A setting that cannot be used, with what to do about it.
public struct ConfigError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
