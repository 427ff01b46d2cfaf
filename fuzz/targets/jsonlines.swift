// sources: Sources/Passport/JSONLines.swift
// Splitting an uploaded JSON Lines file: never crashes, every line it gives is non-empty, has no
// newline and is numbered in order.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let lines = try? JSONLines.lines(bytes) {
        precondition(!lines.isEmpty && lines.allSatisfy { !$0.text.isEmpty && !$0.text.contains("\n") })
        precondition(zip(lines, lines.dropFirst()).allSatisfy { $0.number < $1.number })
    }
    return 0
}
