/// A grid of braille cells, each 2 dots wide and 4 high, for line charts: dot (x, y) with y = 0 at the top.
struct BrailleCanvas {
    let columns: Int
    let rows: Int
    private var cells: [UInt8]

    init(columns: Int, rows: Int) {
        self.columns = columns; self.rows = rows
        cells = [UInt8](repeating: 0, count: columns * rows)
    }

    var dotWidth: Int { columns * 2 }
    var dotHeight: Int { rows * 4 }

    /// Braille dot bits by (column in cell, row in cell): dots 1-2-3-7 on the left, 4-5-6-8 on the right.
    private static let bits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    mutating func set(_ x: Int, _ y: Int) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        cells[(y / 4) * columns + x / 2] |= BrailleCanvas.bits[x % 2][y % 4]
    }

    /// A straight line between two dots (Bresenham's algorithm).
    mutating func line(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int) {
        var x = x0, y = y0
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var err = dx + dy
        while true {
            set(x, y)
            if x == x1 && y == y1 { break }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x += sx }
            if e2 <= dx { err += dx; y += sy }
        }
    }

    /// One text line per row of cells; an empty cell is a space.
    func lines() -> [String] {
        (0..<rows).map { r in
            String(String.UnicodeScalarView((0..<columns).map { c in
                let bits = cells[r * columns + c]
                return bits == 0 ? " " : Unicode.Scalar(0x2800 + UInt32(bits))!
            }))
        }
    }
}
