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
    /// The colour map beside the classes (max Re λ, or the order parameter's time average),
    /// on at most `intensityCells` per axis: its column among the scan's CSV columns (after
    /// the two coordinates) and its values, NaN until recorded.
    static let intensityCells = 240
    let ix: Int, iy: Int
    let intensityColumn: Int?
    let intensityName: String
    private(set) var intensity: [Double]

    init(x: GridAxis, y: GridAxis, kind: String = "", columns: [String] = []) {
        nx = x.count
        ny = y.count
        cx = min(nx, Self.maximumCells)
        cy = min(ny, Self.maximumCells)
        classes = [UInt8](repeating: 255, count: cx * cy)
        let (column, name) = kind == "stability" ? ("max_re", "max Re λ (largest real part of the eigenvalues)")
            : kind == "dynamics" ? ("order_mean", "order parameter: time average (order_mean)") : ("", "")
        intensityColumn = columns.firstIndex(of: column)
        intensityName = name
        ix = intensityColumn == nil ? 0 : min(nx, Self.intensityCells)
        iy = intensityColumn == nil ? 0 : min(ny, Self.intensityCells)
        intensity = [Double](repeating: .nan, count: ix * iy)
    }

    /// Records the colour-map value of grid point (i, j) from its CSV fields after the
    /// coordinates, when a cell of the map shows it.
    mutating func recordIntensity(i: Int, j: Int, fields: some StringProtocol) {
        guard let k = intensityColumn, let ci = Self.cell(i, of: nx, in: ix), let cj = Self.cell(j, of: ny, in: iy) else { return }
        let parts = fields.split(separator: ",", maxSplits: k + 1, omittingEmptySubsequences: false)
        guard k < parts.count, let v = Double(String(parts[k])) else { return }
        intensity[cj * ix + ci] = v
    }

    /// Whether any cell of the colour map shows row j.
    func showsIntensityRow(_ j: Int) -> Bool { intensityColumn != nil && Self.cell(j, of: ny, in: iy) != nil }

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
        var svg = PhaseDiagramSVG(x: px, y: py, legend: legend, title: title, xLabel: xLabel, yLabel: yLabel)
        if intensityColumn != nil { svg.intensity = IntensityPanel(name: intensityName, nx: ix, ny: iy, values: intensity) }
        return svg.render(classes: classes)
    }
}

extension StringProtocol {
    /// A grid.csv line without its two coordinates (the classifier's fields).
    var afterCoordinates: SubSequence? {
        guard let first = firstIndex(of: ",") else { return nil }
        guard let second = self[index(after: first)...].firstIndex(of: ",") else { return nil }
        return self[index(after: second)...]
    }
}
