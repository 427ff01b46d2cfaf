// sources: Sources/Passport/JSONValue.swift Sources/Passport/JSONSchema.swift Sources/Passport/Dates.swift Sources/Days/Day.swift
// The JSON Schema validator on the work record schema, with whatever record an issuer sends.
import Foundation

let schema: JSONSchema = {
    let path = "docs/standard/v0.1/work-record.schema.json"
    guard let data = FileManager.default.contents(atPath: path) else { fatalError("run from the repository: \(path)") }
    return try! JSONSchema(json: try! JSONValue.parse([UInt8](data)))
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let value = try? JSONValue.parse(bytes) { _ = schema.firstViolation(in: value) }
    return 0
}
