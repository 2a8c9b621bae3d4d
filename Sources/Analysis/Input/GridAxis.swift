import OutputFormats
import Symbolic

/// One axis of a scan: `P=lo:hi:n`, n equally spaced values from lo to hi inclusive.
public struct GridAxis: Sendable, Equatable {
    public let symbol: Symbol
    public let lower: Double
    public let upper: Double
    public let count: Int

    public init(symbol: Symbol, lower: Double, upper: Double, count: Int) throws {
        let text = "\(symbol.name)=\(lower):\(upper):\(count)"
        guard count >= 1 else { throw AnalysisError.badRange(text, reason: "the number of points must be at least 1") }
        guard lower.isFinite && upper.isFinite else { throw AnalysisError.badRange(text, reason: "the ends must be finite") }
        guard lower < upper || (count == 1 && lower == upper) else {
            throw AnalysisError.badRange(text, reason: lower == upper ? "the range is empty" : "the lower end exceeds the upper end")
        }
        self.symbol = symbol
        self.lower = lower
        self.upper = upper
        self.count = count
    }

    public var name: String { symbol.name }

    public func value(_ i: Int) -> Double {
        count == 1 ? lower : lower + (upper - lower) * Double(i) / Double(count - 1)
    }

    /// The axis as the plots draw it.
    public var plotAxis: PlotAxis { PlotAxis(name: name, lower: lower, upper: upper, count: count) }
}
