import Testing
import TestSupport
import Symbolic
@testable import Algebra

/// Eqs. (1)–(2), (A1) and (A2) of /work/shared/papers/003_33c7dc33f55f52aa.txt (Dicke model
/// with spintronic pumping). The model is built from Eqs. (1)–(2) alone; (A1) and (A2) are
/// typed in from the paper with the core's constructors.
@Suite("Paper 003: mean-field equations (A1) and stability matrix (A2)")
struct Paper003Tests {
    let N = Expr.symbol("N", [.positive])
    let wc = Expr.symbol("ω_c", [.real]), wz = Expr.symbol("ω_z", [.real]), wz2 = Expr.symbol("ω'_z", [.real])
    let lambda = Expr.symbol("λ", [.real]), eta = Expr.symbol("η", [.real]), eta2 = Expr.symbol("η'", [.real])
    let kappa = Expr.symbol("κ", [.positive]), up = Expr.symbol("γ↑", [.positive]), down = Expr.symbol("γ↓", [.positive])
    let i = Expr.i

    let system: OpenSystem
    let a: BosonMode, S: SpinEnsemble, T: SpinEnsemble

    init() throws {
        var alg = OperatorAlgebra()
        a = alg.boson("a")
        S = alg.spinEnsemble("S", site: "σ", size: N)
        T = alg.spinEnsemble("T", site: "τ", size: N)
        let rootN = Expr.sqrt(N)
        // Eq. (1).
        let h = wc * a.creation * a.annihilation + wz * S.z + wz2 * T.z
            + lambda / rootN * (a.annihilation + a.creation) * (S.plus + S.minus)
            + eta / rootN * (a.annihilation * T.plus + a.creation * T.minus)
            + eta2 / N * (S.plus * T.minus + S.minus * T.plus)
        // Eq. (2): κ D[a] + γ↑ Σ_i D[τ_i^+] + γ↓ Σ_i D[τ_i^-].
        system = try OpenSystem(algebra: alg, hamiltonian: h, dissipators: [
            .collective(a.annihilation, rate: kappa),
            .perSite(T.sitePlus, rate: up), .perSite(T.siteMinus, rate: down)])
    }

    var options: MeanFieldOptions { MeanFieldOptions(order: .first, systemSize: N) }

    /// The paper's variables ⟨a⟩, ⟨a†⟩ = conj⟨a⟩, ... (intensive: the same symbols).
    func v(_ o: Expr) throws -> Expr { try system.expectation(o) }

    @Test func meanFieldEquationsA1() throws {
        let mf = try system.meanField([a.annihilation, S.z, S.minus, T.z, T.minus], options: options)
        // Closure: ⟨a†⟩, ⟨S^+⟩, ⟨T^+⟩ are conjugates, nothing else is needed.
        #expect(mf.added.isEmpty)
        #expect(mf.equations.count == 5)
        #expect(mf.equations.allSatisfy { $0.subleading.isEmpty })
        let (al, ad) = (try v(a.annihilation), try v(a.creation))
        let (sz, sm, sp) = (try v(S.z), try v(S.minus), try v(S.plus))
        let (tz, tm, tp) = (try v(T.z), try v(T.minus), try v(T.plus))
        #expect(ad == Expr.conj(al) && sp == Expr.conj(sm) && tp == Expr.conj(tm))
        #expect(sz.isReal && tz.isReal)
        let gt = up + down  // γ_t = γ↑ + γ↓ (Sec. II)
        // (A1), line by line as printed.
        let a1: [Expr: Expr] = [
            al: -i * eta * tm - (i * wc + kappa / 2) * al - i * lambda * (sp + sm),
            sz: i * lambda * (al + ad) * (sm - sp) + i * eta2 * (tp * sm - tm * sp),
            sm: -i * wz * sm + 2 * i * lambda * (al + ad) * sz + 2 * i * eta2 * tm * sz,
            tz: i * eta * (ad * tm - al * tp) - i * eta2 * (tp * sm - tm * sp) + (up - down) / 2 - gt * tz,
            tm: -(i * wz2 + gt / 2) * tm + 2 * i * eta * al * tz + 2 * i * eta2 * tz * sm,
        ]
        for e in mf.equations {
            let expected = try #require(a1[e.variable])
            #expect(same(e.rhs, expected), "d\(e.variable.symbol!.name)/dt differs from (A1)")
        }
        // The conjugate equations follow: d⟨a†⟩/dt = conj of the first line.
        #expect(same(try mf.rhs(for: ad), Expr.conjugate(a1[al]!)))
    }

    @Test func stabilityMatrixA2() throws {
        let mf = try system.meanField([a.annihilation, S.z, S.minus, T.z, T.minus], options: options)
        let (al, sm, tm, sz, tz) = (try v(a.annihilation), try v(S.minus), try v(T.minus), try v(S.z), try v(T.z))
        let tz0 = (up - down) / (2 * (up + down))  // ⟨T^z⟩ of the normal state, Appendix A
        let lin = try mf.linearize(
            variables: [al, Expr.conj(al), sm, Expr.conj(sm), tm, Expr.conj(tm)],
            about: [al: 0, sm: 0, tm: 0, sz: Expr.rational(-1, 2), tz: tz0])
        let (il, ie, ie2) = (i * lambda, i * eta, i * eta2)
        // (A2) as printed, with ⟨T^z⟩ = (γ↑ − γ↓)/(2γ_t).
        let a2: [[Expr]] = [
            [-i * wc - kappa / 2, 0, -il, -il, -ie, 0],
            [0, i * wc - kappa / 2, il, il, 0, ie],
            [-il, -il, -i * wz, 0, -ie2, 0],
            [il, il, 0, i * wz, 0, ie2],
            [2 * ie * tz0, 0, 2 * ie2 * tz0, 0, -i * wz2 - (up + down) / 2, 0],
            [0, -2 * ie * tz0, 0, -2 * ie2 * tz0, 0, i * wz2 - (up + down) / 2],
        ]
        for r in 0..<6 {
            for c in 0..<6 {
                #expect(same(lin.matrix[r][c], a2[r][c]), "A2 entry (\(r + 1), \(c + 1))")
            }
        }
        // The normal state is stationary for these six rows, and ⟨S^z⟩, ⟨T^z⟩ do not feed back
        // at linear order, so the 6×6 block is the whole story.
        #expect(lin.residuals.allSatisfy { $0.isZero })
        #expect(lin.omittedCouplings.isEmpty)
        // d⟨T^z⟩/dt vanishes at the normal state (checked at exact rational rates γ↑ = 3/5, γ↓ = 2/7).
        let rates: [Symbol: Expr] = [up.symbol!: Expr.rational(3, 5), down.symbol!: Expr.rational(2, 7)]
        let tzRow = (try mf.rhs(for: tz)).substitute([al.symbol!: 0, sm.symbol!: 0, tm.symbol!: 0, tz.symbol!: tz0])
        #expect(distribute(tzRow.substitute(rates)).isZero)
    }

    @Test func dissipatorTermsInIntensiveUnits() throws {
        // The brief's check: d⟨T^z⟩/dt ⊃ (γ↑ − γ↓)/2 − γ_t⟨T^z⟩ and d⟨T^-⟩/dt ⊃ −γ_t/2 ⟨T^-⟩
        // (from the hand computation in LindbladTests), read off at zero couplings.
        let zeroCouplings: [Symbol: Expr] = [lambda.symbol!: 0, eta.symbol!: 0, eta2.symbol!: 0]
        let mf = try system.meanField([T.z, T.minus], options: options)
        let (tz, tm) = (try v(T.z), try v(T.minus))
        #expect(same((try mf.rhs(for: tz)).substitute(zeroCouplings), (up - down) / 2 - (up + down) * tz))
        #expect(same((try mf.rhs(for: tm)).substitute(zeroCouplings), (-i * wz2 - (up + down) / 2) * tm))
    }

    @Test func closureAddsMissingOperators() throws {
        // Naming only ⟨a⟩: its equation needs ⟨S^-⟩ and ⟨T^-⟩, whose equations need ⟨S^z⟩
        // and ⟨T^z⟩ — the five variables of (A1), found automatically.
        let mf = try system.meanField([a.annihilation], options: options)
        let expected: Set<Expr> = [try v(a.annihilation), try v(S.minus), try v(T.minus), try v(S.z), try v(T.z)]
        #expect(Set(mf.variables) == expected)
        #expect(Set(mf.added) == [S.minus, T.minus, S.z, T.z])
    }

    @Test func dickeThresholdFromAppendixB() throws {
        // Second source: for η = η' = 0 the normal state loses stability where the 4×4 block
        // (δa, δa*, δS^-, δS^+) has a zero eigenvalue, at λ_c = √(ω_z(ω_c² + κ²/4)/(4ω_c))
        // (Appendix B of 003). At ω_c = 1, ω_z = 2, κ = 1/2: λ_c² = 17/32.
        let mf = try system.meanField([a.annihilation, S.z, S.minus, T.z, T.minus], options: options)
        let (al, sm, tm, sz, tz) = (try v(a.annihilation), try v(S.minus), try v(T.minus), try v(S.z), try v(T.z))
        let lin = try mf.linearize(variables: [al, Expr.conj(al), sm, Expr.conj(sm)],
                                   about: [al: 0, sm: 0, tm: 0, sz: Expr.rational(-1, 2), tz: 0])
        func block(lambdaSquared: Expr) throws -> Expr {
            let values: [Symbol: Expr] = [wc.symbol!: 1, wz.symbol!: 2, kappa.symbol!: Expr.rational(1, 2),
                                          eta.symbol!: 0, eta2.symbol!: 0, lambda.symbol!: Expr.sqrt(lambdaSquared)]
            return try lin.stabilityMatrix.map { distribute($0.substitute(values)) }.determinant().expand()
        }
        #expect(try block(lambdaSquared: Expr.rational(17, 32)).isZero)
        #expect(try !block(lambdaSquared: Expr.rational(1, 4)).isZero)
        #expect(try !block(lambdaSquared: Expr.rational(17, 31)).isZero)
    }

    @Test func secondOrderCumulantsReduceToA1WithoutCorrelations() throws {
        // Second method for the cumulant closure: in the second-order equations for the five
        // first moments, setting every connected pair correlation to zero (⟨XY⟩ = ⟨X⟩⟨Y⟩)
        // must give back the first-order equations (A1).
        let names = [a.annihilation, S.z, S.minus, T.z, T.minus]
        let first = try system.meanField(names, options: options)
        let second = try system.meanField(names, options: MeanFieldOptions(order: .secondCumulant, systemSize: N))
        var uncorrelated: [Symbol: Expr] = [:]
        for e in second.equations where !names.contains(e.operatorWord) {
            uncorrelated[e.variable.symbol!] = try system.expectation(e.operatorWord)
        }
        #expect(uncorrelated.count == second.equations.count - 5)
        for e in first.equations {
            #expect(same((try second.rhs(for: e.variable)).substitute(uncorrelated), e.rhs))
        }
    }
}
