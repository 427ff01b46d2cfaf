// sources: Sources/Insight/PersonRecords.swift Sources/CSV/CSVReader.swift Sources/CSV/CSVError.swift
// The municipal microdata reader: never crashes, and either reads people or names problems.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    switch PersonRecordReader.read(bytes) {
    case .records(let people): precondition(people.count <= bytes.count)
    case .problems(let problems): precondition(!problems.isEmpty && problems.count <= PersonRecordReader.problemLimit)
    }
    return 0
}
