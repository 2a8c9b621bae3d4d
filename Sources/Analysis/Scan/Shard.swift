/// Which rows of the grid a run computes: shard i of n takes a contiguous block.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    public let index: Int
    public let count: Int
    public init(index: Int, count: Int) throws {
        guard count >= 1, index >= 1, index <= count else {
            throw AnalysisError.badRange("\(index)/\(count)", reason: "a shard is i/n with 1 ≤ i ≤ n")
        }
        self.index = index
        self.count = count
    }
    public static let whole = try! Shard(index: 1, count: 1)

    public init(parsing text: String) throws {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else {
            throw AnalysisError.badRange(text, reason: "a shard is i/n, e.g. 3/16")
        }
        try self.init(index: i, count: n)
    }

    /// Rows [start, end) of `rows`, split as evenly as possible.
    public func rows(of total: Int) -> Range<Int> {
        // Full-width products: total · index may pass Int.max for a huge axis (2^62 rows).
        func part(_ k: Int) -> Int {
            let p = total.multipliedFullWidth(by: k)
            return count.dividingFullWidth((high: p.high, low: p.low)).quotient
        }
        return part(index - 1)..<part(index)
    }
    public var description: String { "\(index)/\(count)" }
}
