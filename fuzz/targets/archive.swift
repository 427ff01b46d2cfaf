// sources: Sources/Archives/ZipArchive.swift Sources/Archives/Gzip.swift
// flags: -I Sources/CZlib
// The zip and gzip reader for the ESCO files: never crashes, never unpacks past its cap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let zip = try? ZipArchive(bytes: bytes) {
        for entry in zip.entries.prefix(4) { _ = try? zip.read(entry.name) }
    }
    if let out = try? gunzip(bytes, limit: 1 << 20) { precondition(out.count <= 1 << 20) }
    return 0
}
