import Algebra
import ArbitraryPrecision
import KeldyshNumerics
import Symbolic

/// The mean-field equations at exact parameter values as a square real polynomial system
/// F(x) = 0: a real variable (⟨S^z⟩) is one unknown, a complex one (⟨a⟩) two, Re and Im,
/// with conj(⟨a⟩) = Re − i·Im, and each complex equation gives its real and imaginary part.
/// Polynomial over ℚ, so values, Jacobians and enclosures are exact or verified.
struct RealMeanFieldSystem {
    /// The real unknowns (fresh real symbols) and how they are printed.
    let unknowns: [Symbol]
    let names: [String]
    /// The mean-field variables, whether each is real, and where its unknowns start.
    let variables: [Symbol]
    let isReal: [Bool]
    let offsets: [Int]
    /// F_i over ℚ in the generators `unknowns`, and ∂F_i/∂x_j.
    let equations: [Polynomial]
    let jacobian: [[Polynomial]]

    /// The parameter left free (the last generator of the equations, after the unknowns;
    /// not differentiated in `jacobian`), or nil.
    let free: Symbol?
    /// Each mean-field variable and its conjugate in the real unknowns (⟨a⟩ → u + i·w).
    let replacement: [Expr: Expr]

    /// The real or the imaginary part of a polynomial over ℚ(i) in real unknowns.
    static func part(_ p: Polynomial, imaginary: Bool) -> Polynomial {
        Polynomial(terms: p.terms.compactMap { t in
            let c = imaginary ? t.coefficient.im : t.coefficient.re
            return c.isZero ? nil : (t.exponents, GaussianRational(c))
        }, generators: p.generators)
    }

    /// `then`: a second parameter left free, the generator after `free` (a 2-D scan's other axis).
    init(meanField: MeanFieldSystem, values: [Symbol: Expr], free: Symbol? = nil, then: Symbol? = nil) throws {
        let resolved = try resolveAssignments(values)
        var unknowns: [Symbol] = [], names: [String] = [], variables: [Symbol] = [], isReal: [Bool] = [], offsets: [Int] = []
        var replace: [Expr: Expr] = [:]
        for e in meanField.equations {
            guard let v = e.variable.symbol else { throw AnalysisError.numerical("steady states: variable \(e.variable) is not a symbol") }
            variables.append(v)
            offsets.append(unknowns.count)
            let real = e.variable.isReal
            isReal.append(real)
            if real {
                let x = Symbol.fresh(v.name)
                unknowns.append(x)
                names.append(v.name)
                replace[e.variable] = Expr.symbol(x)
                replace[Expr.conjugate(e.variable)] = Expr.symbol(x)
            } else {
                let (u, w) = (Symbol.fresh("Re " + v.name), Symbol.fresh("Im " + v.name))
                unknowns += [u, w]
                names += ["Re " + v.name, "Im " + v.name]
                replace[e.variable] = Expr.symbol(u) + Expr.i * Expr.symbol(w)
                replace[Expr.conjugate(e.variable)] = Expr.symbol(u) - Expr.i * Expr.symbol(w)
            }
        }
        let gens = unknowns.map { Expr.symbol($0) } + [free, then].compactMap { $0.map { Expr.symbol($0) } }
        let rhs = meanField.equations.map { $0.rhs.substitute(resolved).substitute(replace).expand() }
        let polys: [Polynomial]
        do { polys = try Polynomial.from(rhs, generators: gens) } catch {
            throw AnalysisError.numerical("steady states need polynomial mean-field equations: \(error)", cause: .init(error))
        }
        if let p = polys.first, p.generators.count > gens.count {
            let extra = p.generators.dropFirst(gens.count).map(\.description)
            throw AnalysisError.numerical("steady states need every parameter set to a rational number; left: \(extra.joined(separator: ", "))")
        }
        var equations: [Polynomial] = []
        for (k, p) in polys.enumerated() {
            equations.append(Self.part(p, imaginary: false))
            if !isReal[k] { equations.append(Self.part(p, imaginary: true)) }
        }
        self.unknowns = unknowns
        self.names = names
        self.variables = variables
        self.isReal = isReal
        self.offsets = offsets
        self.equations = equations
        self.free = free
        replacement = replace
        jacobian = equations.map { f in (0..<unknowns.count).map { f.derivative($0) } }
    }

    var count: Int { unknowns.count }
}

/// A quadratic conserved quantity C = z² + c·(u² + w²) of one real and one complex variable
/// (the length of a collective spin, |S|² with S^z and S^-, when nothing dissipates S): its
/// gradient is orthogonal to F everywhere, so steady states come in families along C and the
/// Jacobian is singular at each; fixing C = C₀ in place of the z equation makes them isolated.
struct Casimir {
    let z: Int, u: Int, w: Int
    let c: BigRational
    /// Its value (from the model's `steady` point).
    var value: BigRational
    let text: String

    /// Every such C of `system`: for a real variable z and a complex v = u + iw, z·F_z +
    /// c·(u·F_u + w·F_w) ≡ 0 for one rational c ≠ 0 (checked exactly).
    static func find(in system: RealMeanFieldSystem) -> [Casimir] {
        var out: [Casimir] = []
        let f = system.equations
        let gens = f.first?.generators ?? []
        func x(_ k: Int) -> Polynomial { Polynomial.generator(k, of: gens) }
        for (a, ra) in system.isReal.enumerated() where ra {
            let z = system.offsets[a]
            let lhs = x(z) * f[z]
            guard !lhs.isZero else { continue }
            for (b, rb) in system.isReal.enumerated() where !rb {
                let (u, w) = (system.offsets[b], system.offsets[b] + 1)
                let rhs = x(u) * f[u] + x(w) * f[w]
                guard let lead = lhs.leadingTerm, !rhs.isZero else { continue }
                let cb = rhs.coefficient(of: lead.exponents)
                guard !cb.isZero else { continue }
                let c = -(lead.coefficient / cb)
                guard c.isReal, (lhs + rhs.scaled(by: c)).isZero else { continue }
                let cText = c.re == .one ? "" : "\(c.re)·"
                out.append(Casimir(z: z, u: u, w: w, c: c.re, value: .zero,
                                   text: "\(system.variables[a].name)² + \(cText)|\(system.variables[b].name)|²"))
            }
        }
        return out
    }

    /// C at a point of exact values.
    func at(_ x: [BigRational]) -> BigRational { x[z] * x[z] + c * (x[u] * x[u] + x[w] * x[w]) }
}
