import Foundation

/// Writes a zip archive with stored (uncompressed) entries: an export is small JSON and a PDF
/// that is compressed already, and every unzip tool reads stored entries.
public struct ZipWriter {
    public init() {}

    private var body = Data()
    private var directory = Data()
    private var count: UInt16 = 0

    public mutating func add(_ name: String, _ bytes: Data) {
        let nameBytes = Data(name.utf8)
        let crc = crc32Of([UInt8](bytes))
        let offset = UInt32(body.count)
        // Local file header: version 2.0, flag bit 11 (UTF-8 names), method 0 (stored), a fixed
        // DOS time (1 Jan 2026) so the same export gives the same bytes.
        var local = Data()
        local.le32(0x0403_4b50); local.le16(20); local.le16(0x0800); local.le16(0); local.le16(0); local.le16(0x5C21)
        local.le32(crc); local.le32(UInt32(bytes.count)); local.le32(UInt32(bytes.count)); local.le16(UInt16(nameBytes.count)); local.le16(0)
        body.append(local); body.append(nameBytes); body.append(bytes)
        var central = Data()
        central.le32(0x0201_4b50); central.le16(20); central.le16(20); central.le16(0x0800); central.le16(0); central.le16(0); central.le16(0x5C21)
        central.le32(crc); central.le32(UInt32(bytes.count)); central.le32(UInt32(bytes.count)); central.le16(UInt16(nameBytes.count))
        central.le16(0); central.le16(0); central.le16(0); central.le16(0); central.le32(0); central.le32(offset)
        directory.append(central); directory.append(nameBytes)
        count += 1
    }

    public func finish() -> Data {
        var out = body
        out.append(directory)
        var end = Data()
        end.le32(0x0605_4b50); end.le16(0); end.le16(0); end.le16(count); end.le16(count)
        end.le32(UInt32(directory.count)); end.le32(UInt32(body.count)); end.le16(0)
        out.append(end)
        return out
    }
}

private extension Data {
    mutating func le16(_ v: UInt16) { append(UInt8(v & 0xff)); append(UInt8(v >> 8)) }
    mutating func le32(_ v: UInt32) { le16(UInt16(v & 0xffff)); le16(UInt16(v >> 16)) }
}
