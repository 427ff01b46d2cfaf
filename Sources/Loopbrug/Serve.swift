import App
import ArgumentParser
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Runner
import Vapor

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the web server (migrates, imports ESCO on first run, seeds demo accounts).")

    @ArgumentParser.Option(help: "Port to listen on (default 8080, or $PORT).") var port: Int?
    @ArgumentParser.Option(help: "Address to listen on (default 127.0.0.1, or $HOST).") var hostname: String?

    func run() async throws {
        AppRunner.bootstrapLogging()
        var config = AppRunner.config()
        if let port {
            guard (1...65535).contains(port) else { AppRunner.fail("--port \(port) is not a port number (1–65535)") }
            config.port = port
        }
        if let hostname { config.hostname = hostname }
        if (ProcessInfo.processInfo.environment["LOOPBRUG_PUBLIC_URL"] ?? "").isEmpty {
            config.publicURL = "http://\(config.hostname):\(config.port)"
        }

        let app = try await Application.make(Environment(name: "production", arguments: ["loopbrug"]))
        do {
            try configure(app, config: config)
            try await prepare(app, progress: AppRunner.say)
            try await app.asyncBoot()
            try await app.server.start(address: .hostname(config.hostname, port: config.port))
        } catch {
            try? await app.asyncShutdown()
            AppRunner.fail(Self.explain(error, config: config))
        }
        AppRunner.say("Loopbrug is running on http://\(config.hostname):\(config.port) (stop with Ctrl-C)")
        await Self.waitForTermination()
        AppRunner.say("Stopping…")
        await app.server.shutdown()
        try await app.asyncShutdown()
    }

    static func explain(_ error: any Error, config: AppConfig) -> String {
        if let io = error as? IOError, io.errnoCode == EADDRINUSE {
            return "port \(config.port) on \(config.hostname) is already in use. Stop the other program or choose another port with --port."
        }
        if let io = error as? IOError, io.errnoCode == EADDRNOTAVAIL {
            return "cannot listen on \(config.hostname): that address is not on this machine."
        }
        if let error = error as? ConfigError { return error.description }
        return String(describing: error)
    }

    /// Waits for SIGINT or SIGTERM.
    static func waitForTermination() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumed = NIOLockedValueBox(false)
            var sources: [any DispatchSourceSignal] = []
            for sig in [SIGINT, SIGTERM] {
                signal(sig, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: sig, queue: .main)
                source.setEventHandler {
                    let first = resumed.withLockedValue { done in
                        defer { done = true }; return !done
                    }
                    if first { continuation.resume() }
                }
                source.resume()
                sources.append(source)
            }
            SignalSources.keep(sources)
        }
    }
}

/// Keeps the signal sources alive for the life of the process.
enum SignalSources {
    nonisolated(unsafe) static var sources: [any DispatchSourceSignal] = []
    static func keep(_ s: [any DispatchSourceSignal]) { sources = s }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create or update the database tables.")

    func run() async throws {
        AppRunner.bootstrapLogging()
        let config = AppRunner.config()
        do {
            let seeded = try await AppRunner.withDatabase(config) { app in
                return config.seedDemoData ? try await seedDemoAccounts(app) : false
            }
            AppRunner.say("Database is up to date (\(config.database.summary)).")
            if seeded { AppRunner.say("Created the demo accounts (password loopbrug-demo; LOOPBRUG_DEMO=0 turns this off).") }
        } catch {
            AppRunner.fail("\(error)")
        }
    }
}
