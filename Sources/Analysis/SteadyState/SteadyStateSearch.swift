import Foundation
import Algebra
import ArbitraryPrecision
import KeldyshNumerics
import Symbolic

/// What `keldysh steady` asks: the steady states of mean-field equations at exact parameter
/// values, to `digits` verified digits.
public struct SteadyRequest: Sendable {
    public var meanField: MeanFieldSystem
    public var values: [Symbol: Expr]
    /// The model's declared steady point (variable → value), used as the first start and to
    /// fix conserved quantities; nil when the model has none.
    public var reference: [Expr: Expr]?
    public var digits: Int
    /// Random starts besides the reference point and the symmetry images.
    public var starts: Int = 48
    /// What the model calls a stationary state with and without an order parameter (its
    /// `phase stationary = …` and `phase ordered = …`): each state is named by them.
    public var phaseNames = PhaseNames()

    public init(meanField: MeanFieldSystem, values: [Symbol: Expr], reference: [Expr: Expr]?, digits: Int) {
        self.meanField = meanField
        self.values = values
        self.reference = reference
        self.digits = digits
    }
}

/// One steady state: its value (each real unknown to `digits` digits, proven by Krawczyk's
/// test on a box of half-width `radius`) and its spectrum.
public struct FixedPoint: Sendable {
    public var index: Int
    /// The model's name for it: `phase ordered` (NS, SR in 003: `stationary`/`ordered` by
    /// default) when a complex variable is proven nonzero, `phase stationary` otherwise.
    public var name: String = ""
    /// (name, digits) of each real unknown: "Re ⟨a⟩", "⟨S^z⟩"…
    public var components: [(name: String, value: String)]
    /// Every exact solution lies within `radius` of the printed centre in each unknown.
    public var radius: BigRational
    public var spectrum: Spectrum
    /// The exact centre (for tests and further use).
    public var center: [BigRational]
}

/// What the search did and found.
public struct SteadyOutcome: Sendable {
    public var states: [FixedPoint]
    public var conserved: [String]
    public var notes: [String]
}

/// The steady-state search: dogleg (`solveDogleg`) on F with the equations of conserved
/// quantities replaced by C = C₀, from a deterministic set of starts (the model's `steady`
/// point, then `starts` points of a SplitMix64 sequence with a fixed seed, uniform in
/// [−1, 1] per unknown and put on the shells C = C₀), and from the image of every root found
/// under (z, u, w) → (z, −u, −w) (every complex variable negated: the ℤ₂ of Dicke-type models;
/// kept only when it is a root). Roots agreeing to 1e-7 are one; each is polished by Newton
/// in MPFR at digits + 30, proven by Krawczyk's test, then its spectrum enclosed (`Spectrum`).
/// A search from finitely many starts can miss steady states; the notes say how many starts.
public func findSteadyStates(_ request: SteadyRequest) throws -> SteadyOutcome {
    guard request.digits >= 1 && request.digits <= 1000 else {
        throw AnalysisError.badRange("\(request.digits)", reason: "digits must be in 1…1000")
    }
    let system = try RealMeanFieldSystem(meanField: request.meanField, values: request.values)
    let n = system.count
    let resolved = try resolveAssignments(request.values)
    // The reference point as exact values of the unknowns, when the model gives one.
    let reference = exactPoint(request.reference, of: system, resolved: resolved)
    var notes: [String] = []
    var casimirs = Casimir.find(in: system)
    if !casimirs.isEmpty {
        guard let x0 = reference else {
            throw AnalysisError.numerical("the equations conserve \(casimirs.map(\.text).joined(separator: ", ")); its value is read from the model's `steady` point, which the model does not give (or not at these settings)")
        }
        for k in casimirs.indices { casimirs[k].value = casimirs[k].at(x0) }
    }
    // G: F with the z equation of each conserved quantity replaced by C − C₀.
    var equations = system.equations, jacobian = system.jacobian
    let gens = system.equations.first?.generators ?? []
    for c in casimirs {
        let x = { (k: Int) in Polynomial.generator(k, of: gens) }
        let g = x(c.z) * x(c.z) + (x(c.u) * x(c.u) + x(c.w) * x(c.w)).scaled(by: GaussianRational(c.c))
            - Polynomial(GaussianRational(c.value), generators: gens)
        equations[c.z] = g
        jacobian[c.z] = (0..<n).map { g.derivative($0) }
    }
    let modified = CompiledSystem(equations: equations, jacobian: jacobian)
    let original = CompiledSystem(equations: system.equations, jacobian: system.jacobian)

    // Starts.
    var starts: [[Double]] = []
    if let x0 = reference { starts.append(x0.map { $0.toDouble() }) }
    var rng = SplitMix64(seed: 0x5EAD_57A7E)
    for _ in 0..<request.starts {
        var x = (0..<n).map { _ in 2 * (Double(rng.next() >> 11) * 0x1p-53) - 1 }
        for c in casimirs where c.value.signum > 0 && c.c.signum > 0 {
            let norm = (x[c.z] * x[c.z] + c.c.toDouble() * (x[c.u] * x[c.u] + x[c.w] * x[c.w])).squareRoot()
            let s = norm > 0 ? c.value.toDouble().squareRoot() / norm : 0
            for k in [c.z, c.u, c.w] { x[k] *= s }
        }
        starts.append(x)
    }
    var roots: [[Double]] = []
    func accept(_ x: [Double]) {
        let scale = max(1, x.map(abs).max() ?? 0)
        if roots.contains(where: { r in zip(r, x).allSatisfy { abs($0 - $1) <= 1e-7 * scale } }) { return }
        roots.append(x)
    }
    func solve(_ start: [Double]) -> [Double]? {
        let r = solveDogleg({ modified.value($0) }, jacobian: { modified.jacobian($0) }, from: start)
        guard r.converged, r.x.allSatisfy(\.isFinite) else { return nil }
        // A root of G is a steady state only if the replaced equations hold too.
        let residual = original.value(r.x).map(abs).max() ?? 0
        return residual <= 1e-8 * max(1, r.x.map(abs).max() ?? 0) ? r.x : nil
    }
    for s in starts { if let x = solve(s) { accept(x) } }
    var k = 0
    while k < roots.count {
        var image = roots[k]
        for (v, real) in system.isReal.enumerated() where !real {
            image[system.offsets[v]] = -image[system.offsets[v]]
            image[system.offsets[v] + 1] = -image[system.offsets[v] + 1]
        }
        if let x = solve(image) { accept(x) }
        k += 1
    }
    notes.append("search: dogleg from \(starts.count) deterministic starts\(reference == nil ? "" : " (the model's steady point first)") and the ℤ₂ image (complex variables negated) of every root; steady states no start reaches are not found")
    if !casimirs.isEmpty {
        notes.append("conserved: " + casimirs.map { "\($0.text) = \($0.value) (its value at the model's steady point)" }.joined(separator: "; ")
                     + "; fixed in place of the equation of its real variable, so the states of the family on that shell are found")
    }
    // Polish, prove, enclose the spectrum.
    var states: [FixedPoint] = []
    for x in roots.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
        let p = BigFloat.bits(forDigits: request.digits + 40)
        let polished = newtonPolish({ modified.value($0, precision: p) }, jacobian: { modified.jacobian($0, precision: p) },
                                    from: x, digits: request.digits + 30)
        guard polished.stop == .converged else {
            notes.append("a root near \(x.map { String(format: "%.6g", $0) }.joined(separator: ", ")) did not polish (\(polished.stop)); left out")
            continue
        }
        let center = polished.x.map { $0.toBigRational() ?? .zero }
        guard let y = approximateInverse(modified.jacobian(x)) else {
            notes.append("a root near \(x.map { String(format: "%.6g", $0) }.joined(separator: ", ")) has a singular Jacobian (not isolated); left out")
            continue
        }
        let bits = BigFloat.bits(forDigits: request.digits + 40)
        let scale = max(BigRational.one, center.map(\.abs).max() ?? .one)
        let r = scale * BigRational(.one, BigInt(10).power(request.digits + 8))
        guard krawczykProves(modified, at: center, radius: r, inverse: y, bits: bits) else {
            notes.append("a root near \(x.map { String(format: "%.6g", $0) }.joined(separator: ", ")) was not proven (Krawczyk's test failed); left out")
            continue
        }
        let components = zip(system.names, center).map { name, c in
            (name, provenDigits(c - r, c + r, request.digits))
        }
        let box = center.map { ComplexBall($0, radius: r) }
        let spectrum = try Spectrum(jacobian: original, at: box, digits: request.digits, bits: bits, conserved: casimirs.count)
        var state = FixedPoint(index: states.count + 1, components: components, radius: r, spectrum: spectrum, center: center)
        // Ordered: some complex variable (⟨a⟩, ⟨S^-⟩: what the phase symmetry rotates) is nonzero in the whole box.
        let ordered = system.isReal.indices.contains { k in
            !system.isReal[k] && (0..<2).contains { center[system.offsets[k] + $0].abs > r }
        }
        state.name = request.phaseNames.name(ordered ? .ordered : .stationary)
        states.append(state)
    }
    // Stable states first, then by the number of unstable eigenvalues (ties: the search's order).
    states = states.enumerated().sorted { ($0.element.spectrum.unstable, $0.offset) < ($1.element.spectrum.unstable, $1.offset) }
        .enumerated().map { k, e in var s = e.element; s.index = k + 1; return s }
    guard !states.isEmpty else {
        throw AnalysisError.noCrossing("no steady state found (" + notes.joined(separator: "; ") + ")")
    }
    return SteadyOutcome(states: states, conserved: casimirs.map(\.text), notes: notes)
}

/// A point given as variable → expression (the model's `steady` point) as exact values of the
/// system's real unknowns at the resolved parameter values; nil when it is not given or not
/// a number there.
func exactPoint(_ point: [Expr: Expr]?, of system: RealMeanFieldSystem, resolved: [Symbol: Expr]) -> [BigRational]? {
    guard let point else { return nil }
    var x = [BigRational](repeating: .zero, count: system.count)
    for (k, v) in system.variables.enumerated() {
        guard let e = point[Expr.symbol(v)], let z = e.substitute(resolved).numberValue else { return nil }
        x[system.offsets[k]] = z.re
        if !system.isReal[k] { x[system.offsets[k] + 1] = z.im }
    }
    return x
}

/// The decimal that every number of [lower, upper] rounds to, with as many of `digits`
/// significant digits as the interval fixes (at least 1; "0" when it holds 0 and is tiny).
func provenDigits(_ lower: BigRational, _ upper: BigRational, _ digits: Int) -> String {
    if lower.signum <= 0 && upper.signum >= 0 {
        return "0 ± \(BigFloat(upper - lower, precision: 64).toString(digits: 2))"
    }
    var d = digits
    while d >= 1 {
        if let s = commonDigits(lower, upper, d) { return s }
        d -= 1
    }
    return "[\(lower.decimal), \(upper.decimal)]"
}

/// J⁻¹ in Double by Gauss–Jordan with partial pivoting, as exact rationals; nil when singular.
func approximateInverse(_ j: DenseMatrix<Double>) -> [[BigRational]]? {
    let n = j.rows
    var a = (0..<n).map { i in (0..<n).map { j[i, $0] } + (0..<n).map { $0 == i ? 1.0 : 0.0 } }
    for c in 0..<n {
        guard let p = (c..<n).max(by: { abs(a[$0][c]) < abs(a[$1][c]) }), abs(a[p][c]) > 1e-300 else { return nil }
        a.swapAt(c, p)
        let d = a[c][c]
        for k in 0..<(2 * n) { a[c][k] /= d }
        for i in 0..<n where i != c {
            let f = a[i][c]
            if f != 0 { for k in 0..<(2 * n) { a[i][k] -= f * a[c][k] } }
        }
    }
    guard a.allSatisfy({ $0.allSatisfy(\.isFinite) }) else { return nil }
    return a.map { row in row[n...].map { BigRational(exactly: $0) } }
}

extension SteadyOutcome {
    /// The state `--about KEY` names: KEY an index as `keldysh steady` prints it, or a name
    /// (`SR`: the first state of that name; the others of the same name by their index).
    public func state(named key: String, at place: String) throws -> FixedPoint {
        let k = key.trimmingCharacters(in: .whitespaces)
        if let i = Int(k) {
            guard let s = states.first(where: { $0.index == i }) else {
                throw AnalysisError.badAssignment("--about \(k)", reason: "there is no steady state \(i) \(place): the search found \(states.count) (numbered as `keldysh steady` prints them there)")
            }
            return s
        }
        guard let s = states.first(where: { $0.name == k }) else {
            let names = states.map { "\($0.index) (\($0.name))" }.joined(separator: ", ")
            throw AnalysisError.badAssignment("--about \(k)", reason: "no steady state is called \(k) \(place); the search found \(names)")
        }
        return s
    }
}
