// sources: Sources/Passport/JSONValue.swift
// The JSON reader behind every API body, credential payload and schema: never crashes, and what
// it reads serializes and reads back to the same value.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let value = try? JSONValue.parse(bytes) {
        let again = try? JSONValue.parse(Array(value.serialized().utf8))
        precondition(again == value, "a parsed value must serialize and read back to itself")
    }
    return 0
}
