import ArbitraryPrecision

/// Irreducible factors over ℚ of a square-free polynomial F primitive in its main variable x,
/// in more than one variable: evaluate the other variables y at an integer point a that keeps
/// deg_x F and square-freeness, factor the univariate image, translate a to 0, and lift.
///
/// Several points are compared and the one with the fewest image factors is used (an image
/// with one factor proves F irreducible). With r image factors the lift runs on L^(r−1)·F,
/// L = lc_x(F), imposing L as every factor's leading coefficient: the true factors gᵢ then
/// appear as (L / lc(gᵢ))·gᵢ, and their primitive parts in x are the factors. When the point
/// split a true factor (the lift does not close), the next points are tried, then subsets
/// of image factors are lifted two at a time (a true factor always lifts; a smallest subset
/// that lifts gives an irreducible factor).
struct MultivariateFactorization {
    let F: Polynomial
    let x: Int
    let ys: [Int]

    /// Evaluation points tried at most, and how many good ones are compared.
    static let attempts = 60
    static let pointsCompared = 3

    init(_ F: Polynomial, x: Int, ys: [Int]) {
        self.F = F
        self.x = x
        self.ys = ys
    }

    struct Image {
        let point: [BigInt]
        let factors: [UnivariatePolynomial]
    }

    func factors() throws(FactorizationError) -> [Polynomial] {
        let n = F.degree(in: x)
        let L = F.leadingCoefficient(in: x)
        var images: [Image] = []
        var generator = SplitMix64(seed: 0x7A61_7373_656E_6861)
        for attempt in 0..<Self.attempts {
            // Zero first (sparsest), then small random points in a growing range.
            let range = 1 + attempt / 6
            let point = attempt == 0 ? ys.map { _ in BigInt.zero } : ys.map { _ in BigInt(generator.nextSigned(range)) }
            var lcValue = L
            var image = F
            for (v, a) in zip(ys, point) {
                lcValue = lcValue.evaluated(v, at: a)
                image = image.evaluated(v, at: a)
            }
            if lcValue.isZero { continue }
            guard let u = UnivariatePolynomial(image, variable: x), u.degree == n,
                  UnivariatePolynomial.gcd(u, u.derivative()).degree == 0 else { continue }
            let f = u.primitiveIntegerCoefficients
            let parts = try ZassenhausFactorization.factor(f.last!.signum < 0 ? f.map { -$0 } : f)
            if parts.count == 1 { return [F] }
            images.append(Image(point: point, factors: parts.map { UnivariatePolynomial($0.map { BigRational($0) }) }))
            if images.count == Self.pointsCompared { break }
        }
        guard !images.isEmpty else {
            throw .liftingFailed("no evaluation point kept the degree and square-freeness of a factor in \(F.generators[x])")
        }
        let ordered = images.enumerated().sorted { ($0.element.factors.count, $0.offset) < ($1.element.factors.count, $1.offset) }.map(\.element)
        for image in ordered where image.factors.count == ordered[0].factors.count {
            if let found = liftAll(image) { return found }
        }
        return try recombine(ordered[0])
    }

    /// F translated so that the point is 0.
    func translated(_ p: Polynomial, _ point: [BigInt]) -> Polynomial {
        zip(ys, point).reduce(p) { $0.translated($1.0, by: $1.1) }
    }

    func untranslated(_ p: Polynomial, _ point: [BigInt]) -> Polynomial {
        zip(ys, point).reduce(p) { $0.translated($1.0, by: -$1.1) }
    }

    /// The primitive part in x (the content a polynomial in the ys).
    func primitivePart(_ g: Polynomial) -> Polynomial {
        let content = g.content(in: x)
        let p = content.totalDegree > 0 ? g.exactQuotient(content)! : g
        return p.normalForm().primitive
    }

    /// Univariate images scaled to leading coefficient `lc` each.
    func scaled(_ us: [UnivariatePolynomial], to lc: BigRational) -> [UnivariatePolynomial] {
        us.map { $0.scaled(by: lc / $0.leadingCoefficient) }
    }

    /// The lift of all image factors at once; nil when it does not close.
    func liftAll(_ image: Image) -> [Polynomial]? {
        let Ft = translated(F, image.point)
        let L = Ft.leadingCoefficient(in: x)
        let r = image.factors.count
        let L0 = UnivariatePolynomial(ys.reduce(L) { $0.evaluated($1, at: 0) }, variable: x)!.leadingCoefficient
        let hensel = MultivariateHensel(x: x, ys: ys, generators: F.generators, images: scaled(image.factors, to: L0))
        guard let lifted = hensel.lift(Ft * L.power(r - 1), leading: Array(repeating: L, count: r)) else { return nil }
        return lifted.map { primitivePart(untranslated($0, image.point)) }
    }

    /// Subsets of image factors in increasing size, each lifted against the rest.
    func recombine(_ image: Image) throws(FactorizationError) -> [Polynomial] {
        var current = translated(F, image.point)
        var remaining = Array(image.factors.indices)
        var found: [Polynomial] = []
        var size = 1
        var tested = 0, checkedSize = 0
        while 2 * size <= remaining.count {
            if size != checkedSize {
                try FactorizationLimits.checkSubsets(tested: &tested, remaining: remaining.count, size: size, degree: F.degree(in: x))
                checkedSize = size
            }
            var progressed = false
            for subset in ZassenhausFactorization.subsets(of: remaining, size: size) {
                let L = current.leadingCoefficient(in: x)
                let L0 = UnivariatePolynomial(ys.reduce(L) { $0.evaluated($1, at: 0) }, variable: x)!.leadingCoefficient
                let a = subset.reduce(UnivariatePolynomial.one) { $0 * image.factors[$1] }
                let b = remaining.filter { !subset.contains($0) }.reduce(UnivariatePolynomial.one) { $0 * image.factors[$1] }
                let hensel = MultivariateHensel(x: x, ys: ys, generators: F.generators, images: scaled([a, b], to: L0))
                guard let lifted = hensel.lift(current * L, leading: [L, L]) else { continue }
                let g = primitivePart(lifted[0])
                guard let q = current.exactQuotient(g) else { continue }
                found.append(g)
                current = q
                remaining.removeAll { subset.contains($0) }
                progressed = true
                break
            }
            if !progressed { size += 1 }
        }
        found.append(current)
        return found.map { primitivePart(untranslated($0, image.point)) }
    }
}
