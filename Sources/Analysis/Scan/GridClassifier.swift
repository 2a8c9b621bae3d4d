import OutputFormats

/// The outcome at one grid point: a class code (an index into the scan's legend) and the
/// CSV fields after the two coordinates.
public struct GridPoint: Sendable {
    public var classCode: UInt8
    public var fields: String
    public init(classCode: UInt8, fields: String) {
        self.classCode = classCode
        self.fields = fields
    }
}

/// What a scan computes at each point. `makeRowEvaluator` is called once per worker
/// thread; the returned closure maps (y, xs) — a piece of a row, at most
/// `GridPieces.segmentPoints` points — to one point per x. It may keep scratch space
/// (eigen-solver workspace, input buffers) between calls, but each call must start afresh
/// (warm starts only inside the call): the same piece gives the same bytes whichever
/// thread computes it after whichever other piece.
public protocol GridClassifier: Sendable {
    var kind: String { get }
    var legend: [PhaseLegend] { get }
    /// CSV column names after the two coordinates.
    var columns: [String] { get }
    func makeRowEvaluator() throws -> (Double, [Double]) throws -> [GridPoint]
}
