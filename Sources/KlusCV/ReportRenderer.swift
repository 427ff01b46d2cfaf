import Foundation

/// A plain A4 report (the municipal insight report): headings, paragraphs, tables and bar
/// charts, flowing over as many pages as needed, with a footer on each page.
public struct ReportDocument: Sendable {
    public enum Block: Sendable {
        case heading(String)
        case paragraph(String)
        /// Column 0 is a label; the others are right-aligned numbers.
        case table(caption: String, header: [String], rows: [[String]])
        /// Bars from 0 to 1, with a label and the value as text.
        case bars(caption: String, [(label: String, fraction: Double, value: String)])
    }

    public var title: String
    public var footer: String
    public var blocks: [Block]

    public init(title: String, footer: String, blocks: [Block]) {
        self.title = title
        self.footer = footer
        self.blocks = blocks
    }
}

public enum ReportRenderer {
    static let pageWidth = 595.28, pageHeight = 841.89, margin = 48.0, bottom = 60.0

    public static func pdf(_ doc: ReportDocument) throws -> Data {
        let canvas = PDFCanvas(width: pageWidth, height: pageHeight, title: doc.title)
        let content = pageWidth - 2 * margin
        var y = margin, pageNumber = 1
        func footer() {
            canvas.draw(canvas.block("\(doc.footer) · \(pageNumber)", .small, width: content), x: margin, y: pageHeight - 36)
        }
        func room(_ height: Double) {
            if y + height > pageHeight - bottom {
                footer()
                canvas.newPage()
                pageNumber += 1
                y = margin
            }
        }
        func put(_ block: TextBlock, x: Double = margin, gapAfter: Double) {
            room(block.height)
            canvas.draw(block, x: x, y: y)
            y += block.height + gapAfter
        }
        put(canvas.block(doc.title, .name, width: content), gapAfter: 10)
        for block in doc.blocks {
            switch block {
            case .heading(let s):
                room(60)  // keep a heading with what follows
                y += 6
                put(canvas.block(s, .heading, width: content), gapAfter: 6)
            case .paragraph(let s):
                put(canvas.block(s, .body, width: content), gapAfter: 6)
            case .table(let caption, let header, let rows):
                room(40)
                put(canvas.block(caption, .title, width: content), gapAfter: 3)
                let first = content * (header.count > 3 ? 0.4 : 0.55)
                let other = header.count > 1 ? (content - first) / Double(header.count - 1) : 0
                for (index, row) in ([header] + rows).enumerated() {
                    let style: TextStyle = index == 0 ? .small : .body
                    let cells = row.enumerated().map { column, value in
                        canvas.block(value, style, width: column == 0 ? first - 6 : other - 6, alignRight: column > 0)
                    }
                    let height = (cells.map(\.height).max() ?? 0) + 3
                    room(height)
                    for (column, cell) in cells.enumerated() {
                        canvas.draw(cell, x: column == 0 ? margin : margin + first + Double(column - 1) * other, y: y)
                    }
                    y += height
                    canvas.line(x1: margin, y1: y - 1, x2: margin + content, y2: y - 1, color: .rule, width: 0.4)
                }
                y += 10
            case .bars(let caption, let bars):
                room(40)
                put(canvas.block(caption, .title, width: content), gapAfter: 4)
                let labelWidth = content * 0.3, barWidth = content * 0.5
                for bar in bars {
                    let label = canvas.block(bar.label, .body, width: labelWidth - 6)
                    let value = canvas.block(bar.value, .body, width: content - labelWidth - barWidth - 6)
                    room(label.height + 2)
                    canvas.draw(label, x: margin, y: y)
                    canvas.fillRect(x: margin + labelWidth, y: y + 3, width: max(0.5, barWidth * min(1, max(0, bar.fraction))), height: label.height - 6, color: .green)
                    canvas.draw(value, x: margin + labelWidth + barWidth + 6, y: y)
                    y += label.height + 2
                }
                y += 10
            }
        }
        footer()
        guard let data = canvas.finish() else { throw KlusCVRenderer.RenderError.cairo }
        return data
    }
}
