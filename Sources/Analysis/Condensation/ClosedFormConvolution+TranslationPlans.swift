import ComplexModule
import KeldyshNumerics
import RealModule

/// The translation plans: a piece whose factors are frequency-free or translates f(ν − ω) has
/// poles fixed or moving rigidly with ω, prepared once per parameter point (`prepare`).
extension ClosedFormConvolution {
    /// Piece k's plan for this point, from the coefficients at ω = 0: its fixed poles, then its
    /// moving ones (at ω = 0), their constant products of differences, the constant and the fixed
    /// poles' ψ. False (the per-node path keeps the piece) for poles that are not simple or lie on
    /// the real axis, as the per-node path would refuse them.
    func preparePiece(_ k: Int, _ o: UnsafePointer<Double>) -> Bool {
        let plan = plans[k]
        @inline(__always) func value(_ k: Int) -> Complex<Double> { Complex(o[2 * k], o[2 * k + 1]) }
        @inline(__always) func top(_ lower: Int, _ upper: Int) -> Int {
            var t = upper - 1
            while t > lower, o[2 * t] == 0 && o[2 * t + 1] == 0 { t -= 1 }
            return t
        }
        let fs = factors + plan.firstFactor, base = basePoles + firstPole[k]
        var constant = Complex<Double>(1, 0), count = 0, fixed = 0
        for i in 0..<plan.factorCount where top(fs[i].lower, fs[i].upper) == fs[i].lower {
            constant *= value(fs[i].lower)
        }
        // Fixed factors' roots first, then the moving factors' (at ω = 0).
        for pass in 0..<2 {
            for i in 0..<plan.factorCount where fs[i].fixed == (pass == 0) {
                let d = fs[i]
                let t = top(d.lower, d.upper), n = t - d.lower
                if n == 0 { continue }
                let c0 = value(d.lower), c1 = value(d.lower + 1), a = value(t)
                constant *= a
                if n == 1 {
                    base[count] = -c0 / c1
                    count += 1
                } else {
                    // A zero root pair (q = 0) is a double pole: the checks below refuse it.
                    (base[count], base[count + 1]) = Self.quadraticRoots(c0, c1, a)
                    count += 2
                }
            }
            if pass == 0 { fixed = count }
        }
        guard count >= 2, constant != .zero, constant.isFinite else { return false }
        // Simple poles only (the per-node path's criterion), among the fixed and among the
        // moving ones; a fixed and a moving pole are compared at each node.
        let products = baseProducts + firstPole[k]
        for i in 0..<count {
            let group = i < fixed ? 0..<fixed : fixed..<count
            // The constant (N's normalisation) and, for a moving pole, the sign of
            // Π_i (z_a − f_i) = (−1)^fixed Π_i (f_i − z_a) go into the product once here.
            var p = i >= fixed && fixed % 2 == 1 ? -constant : constant
            for j in group where j != i {
                let d = base[i] - base[j]
                guard d.lengthSquared > 1e-14 * max(1, base[i].lengthSquared, base[j].lengthSquared) else { return false }
                p *= d
            }
            products[i] = p
        }
        for i in 0..<fixed {
            guard base[i].imaginary * base[i].imaginary > 1e-26 * max(1, base[i].lengthSquared) else { return false }
        }
        if plan.slope >= 0 {
            let (scale, mu) = Self.tanhScale(plan, o)
            for i in 0..<fixed { basePsi[firstPole[k] + i] = pointMemo.digamma(Self.digammaArgument(base[i], scale: scale, mu: mu)) }
        }
        fixedCount[k] = fixed
        poleCount[k] = count
        return true
    }

    /// Piece k at ω by its translation plan: the moving poles are the plan's plus ω, and each
    /// residue is N(z)/(its constant product, with N's normalisation, × the products fixed −
    /// moving at this node). Nil
    /// where a fixed and a moving pole meet (a double pole: the general path's).
    func translatedPiece(_ k: Int, _ plan: PiecePlan, _ w: Double, _ o: UnsafePointer<Double>) -> Complex<Double>? {
        var t = plan.numeratorUpper - 1
        while t > plan.numeratorLower, o[2 * t] == 0 && o[2 * t + 1] == 0 { t -= 1 }
        if t == plan.numeratorLower, o[2 * t] == 0 && o[2 * t + 1] == 0 { return .zero }
        let numeratorDegree = t - plan.numeratorLower
        let fixed = fixedCount[k], count = poleCount[k]
        guard numeratorDegree <= count - 2 else { return nil }
        let base = basePoles + firstPole[k], products = baseProducts + firstPole[k]
        for i in 0..<fixed { poles[i] = base[i]; poleFixed[i] = true }
        for a in fixed..<count {
            let z = Complex(base[a].real + w, base[a].imaginary)
            guard z.imaginary * z.imaginary > 1e-26 * max(1, z.lengthSquared) else { return nil }
            poles[a] = z
            poleFixed[a] = false
        }
        let moving = count - fixed
        for i in 0..<fixed {
            for a in fixed..<count {
                let d = poles[i] - poles[a]
                guard d.lengthSquared > 1e-14 * max(1, poles[a].lengthSquared) else { return nil }
                differences[i * moving + a - fixed] = d
            }
        }
        // N as compiled (its normalisation is in the products).
        let n = o + 2 * plan.numeratorLower
        @inline(__always) func numeratorAt(_ z: Complex<Double>) -> Complex<Double> {
            var acc = Complex(n[2 * numeratorDegree], n[2 * numeratorDegree + 1])
            for m in stride(from: numeratorDegree - 1, through: 0, by: -1) { acc = acc * z + Complex(n[2 * m], n[2 * m + 1]) }
            return acc
        }
        for i in 0..<fixed {
            var s = products[i]
            for a in 0..<moving { s *= differences[i * moving + a] }
            residues[i] = Self.quotient(numeratorAt(poles[i]), s)
        }
        for a in fixed..<count {
            var s = products[a]
            for i in 0..<fixed { s *= differences[i * moving + a - fixed] }
            residues[a] = Self.quotient(numeratorAt(poles[a]), s)
        }
        return finish(count, plan, o, knownPsi: basePsi + firstPole[k], known: fixed)
    }
}
