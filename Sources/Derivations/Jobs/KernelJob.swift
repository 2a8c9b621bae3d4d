import Analysis
import ArbitraryPrecision
import Foundation
import KeldyshNumerics
import OutputFormats
import Symbolic

/// `keldysh kernel MODEL --set … [--reading R] [--tolerance T]`: K₁^R(ω = 0) of B15 at one
/// parameter point, certified (`CertifiedRetardedKernel`): an enclosure that holds the derived
/// kernel's exact value at the exact (rational) parameters, with how it was proven.
public struct KernelOptions: Sendable {
    public var model: String
    public var settings: [String] = []
    public var reading: DysonReading = .firstOrder
    /// The quadrature's truncation bound (the point balls and the tail come on top).
    public var tolerance = 1e-10
    public var bits = 128
    public var progress = false
    public static let toleranceRange = 1e-30...1e-2
    public static let bitsRange = 64...512

    public init(model: String) { self.model = model }
}

public struct KernelOutcome: Sendable {
    public let reading: DysonReading
    /// The parameters as given (name, value), in the problem's order.
    public let parameters: [(name: String, value: String)]
    public let enclosure: CertifiedRetardedKernel.Enclosure
    public let bits: Int
}

public func certifyKernel(_ o: KernelOptions) throws -> KernelOutcome {
    guard KernelOptions.toleranceRange.contains(o.tolerance) else {
        throw AnalysisError.badRange("--tolerance \(o.tolerance)", reason: "the quadrature's truncation bound takes 1e-30 to 1e-2")
    }
    guard KernelOptions.bitsRange.contains(o.bits) else {
        throw AnalysisError.badRange("--bits \(o.bits)", reason: "the balls take 64 to 512 bits")
    }
    guard o.tolerance >= Foundation.pow(2, -Double(o.bits - 16)) else {
        throw AnalysisError.badRange("--tolerance \(o.tolerance)", reason: "below what \(o.bits)-bit rules can prove (2^-\(o.bits - 16)); raise --bits")
    }
    try requireEnclosableReading(o.reading, option: "--reading self-consistent")
    let c = try CondensationModel.load(path: o.model)
    let given = try resolveAssignments(try c.parameters.assignments(o.settings))
    let names = c.problem.parameters
    var balls: [RealBall] = [], shown: [(String, String)] = [], missing: [String] = []
    for s in names {
        guard let e = given[s] else { missing.append(s.name); continue }
        balls.append(try exactBall(s.name, e, bits: o.bits, what: "a certified kernel"))
        shown.append((s.name, "\(e)"))
    }
    if !missing.isEmpty {
        throw AnalysisError.badAssignment("--set", reason: "give a value to \(missing.joined(separator: ", ")) (K1^R(0) is taken at one point)")
    }
    let kernel = try CertifiedRetardedKernel(c.problem, bits: o.bits, reading: o.reading)
    let bar = o.progress ? ProgressBar(total: 2 * kernel.shells + 1, label: "K1^R(0) in balls") : nil
    let e = try kernel.enclosure(parameters: balls, tolerance: BigRational(exactly: o.tolerance)) { done, _ in bar?.update(done) }
    if o.progress { writeStandardError("\n") }
    return KernelOutcome(reading: o.reading, parameters: shown, enclosure: e, bits: o.bits)
}

/// The ball of a setting exactly as given (T_F = 0.1 is 1/10, not the Double 0.1): rationals
/// only, its centre at bits + 64 with the rounding in the radius. `what` names the command.
func exactBall(_ name: String, _ e: Expr?, bits: Int, what: String) throws -> RealBall {
    guard let e, let q = e.numberValue, q.im.isZero, let b = RealBall.enclosing(q.re, precision: bits + 64) else {
        throw AnalysisError.badAssignment("--set \(name)", reason: "\(what) takes exact rational values (decimals or fractions), not \(e.map { "\($0)" } ?? "nothing")")
    }
    return b
}

/// The readings whose G has a closed form to enclose (g0, one-shot, first-order).
func requireEnclosableReading(_ reading: DysonReading, option: String) throws {
    guard reading != .selfConsistent else {
        throw AnalysisError.badRange(option, reason: "the self-consistent G is known on quadrature nodes only: no closed form to enclose (g0, one-shot, first-order are certified)")
    }
}
