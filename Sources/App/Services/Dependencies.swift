import Foundation
import Passport
import Vapor

/// Side effects the app takes from outside, injected so tests can fix them.
public struct AppDependencies: Sendable {
    public var now: @Sendable () -> Date
    public var randomBytes: @Sendable (Int) -> [UInt8]

    public init(
        now: @escaping @Sendable () -> Date = { Date() },
        randomBytes: @escaping @Sendable (Int) -> [UInt8] = { count in
            var rng = SystemRandomNumberGenerator()
            return (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
        }
    ) {
        self.now = now
        self.randomBytes = randomBytes
    }

    /// A URL-safe random token of `bytes` random bytes.
    func token(bytes: Int = 32) -> String {
        Base64URL.encode(randomBytes(bytes))
    }
}

extension Application {
    /// An object kept for the application's lifetime, made on first use. `configure` touches each
    /// one once, so requests never race to make it.
    func shared<Key: StorageKey>(_ key: Key.Type, make: () -> Key.Value) -> Key.Value {
        if let value = storage[key] { return value }
        let value = make()
        storage[key] = value
        return value
    }

    private struct DependenciesKey: StorageKey { typealias Value = AppDependencies }
    private struct ConfigKey: StorageKey { typealias Value = AppConfig }

    public var dependencies: AppDependencies {
        get { storage[DependenciesKey.self] ?? AppDependencies() }
        set { storage[DependenciesKey.self] = newValue }
    }

    public var config: AppConfig {
        get {
            guard let config = storage[ConfigKey.self] else { fatalError("configure(_:config:) sets the configuration first") }
            return config
        }
        set { storage[ConfigKey.self] = newValue }
    }
}
