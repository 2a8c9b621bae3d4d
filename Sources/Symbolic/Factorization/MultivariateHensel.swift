import ArbitraryPrecision

/// Multivariate Hensel lifting over ℚ (Wang's method as in Geddes, Czapor & Labahn,
/// Algorithms 6.2–6.4, with exact rational arithmetic in place of arithmetic mod p^l):
/// from F(x, 0, …, 0) = ∏ uᵢ(x) to F = ∏ Uᵢ, one variable yⱼ at a time, each correction the
/// solution of a multivariate diophantine equation. The evaluation point is 0 — the caller
/// translates its point there — so Taylor coefficients are plain coefficients of yⱼᵐ.
///
/// The leading coefficient of every Uᵢ in x is imposed (`leading`), which makes the lift
/// unique; the caller arranges F so that factors with those leading coefficients exist
/// (the lc trick: F·L^(r−1) with L = lc(F) imposed on all r factors).
struct MultivariateHensel {
    let x: Int
    let ys: [Int]
    let generators: [Expr]
    /// sᵢ with Σ sᵢ·∏_{l≠i} uₗ = 1, for the univariate factors at the point.
    let inverses: [UnivariatePolynomial]
    let images: [UnivariatePolynomial]

    init(x: Int, ys: [Int], generators: [Expr], images: [UnivariatePolynomial]) {
        self.x = x
        self.ys = ys
        self.generators = generators
        self.images = images
        // 1/∏uₗ = Σ sᵢ/uᵢ with sᵢ = (∏_{l≠i} uₗ)⁻¹ mod uᵢ (the uᵢ pairwise coprime).
        inverses = images.indices.map { i in
            let others = images.indices.filter { $0 != i }.reduce(UnivariatePolynomial.one) { $0 * images[$1] }
            let (g, s, _) = UnivariatePolynomial.extendedGCD(others, images[i])
            precondition(g.degree == 0, "images not coprime")
            return s % images[i]
        }
    }

    func polynomial(_ u: UnivariatePolynomial) -> Polynomial { u.polynomial(variable: x, generators: generators) }

    /// The factors U with ∏U = F and lc_x(Uᵢ) = leading[i], or nil when no such factors
    /// lift from the images (the images do not come from a factorisation of F).
    func lift(_ F: Polynomial, leading: [Polynomial]) -> [Polynomial]? {
        let k = ys.count
        // A[j]: F with y_{j+1}, …, y_k at 0.
        var A = [Polynomial](repeating: F, count: k + 1)
        for j in stride(from: k - 1, through: 0, by: -1) { A[j] = A[j + 1].evaluated(ys[j], at: 0) }
        let maxDegree = ys.map { F.degree(in: $0) }.max() ?? 0
        var U = images.map(polynomial)
        let one = Polynomial(1, generators: generators)
        for j in 1...k {
            let y = ys[j - 1]
            let U1 = U
            for i in U.indices {
                var lc = leading[i]
                for v in ys[j...] { lc = lc.evaluated(v, at: 0) }
                let d = U[i].degree(in: x)
                U[i] = U[i] - U[i].leadingCoefficient(in: x) * U[i].power(of: x, d) + lc * U[i].power(of: x, d)
            }
            var e = A[j] - U.reduce(one, *)
            let top = A[j].degree(in: y)
            var m = 1
            while m <= top && !e.isZero {
                let c = e.coefficient(ofDegree: m, in: y)
                if !c.isZero {
                    guard let dU = diophantine(U1, c, variables: j - 1, maxDegree: maxDegree) else { return nil }
                    let ym = one.power(of: y, m)
                    for i in U.indices { U[i] = U[i] + dU[i] * ym }
                    e = A[j] - U.reduce(one, *)
                }
                m += 1
            }
        }
        return U.reduce(one, *) == F ? U : nil
    }

    /// σ with Σ σᵢ·∏_{l≠i} aₗ = c, deg_x σᵢ < deg_x aᵢ, the aᵢ polynomials in x and the first
    /// `variables` of ys (Algorithm 6.2: solve at yᵥ = 0, then correct yᵥ-adically). Nil when
    /// the corrections do not close within maxDegree (no solution of the required shape).
    func diophantine(_ a: [Polynomial], _ c: Polynomial, variables v: Int, maxDegree: Int) -> [Polynomial]? {
        if v == 0 {
            guard let cu = UnivariatePolynomial(c, variable: x) else { return nil }
            return inverses.indices.map { i in polynomial((inverses[i] * cu) % images[i]) }
        }
        let y = ys[v - 1]
        let one = Polynomial(1, generators: generators)
        // b_i = ∏_{l≠i} a_l by prefix and suffix products.
        var prefix = [one], suffix = [one]
        for p in a { prefix.append(prefix.last! * p) }
        for p in a.reversed() { suffix.append(suffix.last! * p) }
        let b = a.indices.map { prefix[$0] * suffix[a.count - 1 - $0] }
        let aNew = a.map { $0.evaluated(y, at: 0) }
        guard var sigma = diophantine(aNew, c.evaluated(y, at: 0), variables: v - 1, maxDegree: maxDegree) else { return nil }
        var e = c - Polynomial.sum(a.indices.map { sigma[$0] * b[$0] }, generators: generators)
        var m = 1
        while m <= maxDegree && !e.isZero {
            let cm = e.coefficient(ofDegree: m, in: y)
            if !cm.isZero {
                guard let ds = diophantine(aNew, cm, variables: v - 1, maxDegree: maxDegree) else { return nil }
                let ym = one.power(of: y, m)
                for i in sigma.indices { sigma[i] = sigma[i] + ds[i] * ym }
                e = e - Polynomial.sum(a.indices.map { ds[$0] * ym * b[$0] }, generators: generators)
            }
            m += 1
        }
        return sigma
    }
}
