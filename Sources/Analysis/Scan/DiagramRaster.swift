import OutputFormats

/// The class codes diagram.svg is drawn from, at most `maximumCells` per axis: a grid
/// larger than that is sampled (cell c shows grid point ⌊c·(n−1)/(cells−1)⌋), so the
/// diagram costs at most 2 000 × 2 000 bytes whatever the grid (a 100 000 × 100 000 scan
/// asked for 10 GB here before). Grids within the limit are drawn point for point, as before.
struct DiagramRaster {
    static let maximumCells = 2_000
    let nx: Int, ny: Int
    let cx: Int, cy: Int
    private(set) var classes: [UInt8]

    init(x: GridAxis, y: GridAxis) {
        nx = x.count
        ny = y.count
        cx = min(nx, Self.maximumCells)
        cy = min(ny, Self.maximumCells)
        classes = [UInt8](repeating: 255, count: cx * cy)
    }

    var isSampled: Bool { cx < nx || cy < ny }

    /// The cell that shows grid index i of an axis of n points drawn in `cells`, if any.
    @inline(__always) static func cell(_ i: Int, of n: Int, in cells: Int) -> Int? {
        if cells == n { return i }
        // c = round(i·(cells−1)/(n−1)), then check that c samples exactly i.
        let c = (i * (cells - 1) + (n - 1) / 2) / (n - 1)
        for k in [c - 1, c, c + 1] where k >= 0 && k < cells && k * (n - 1) / (cells - 1) == i { return k }
        return nil
    }

    /// Records the class of grid point (i, j) when a cell shows it.
    mutating func record(i: Int, j: Int, code: UInt8) {
        guard let ci = Self.cell(i, of: nx, in: cx), let cj = Self.cell(j, of: ny, in: cy) else { return }
        classes[cj * cx + ci] = code
    }

    /// Whether any cell of row j is drawn (rows that are not sampled can skip `record`).
    func showsRow(_ j: Int) -> Bool { Self.cell(j, of: ny, in: cy) != nil }

    func svg(x: GridAxis, y: GridAxis, legend: [PhaseLegend], title: String, xLabel: String?, yLabel: String?) -> String {
        let px = PlotAxis(name: x.name, lower: x.lower, upper: x.upper, count: cx)
        let py = PlotAxis(name: y.name, lower: y.lower, upper: y.upper, count: cy)
        return PhaseDiagramSVG(x: px, y: py, legend: legend, title: title, xLabel: xLabel, yLabel: yLabel)
            .render(classes: classes)
    }
}
