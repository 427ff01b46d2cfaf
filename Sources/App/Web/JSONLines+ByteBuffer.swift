import NIOCore
import Passport

extension JSONLines {
    /// The lines of a request body or an uploaded file, read where the bytes lie.
    static func lines(in buffer: ByteBuffer) throws(FileProblem) -> [Line] {
        let result = buffer.withUnsafeReadableBytes { raw in Result { () throws(FileProblem) in try lines(in: raw) } }
        return try result.get()
    }
}
