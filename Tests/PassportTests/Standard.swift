import Foundation
import TestSupport

@testable import Passport

/// The published standard in docs/standard, read from the repository.
enum Standard {
    static let directory = RepositoryFiles.standardDirectory

    static let schema: JSONSchema = {
        let bytes = try! [UInt8](Data(contentsOf: URL(fileURLWithPath: directory + "/work-record.schema.json")))
        return try! JSONSchema(json: JSONValue.parse(bytes))
    }()

    static func examples(_ folder: String) -> [(name: String, json: JSONValue)] {
        let dir = directory + "/examples/" + folder
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { name in
            (name, try! JSONValue.parse([UInt8](Data(contentsOf: URL(fileURLWithPath: dir + "/" + name)))))
        }
    }

    static func example(_ name: String) -> JSONValue {
        examples("valid").first { $0.name == name }!.json
    }
}
