import CCairo
import Foundation

/// A PDF being drawn in memory with Cairo, text set by Pango (fonts embedded as subsets,
/// shaped by HarfBuzz, so ë, é, ï and € come out right). Units are PDF points.
final class PDFCanvas {
    let width: Double
    let height: Double
    private let sink = ByteSink()
    private let surface: OpaquePointer
    private let cr: OpaquePointer
    private let pango: OpaquePointer
    private var fonts: [TextStyle: OpaquePointer] = [:]

    init(width: Double, height: Double, title: String) {
        self.width = width
        self.height = height
        surface = cairo_pdf_surface_create_for_stream(
            { closure, bytes, length in
                guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
                Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
                return CAIRO_STATUS_SUCCESS
            }, Unmanaged.passUnretained(sink).toOpaque(), width, height)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Loopbrug")
        cr = cairo_create(surface)
        // One Pango context for the whole document: making one per text block costs more than the text.
        pango = pango_cairo_create_context(cr)
    }

    deinit {
        for font in fonts.values { pango_font_description_free(font) }
        g_object_unref(UnsafeMutableRawPointer(pango))
        cairo_destroy(cr)
        cairo_surface_destroy(surface)
    }

    /// Text wrapped to `width`, measured before it is drawn so the caller can decide where it goes.
    func block(_ text: String, _ style: TextStyle, width: Double, alignRight: Bool = false) -> TextBlock {
        let layout = pango_layout_new(pango)!
        pango_layout_set_font_description(layout, font(style))
        pango_layout_set_width(layout, Int32(width * Double(PANGO_SCALE)))
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        if alignRight { pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT) }
        pango_layout_set_text(layout, text, -1)
        var w: Int32 = 0
        var h: Int32 = 0
        pango_layout_get_size(layout, &w, &h)
        return TextBlock(layout: layout, height: Double(h) / Double(PANGO_SCALE), color: style.color)
    }

    func draw(_ block: TextBlock, x: Double, y: Double) {
        cairo_set_source_rgb(cr, block.color.r, block.color.g, block.color.b)
        cairo_move_to(cr, x, y)
        pango_cairo_show_layout(cr, block.layout)
    }

    func fillRect(x: Double, y: Double, width: Double, height: Double, color: RGB) {
        cairo_set_source_rgb(cr, color.r, color.g, color.b)
        cairo_rectangle(cr, x, y, width, height)
        cairo_fill(cr)
    }

    func line(x1: Double, y1: Double, x2: Double, y2: Double, color: RGB, width: Double = 0.75) {
        cairo_set_source_rgb(cr, color.r, color.g, color.b)
        cairo_set_line_width(cr, width)
        cairo_move_to(cr, x1, y1)
        cairo_line_to(cr, x2, y2)
        cairo_stroke(cr)
    }

    /// A QR code as filled squares (vector, sharp at any zoom), with its quiet zone inside `size`.
    func qr(_ matrix: QRMatrix, x: Double, y: Double, size: Double) {
        let quiet = 4
        let module = size / Double(matrix.size + 2 * quiet)
        fillRect(x: x, y: y, width: size, height: size, color: .white)
        cairo_set_source_rgb(cr, 0, 0, 0)
        for row in 0..<matrix.size {
            for column in 0..<matrix.size where matrix.isDark(row: row, column: column) {
                cairo_rectangle(cr, x + Double(column + quiet) * module, y + Double(row + quiet) * module, module, module)
            }
        }
        cairo_fill(cr)
    }

    /// A clickable area in the PDF pointing at `url`.
    func link(_ url: String, x: Double, y: Double, width: Double, height: Double) {
        let attributes = "rect=[\(x) \(y) \(width) \(height)] uri='\(url.replacingOccurrences(of: "'", with: "%27"))'"
        cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes)
        cairo_tag_end(cr, CAIRO_TAG_LINK)
    }

    func newPage() { cairo_show_page(cr) }

    /// Closes the document and hands back its bytes; nil when Cairo reports an error.
    func finish() -> Data? {
        cairo_show_page(cr)
        cairo_surface_finish(surface)
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { return nil }
        return sink.data
    }

    private func font(_ style: TextStyle) -> OpaquePointer {
        if let font = fonts[style] { return font }
        let font = pango_font_description_from_string(style.fontDescription)!
        fonts[style] = font
        return font
    }
}

/// Measured text, ready to draw.
final class TextBlock {
    fileprivate let layout: OpaquePointer
    let height: Double
    fileprivate let color: RGB

    fileprivate init(layout: OpaquePointer, height: Double, color: RGB) {
        self.layout = layout
        self.height = height
        self.color = color
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(layout)) }
}

struct RGB: Hashable {
    let r, g, b: Double
    static let white = RGB(r: 1, g: 1, b: 1)
    static let ink = RGB(r: 0.1, g: 0.1, b: 0.12)
    static let grey = RGB(r: 0.36, g: 0.37, b: 0.4)
    static let rule = RGB(r: 0.8, g: 0.81, b: 0.84)
    static let pale = RGB(r: 0.94, g: 0.95, b: 0.96)
    static let green = RGB(r: 0.07, g: 0.43, b: 0.22)
    static let red = RGB(r: 0.7, g: 0.1, b: 0.1)
    static let blue = RGB(r: 0.08, g: 0.3, b: 0.62)
}

/// A font and colour. Noto Sans, with DejaVu Sans for any glyph Noto lacks.
struct TextStyle: Hashable {
    let size: Double
    let bold: Bool
    let color: RGB

    var fontDescription: String { "Noto Sans, DejaVu Sans \(bold ? "Bold " : "")\(size)" }

    static let name = TextStyle(size: 22, bold: true, color: .ink)
    static let heading = TextStyle(size: 13, bold: true, color: .ink)
    static let title = TextStyle(size: 11, bold: true, color: .ink)
    static let body = TextStyle(size: 10, bold: false, color: .ink)
    static let small = TextStyle(size: 8.5, bold: false, color: .grey)
    static let factValue = TextStyle(size: 14, bold: true, color: .ink)
}

private final class ByteSink {
    var data = Data()
}
