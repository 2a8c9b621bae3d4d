import ComplexModule
import Testing
import Symbolic
@testable import FieldTheory

/// Gaussian integration (FIELDTHEORY.md identities) checked on the finite shadow, by methods
/// that know nothing of inverses or determinants: Grassmann integrals by explicit Berezin
/// integration (expansion of the exponential in the generators, then left derivatives), complex
/// boson integrals by numerical quadrature over the real and imaginary parts.
@Suite("Gaussian integration: bosons by quadrature, Grassmann by Berezin expansion")
struct GaussianIntegrationTests {
    let i = Expr.i

    /// (re + i·im)/10 as an exact number.
    func c(_ re: Int, _ im: Int) -> Expr { (Expr.integer(re) + Expr.i * Expr.integer(im)) / 10 }
    func grassmann(_ name: String) -> Expr { .symbol(Symbol(name, [], commutation: .grassmann)) }

    // MARK: Grassmann

    @Test func berezinMeasureGivesTheFIELDTHEORYConvention() {
        // ∫dφ̄dφ e^{−aφ̄φ} = a with D = dφ̄dφ (by hand: e^{−aφ̄φ} = 1 − aφ̄φ, ∂_φ(−aφ̄φ) = aφ̄, ∂_φ̄ aφ̄ = a).
        let a = Expr.symbol("a"), phi = grassmann("phi"), phiBar = grassmann("phibar")
        let f = Berezin.exponential(Expr.neg(a) * phiBar * phi, order: 1)
        #expect(Berezin.integrate(f, pairs: [(phiBar, phi)]) == a)
        // And a lone generator integrates to zero: ∫dφ̄dφ φ = 0.
        #expect(Berezin.integrate(phi, pairs: [(phiBar, phi)]).isZero)
    }

    @Test func grassmannDeterminantOfASymbolic3x3() throws {
        // ∫D[φ̄,φ] e^{iφ̄Aφ} = det(−iA): Berezin expansion of the exponential (exact, 6 generators)
        // against det(−iA) = i·det A for n = 3 ((−i)³ = i), det A by the Laplace rule.
        let names = ["x11", "x12", "x13", "x21", "x22", "x23", "x31", "x32", "x33"]
        let a = Matrix(rows: 3, columns: 3) { r, col in Expr.symbol(names[3 * r + col]) }
        let phi = (1...3).map { grassmann("phi\($0)") }, bar = (1...3).map { grassmann("phibar\($0)") }
        var s: [Expr] = []
        for r in 0..<3 { for col in 0..<3 { s.append(bar[r] * a[r, col] * phi[col]) } }
        let action = Expr.add(s)
        let exact = Berezin.integrate(Berezin.exponential(i * action, order: 3), pairs: Array(zip(bar, phi)))
        let g = try GaussianIntegration.integrate(action, fields: phi, bars: bar, statistics: .fermion, kernelName: "A")
        #expect((exact - (try g.determinant())).expand().isZero)
        #expect((exact - i * (try a.determinant())).expand().isZero)
        #expect(g.exponent.isZero)
    }

    @Test func grassmannSourcesGiveMinusIEtaBarAInverseEta() throws {
        // ∫D[φ̄,φ] e^{i(φ̄Aφ + η̄φ + φ̄η)} = det(−iA) e^{−iη̄A⁻¹η}, A a numeric 2×2 over Q(i):
        // both sides multiplied out in the 8 generators (φ, φ̄, η, η̄) and compared monomial by monomial.
        let a = Matrix([[c(20, 3), c(10, -5)], [c(-4, 7), c(15, 0)]])
        let phi = [grassmann("f1"), grassmann("f2")], bar = [grassmann("fbar1"), grassmann("fbar2")]
        let eta = [grassmann("e1"), grassmann("e2")], etaBar = [grassmann("ebar1"), grassmann("ebar2")]
        var s: [Expr] = []
        for r in 0..<2 {
            for col in 0..<2 { s.append(bar[r] * a[r, col] * phi[col]) }
            s.append(etaBar[r] * phi[r])
            s.append(bar[r] * eta[r])
        }
        let action = Expr.add(s)
        let exact = Berezin.integrate(Berezin.exponential(i * action, order: 4), pairs: Array(zip(bar, phi)))
        let g = try GaussianIntegration.integrate(action, fields: phi, bars: bar, statistics: .fermion, kernelName: "A")
        // The step read the sources as written (J̄ = η̄, J = η).
        #expect(g.form.sourceBar == etaBar && g.form.source == eta)
        let claimed = try g.determinant() * Berezin.exponential(i * g.exponent, order: 2)
        #expect((exact - claimed).expand().isZero, "Berezin: \(exact)\nstep: \(claimed.expand())")
        // Independently of the step's inverse: the coefficient of η̄₁η₁ in the exact integral is
        // det(−iA)·(−i)(A⁻¹)₁₁ with (A⁻¹)₁₁ = A₂₂/det A (Cramer).
        let detA = try a.determinant()
        let expected = (try g.determinant()) * Expr.neg(i) * a[1, 1] / detA
        let coefficient = exact.derivative(withRespectTo: eta[0]).derivative(withRespectTo: etaBar[0])
        // ∂_{η̄₁}∂_{η₁}(c η̄₁η₁) = ∂_{η̄₁}(−c η̄₁) = −c, so the coefficient c is minus this at η = 0.
        let zero = Dictionary(uniqueKeysWithValues: (eta + etaBar).map { ($0, Expr.zero) })
        #expect((Expr.neg(coefficient.substitute(zero)) - expected).expand().isZero)
    }

    @Test func correlatorIsIATimesInverseByBerezin() throws {
        // ⟨φ_j φ̄_k⟩ = ∫D φ_jφ̄_k e^{iφ̄Aφ} / ∫D e^{iφ̄Aφ}, both Berezin integrals exact, A symbolic 2×2:
        // must be i(A⁻¹)_jk (so G = A⁻¹ = −i⟨φφ̄⟩, the convention behind A39's reading).
        let x = ["y11", "y12", "y21", "y22"].map { Expr.symbol($0) }
        let a = Matrix([[x[0], x[1]], [x[2], x[3]]])
        let phi = [grassmann("h1"), grassmann("h2")], bar = [grassmann("hbar1"), grassmann("hbar2")]
        var s: [Expr] = []
        for r in 0..<2 { for col in 0..<2 { s.append(bar[r] * a[r, col] * phi[col]) } }
        let weight = Berezin.exponential(i * Expr.add(s), order: 2)
        let z = Berezin.integrate(weight, pairs: Array(zip(bar, phi)))
        let g = try GaussianIntegration.integrate(Expr.add(s), fields: phi, bars: bar, statistics: .fermion, kernelName: "A")
        for j in 0..<2 {
            for k in 0..<2 {
                let numerator = Berezin.integrate(phi[j] * bar[k] * weight, pairs: Array(zip(bar, phi)))
                #expect((numerator / z - g.correlator(j, k)).cancel().isZero, "⟨φ\(j)φ̄\(k)⟩ = \((numerator / z).cancel())")
            }
        }
    }

    // MARK: Complex bosons

    /// ∫Π_k d(Re ψ_k)d(Im ψ_k)/π e^{i(ψ̄Aψ + J̄ψ + ψ̄J)} by the trapezoidal rule on [−L, L]^{2n}
    /// (spectrally accurate for a Gaussian; the integrand decays like e^{−λ|ψ|²}, λ ≥ 1 here).
    func quadrature(_ a: [[Complex<Double>]], _ jBar: [Complex<Double>], _ j: [Complex<Double>], h: Double, l: Double) -> Complex<Double> {
        let n = a.count
        let points = Array(stride(from: -l, through: l, by: h))
        var total = Complex<Double>.zero
        var index = [Int](repeating: 0, count: 2 * n)
        let m = points.count
        outer: while true {
            var psi: [Complex<Double>] = []
            for k in 0..<n { psi.append(Complex(points[index[2 * k]], points[index[2 * k + 1]])) }
            var s = Complex<Double>.zero
            for r in 0..<n {
                for col in 0..<n { s += psi[r].conjugate * a[r][col] * psi[col] }
                s += jBar[r] * psi[r] + psi[r].conjugate * j[r]
            }
            total += Complex.exp(Complex(0, 1) * s)
            var k = 0
            while true {
                index[k] += 1
                if index[k] < m { break }
                index[k] = 0
                k += 1
                if k == 2 * n { break outer }
            }
        }
        return total * Complex(Double.pow(h * h / Double.pi, Double(n)))
    }

    func value(_ e: Expr) throws -> Complex<Double> { try e.evaluate([:]) }

    /// The step's det(−iA)⁻¹ e^{i S_eff} for numeric A, J̄, J.
    func stepValue(_ a: Matrix, _ jBar: [Expr], _ j: [Expr]) throws -> Complex<Double> {
        let n = a.rows
        let psi = (1...n).map { Expr.symbol("psi\($0)") }, bar = (1...n).map { Expr.symbol("psibar\($0)") }
        var s: [Expr] = []
        for r in 0..<n {
            for col in 0..<n { s.append(bar[r] * a[r, col] * psi[col]) }
            s.append(jBar[r] * psi[r])
            s.append(bar[r] * j[r])
        }
        let g = try GaussianIntegration.integrate(Expr.add(s), fields: psi, bars: bar, statistics: .boson, kernelName: "A")
        return try value(Expr.exp(i * g.exponent) / g.determinant())
    }

    @Test func bosonOneModeAgainstQuadrature() throws {
        // A = i(1.2 − 0.3i) (−iA has positive real part: the integral converges).
        let a = Matrix([[i * c(12, -3)]])
        let jBar = [c(3, 1)], j = [c(-2, 4)]
        let numeric = quadrature([[try value(a[0, 0])]], [try value(jBar[0])], [try value(j[0])], h: 0.1, l: 7)
        let step = try stepValue(a, jBar, j)
        #expect((numeric - step).length < 1e-9, "quadrature \(numeric), step \(step)")
    }

    @Test func bosonTwoModesAgainstQuadrature() throws {
        // −iA = [[1.5, 0.3 − 0.2i], [0.1 + 0.4i, 1.2]] + a non-Hermitian part: positive definite real part.
        let m = Matrix([[c(15, 2), c(3, -2)], [c(1, 4), c(12, -1)]])
        let a = i * m
        let jBar = [c(2, -1), c(1, 3)], j = [c(-1, 2), c(3, 0)]
        let numeric = quadrature(try a.rowList.map { try $0.map(value) }, try jBar.map(value), try j.map(value), h: 0.3, l: 6)
        let step = try stepValue(a, jBar, j)
        #expect((numeric - step).length < 1e-6, "quadrature \(numeric), step \(step)")
    }

    @Test func anInteractionIsNotGaussian() {
        let psi = Expr.symbol("psi"), bar = Expr.symbol("psibar")
        #expect(throws: FieldTheoryError.self) {
            try QuadraticForm(reading: bar * psi + bar * bar * psi * psi, fields: [psi], bars: [bar], statistics: .boson)
        }
    }

    @Test func aWrongPropagatorIsRefused() {
        let psi = Expr.symbol("psi"), bar = Expr.symbol("psibar"), x = Expr.symbol("x")
        #expect(throws: FieldTheoryError.self) {
            try GaussianIntegration.integrate(bar * x * psi, fields: [psi], bars: [bar], statistics: .boson, kernelName: "x",
                                              propagator: Matrix([[x]]))
        }
    }
}
