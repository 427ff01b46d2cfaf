import Foundation
import Localization
import Testing

@testable import KlusCV

@Suite struct KlusCVRendererTests {
    static func document(entries: Int, lang: Lang = .nl) -> KlusCVDocument {
        KlusCVDocument(
            lang: lang, name: "Zoë Çelik-Brouër",
            summary: "Zoë werkte 1.240 uur in 7 klussen en banen. Café-medewerker, schoonmaak en zorg; € 14,50 per uur.",
            totals: [.init(label: "Uren", value: "1.240"), .init(label: "Klussen", value: "312")],
            entries: (0..<entries).map { i in
                .init(
                    title: "Schoonmaker \(i)", meta: "Werk via een platform · Schoonmaak Direct · mrt 2025 – aug 2025",
                    standing: i % 3 == 0 ? .selfDeclared : (i % 3 == 1 ? .verified : .revoked),
                    standingText: "Bevestigd door Schoonmaak Direct", numbers: "120 uur · 40 klussen · waardering 4,8 / 5 (38)",
                    tasks: ["ramen zemen", "vloeren dweilen"], skills: ["clean surfaces", "use cleaning equipment"])
            },
            skills: ["clean surfaces", "handle cleaning chemical agents"], skillsNote: "Namen uit ESCO.",
            verificationURL: "https://loopbrug.example/v/AbCdEfGhIjKlMnOpQrStUv", madeOn: "23 nov 2026", validUntil: "23 feb 2027")
    }

    static func pageCount(_ pdf: Data) -> Int {
        let text = String(decoding: pdf, as: UTF8.self)
        return text.components(separatedBy: "/Type /Page\n").count - 1 + text.components(separatedBy: "/Type /Page ").count - 1
    }

    @Test func aPDFWithEmbeddedFonts() throws {
        let pdf = try KlusCVRenderer.pdf(Self.document(entries: 3))
        #expect(pdf.starts(with: Data("%PDF-".utf8)))
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.contains("/FontFile"), "fonts are embedded")
        #expect(text.contains("/URI (https://loopbrug.example/v/AbCdEfGhIjKlMnOpQrStUv)"), "the QR code is also a link")
    }

    @Test func fiftyRecordsBreakOverPagesAndEveryRecordIsDrawn() throws {
        let short = try KlusCVRenderer.pdf(Self.document(entries: 2))
        let long = try KlusCVRenderer.pdf(Self.document(entries: 50))
        #expect(Self.pageCount(short) == 1)
        #expect(Self.pageCount(long) > 5)
    }

    @Test func qrMatrixFollowsTheURL() throws {
        let small = try #require(QRMatrix(encoding: "https://loopbrug.example/v/x"))
        let large = try #require(QRMatrix(encoding: "https://loopbrug.example/v/" + String(repeating: "x", count: 300)))
        #expect(small.size >= 21 && (small.size - 17) % 4 == 0)
        #expect(large.size > small.size)
        // The three finder patterns: dark corners.
        #expect(small.isDark(row: 0, column: 0) && small.isDark(row: 0, column: small.size - 1) && small.isDark(row: small.size - 1, column: 0))
        #expect(QRMatrix(encoding: "") == nil)
        #expect(QRMatrix(encoding: String(repeating: "x", count: 5000)) == nil, "too long for any QR version")
    }
}

/// The PDF read back by independent tools: poppler's pdftotext finds the text with its
/// diacritics, and zbar reads the QR code (both installed by scripts/setup).
@Suite struct KlusCVReadBackTests {
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/" + tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func textAndQRCodeReadBack() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kluscv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var doc = KlusCVRendererTests.document(entries: 2)
        doc.summary = "Zoë is geïnteresseerd in zorg; ze verdiende € 14,50 per uur in een café."
        let pdf = dir.appendingPathComponent("cv.pdf")
        try KlusCVRenderer.pdf(doc).write(to: pdf)
        let text = try Self.run("pdftotext", [pdf.path, "-"])
        for expected in ["Zoë Çelik-Brouër", "geïnteresseerd", "€ 14,50", "Werkervaring", "Schoonmaker 1", "clean surfaces"] {
            #expect(text.contains(expected), "\(expected) in the text")
        }
        _ = try Self.run("pdftoppm", ["-r", "150", "-png", "-f", "1", "-l", "1", pdf.path, dir.appendingPathComponent("page").path])
        let qr = try Self.run("zbarimg", ["-q", dir.appendingPathComponent("page-1.png").path])
        #expect(qr.trimmingCharacters(in: .whitespacesAndNewlines) == "QR-Code:https://loopbrug.example/v/AbCdEfGhIjKlMnOpQrStUv")
    }
}
