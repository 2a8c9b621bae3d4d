import Foundation

/// Tick marks at round values: steps of 1, 2, 2.5 or 5 times a power of ten, about `target`
/// intervals across [lower, upper] (0, 0.25, 0.5 on [0, 0.6]; never 0, 0.24, 0.48).
public struct NiceTicks: Sendable, Equatable {
    public let values: [Double]
    public let step: Double

    public init(lower: Double, upper: Double, target: Int = 5) {
        guard lower.isFinite, upper.isFinite, upper > lower else {
            values = lower.isFinite ? [lower] : []
            step = 1
            return
        }
        let raw = (upper - lower) / Double(max(target, 1))
        let power = pow(10, (log10(raw)).rounded(.down))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * power }.first { $0 >= raw * 0.999 } ?? 10 * power
        let first = (lower / step - 1e-9).rounded(.up), last = (upper / step + 1e-9).rounded(.down)
        var values: [Double] = []
        var k = first
        while k <= last && values.count < 100 {
            values.append(k * step)
            k += 1
        }
        self.values = values
        self.step = step
    }

    /// [lower, upper] widened to the nearest ticks outside it (a line plot's value axis).
    public static func widened(lower: Double, upper: Double, target: Int = 5) -> (lower: Double, upper: Double, ticks: NiceTicks) {
        let inner = NiceTicks(lower: lower, upper: upper, target: target)
        let s = inner.step
        let lo = (lower / s + 1e-9).rounded(.down) * s, hi = (upper / s - 1e-9).rounded(.up) * s
        return (lo, hi, NiceTicks(lower: lo, upper: hi, target: target))
    }

    /// A tick value with the decimals its step needs (0.25, not 0.25000000000000006; 1e-05
    /// steps in scientific notation).
    public func label(_ v: Double) -> String {
        if abs(v) < step * 1e-6 { return "0" }
        let exponent = Int((log10(step) + 1e-9).rounded(.down))
        let mantissa = step / pow(10, Double(exponent))
        let decimals = max(0, -exponent + (abs(mantissa - 2.5) < 1e-9 ? 1 : 0))
        if decimals > 6 || abs(v) >= 1e7 { return String(format: "%.3g", v) }
        return String(format: "%.\(decimals)f", v)
    }
}
