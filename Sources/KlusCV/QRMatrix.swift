import CQREncode

/// The modules of a QR code (true = dark), made by libqrencode with error correction level M.
public struct QRMatrix: Sendable, Equatable {
    public let size: Int
    let dark: [Bool]

    public init?(encoding text: String) {
        guard !text.isEmpty,
            let code = text.withCString({ QRcode_encodeString($0, 0, QR_ECLEVEL_M, QR_MODE_8, 1) })
        else { return nil }
        defer { QRcode_free(code) }
        size = Int(code.pointee.width)
        // libqrencode marks a dark module in the lowest bit of each byte.
        dark = (0..<(size * size)).map { code.pointee.data[$0] & 1 == 1 }
    }

    public func isDark(row: Int, column: Int) -> Bool { dark[row * size + column] }
}
