import Algebra
import ArbitraryPrecision
import KeldyshNumerics
import Symbolic

/// The stability matrix A (d/dt δx = A δx, in the variable order `variables`) at a steady
/// state proven by `findSteadyStates` (`derive --about N`): the symbolic Jacobian, its
/// parameters set, evaluated over the state's proven box in ball arithmetic, so every entry
/// holds the exact state's entry and is printed with the digits the ball fixes.
public struct StateStabilityMatrix: Sendable {
    public let variables: [Expr]
    /// Re and Im of each entry (decimals; "0" when the entry is exactly 0).
    public let entries: [[(re: String, im: String)]]
    /// Couplings of the listed rows to variables left out of `variables`, nonzero at the state:
    /// when empty, the listed block is closed at linear order.
    public let omitted: [(row: Expr, column: Expr, value: (re: String, im: String))]
    public let state: FixedPoint
}

/// `meanField` must be the system `state` was found for (same variables in the same order);
/// `values` the parameter values given to the search; `variables` nil: every variable and the
/// conjugate of each complex one, in the equations' order (at a state with a finite order
/// parameter, δS^z couples to δS^-, so the normal state's smaller block is not closed).
public func stabilityMatrix(_ meanField: MeanFieldSystem, values: [Symbol: Expr], variables given: [Expr]?,
                            at state: FixedPoint, digits: Int) throws -> StateStabilityMatrix {
    let system = try RealMeanFieldSystem(meanField: meanField, values: values)
    guard system.count == state.center.count else {
        throw AnalysisError.numerical("the steady state has \(state.center.count) unknowns, the equations \(system.count)")
    }
    // Linearised about the variables themselves: A as a function of the state.
    var identity: [Expr: Expr] = [:]
    for v in meanField.variables { identity[v] = v }
    let variables = given ?? meanField.variables.flatMap { $0.isReal ? [$0] : [$0, Expr.conjugate($0)] }
    let lin = try meanField.linearize(variables: variables, about: identity)
    let resolved = try resolveAssignments(values)
    let generators = system.unknowns.map { Expr.symbol($0) }
    let bits = Int((Double(digits) * 3.33).rounded(.up)) + 64
    let box = state.center.map { ComplexBall($0, radius: state.radius) }
    func enclosed(_ p: Polynomial, imaginary: Bool) -> String {
        let part = RealMeanFieldSystem.part(p, imaginary: imaginary)
        if part.isZero { return "0" }
        // An entry the state does not enter is exact.
        if part.terms.count == 1, part.terms[0].exponents.allSatisfy({ $0 == 0 }) { return "\(part.terms[0].coefficient.re)" }
        let ball = CompiledPolynomial(part).value(box, bits: bits)
        return provenDigits(ball.center.re - ball.radius, ball.center.re + ball.radius, digits)
    }
    func polynomials(_ row: [Expr]) throws -> [Polynomial] {
        let rhs = row.map { $0.substitute(resolved).substitute(system.replacement).expand() }
        let polys: [Polynomial]
        do { polys = try Polynomial.from(rhs, generators: generators) } catch {
            throw AnalysisError.numerical("the stability matrix at a steady state needs polynomial entries: \(error)", cause: .init(error))
        }
        if let p = polys.first, p.generators.count > generators.count {
            let extra = p.generators.dropFirst(generators.count).map(\.description)
            throw AnalysisError.numerical("the stability matrix at a steady state needs every parameter set; left: \(extra.joined(separator: ", "))")
        }
        return polys
    }
    let entries = try lin.matrix.map { try polynomials($0).map { (re: enclosed($0, imaginary: false), im: enclosed($0, imaginary: true)) } }
    let couplings = lin.omittedCouplings
    let omitted = try zip(couplings, polynomials(couplings.map(\.value))).compactMap { c, p in
        p.isZero ? nil : (row: c.row, column: c.column, value: (re: enclosed(p, imaginary: false), im: enclosed(p, imaginary: true)))
    }
    return StateStabilityMatrix(variables: variables, entries: entries, omitted: omitted, state: state)
}
