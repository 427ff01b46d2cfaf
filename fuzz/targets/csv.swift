// sources: Sources/CSV/CSVTable.swift Sources/CSV/CSVReader.swift Sources/CSV/CSVError.swift
// The RFC 4180 reader behind the ESCO files and the career imports (shortage table, courses,
// vacancies): never crashes, and every record it gives has the header's number of fields.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let table = try? CSVTable(bytes: bytes) {
        precondition(table.records.count == table.lines.count)
    }
    return 0
}
