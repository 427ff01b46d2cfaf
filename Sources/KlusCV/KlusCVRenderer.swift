import Foundation

/// Lays a KlusCV out on A4 pages: name, QR code and summary at the top, headline numbers, the
/// work (each record kept whole on one page), the skills, and a footer with the check link.
public enum KlusCVRenderer {
    static let pageWidth = 595.28
    static let pageHeight = 841.89
    static let margin = 48.0
    static let footerHeight = 30.0
    static let qrSize = 92.0

    public enum RenderError: Error, CustomStringConvertible {
        case qrCode, cairo
        public var description: String {
            switch self {
            case .qrCode: "the verification URL does not fit in a QR code"
            case .cairo: "Cairo could not write the PDF"
            }
        }
    }

    public static func pdf(_ doc: KlusCVDocument) throws -> Data {
        guard let qr = QRMatrix(encoding: doc.verificationURL) else { throw RenderError.qrCode }
        let canvas = PDFCanvas(width: pageWidth, height: pageHeight, title: "KlusCV – \(doc.name)")
        var page = PageCursor(canvas: canvas, doc: doc)
        let content = pageWidth - 2 * margin
        func t(_ nl: String, _ en: String) -> String { doc.lang.isEnglish ? en : nl }

        // Header: name and summary on the left, the QR code and what it is for on the right.
        let textWidth = content - qrSize - 18
        canvas.qr(qr, x: pageWidth - margin - qrSize, y: margin - 6, size: qrSize)
        canvas.link(doc.verificationURL, x: pageWidth - margin - qrSize, y: margin - 6, width: qrSize, height: qrSize)
        let qrCaption = canvas.block(t("Scan om te controleren", "Scan to verify"), .small, width: qrSize + 40, alignRight: true)
        canvas.draw(qrCaption, x: pageWidth - margin - qrSize - 40, y: margin + qrSize - 4)
        page.put(canvas.block(doc.name, .name, width: textWidth), gapAfter: 2)
        page.put(canvas.block(t("KlusCV · werkpaspoort van Loopbrug", "KlusCV · Loopbrug work passport"), .small, width: textWidth), gapAfter: 12)
        page.put(canvas.block(doc.summary, .body, width: textWidth), gapAfter: 14)
        page.y = max(page.y, margin + qrSize + 16)

        // Headline numbers as a row of pale boxes.
        if !doc.totals.isEmpty {
            let gap = 8.0
            let boxWidth = (content - gap * Double(doc.totals.count - 1)) / Double(doc.totals.count)
            let blocks = doc.totals.map { (canvas.block($0.value, .factValue, width: boxWidth - 16), canvas.block($0.label, .small, width: boxWidth - 16)) }
            let boxHeight = (blocks.map { $0.0.height + $0.1.height }.max() ?? 0) + 14
            for (i, (value, label)) in blocks.enumerated() {
                let x = margin + Double(i) * (boxWidth + gap)
                canvas.fillRect(x: x, y: page.y, width: boxWidth, height: boxHeight, color: .pale)
                canvas.draw(value, x: x + 8, y: page.y + 6)
                canvas.draw(label, x: x + 8, y: page.y + 6 + value.height)
            }
            page.y += boxHeight + 18
        }

        page.heading(t("Werkervaring", "Work experience"))
        if doc.entries.isEmpty {
            page.put(canvas.block(t("Nog geen werk in dit KlusCV.", "No work in this KlusCV yet."), .body, width: content), gapAfter: 8)
        }
        for entry in doc.entries { page.entry(entry) }

        if !doc.skills.isEmpty {
            page.heading(t("Vaardigheden", "Skills"))
            page.put(canvas.block(doc.skills.joined(separator: " · "), .body, width: content), gapAfter: 6)
            if let note = doc.skillsNote { page.put(canvas.block(note, .small, width: content), gapAfter: 6) }
        }
        page.footer()
        guard let data = canvas.finish() else { throw RenderError.cairo }
        return data
    }
}

/// Where the next block goes; starts a new page (with the footer on the old one) when a block
/// would run into the footer.
private struct PageCursor {
    let canvas: PDFCanvas
    let doc: KlusCVDocument
    var y = KlusCVRenderer.margin
    var pageNumber = 1

    var content: Double { KlusCVRenderer.pageWidth - 2 * KlusCVRenderer.margin }
    var bottom: Double { KlusCVRenderer.pageHeight - KlusCVRenderer.margin - KlusCVRenderer.footerHeight }

    mutating func ensureRoom(_ height: Double) {
        guard y + height > bottom, y > KlusCVRenderer.margin else { return }
        footer()
        canvas.newPage()
        pageNumber += 1
        y = KlusCVRenderer.margin
    }

    mutating func put(_ block: TextBlock, x: Double = KlusCVRenderer.margin, gapAfter: Double) {
        ensureRoom(block.height)
        canvas.draw(block, x: x, y: y)
        y += block.height + gapAfter
    }

    mutating func heading(_ text: String) {
        let block = canvas.block(text, .heading, width: content)
        ensureRoom(block.height + 60)  // never a heading alone at the bottom of a page
        canvas.draw(block, x: KlusCVRenderer.margin, y: y)
        y += block.height + 3
        canvas.line(x1: KlusCVRenderer.margin, y1: y, x2: KlusCVRenderer.margin + content, y2: y, color: .rule)
        y += 9
    }

    /// One record, kept together: a coloured bar on the left says who stands behind it.
    mutating func entry(_ e: KlusCVDocument.Entry) {
        let indent = 10.0
        let width = content - indent
        let standingColor: RGB =
            switch e.standing {
            case .verified: .green
            case .selfDeclared: .grey
            case .revoked: .red
            }
        let lang = doc.lang
        var blocks: [(TextBlock, Double)] = [
            (canvas.block(e.title, .title, width: width), 1),
            (canvas.block(e.meta, .small, width: width), 2),
            (canvas.block(e.standingText, TextStyle(size: 9, bold: true, color: standingColor), width: width), 2),
        ]
        if !e.numbers.isEmpty { blocks.append((canvas.block(e.numbers, .body, width: width), 2)) }
        if !e.tasks.isEmpty {
            blocks.append((canvas.block((lang.isEnglish ? "Tasks: " : "Taken: ") + e.tasks.joined(separator: "; "), .body, width: width), 2))
        }
        if !e.skills.isEmpty {
            blocks.append((canvas.block((lang.isEnglish ? "Skills: " : "Vaardigheden: ") + e.skills.joined(separator: ", "), .small, width: width), 2))
        }
        let height = blocks.reduce(0) { $0 + $1.0.height + $1.1 }
        ensureRoom(height)
        canvas.fillRect(x: KlusCVRenderer.margin, y: y, width: 3, height: height - 2, color: standingColor)
        for (block, gap) in blocks {
            canvas.draw(block, x: KlusCVRenderer.margin + indent, y: y)
            y += block.height + gap
        }
        y += 10
    }

    func footer() {
        let lang = doc.lang
        var text = (lang.isEnglish ? "Check this KlusCV: " : "Controleer dit KlusCV: ") + doc.verificationURL
        text += lang.isEnglish ? " · made on \(doc.madeOn)" : " · gemaakt op \(doc.madeOn)"
        if let until = doc.validUntil { text += lang.isEnglish ? " · link works until \(until)" : " · link werkt tot \(until)" }
        text += lang.isEnglish ? " · page \(pageNumber)" : " · pagina \(pageNumber)"
        let block = canvas.block(text, .small, width: content)
        let top = KlusCVRenderer.pageHeight - KlusCVRenderer.margin - block.height
        canvas.line(x1: KlusCVRenderer.margin, y1: top - 6, x2: KlusCVRenderer.margin + content, y2: top - 6, color: .rule)
        canvas.draw(block, x: KlusCVRenderer.margin, y: top)
    }
}
