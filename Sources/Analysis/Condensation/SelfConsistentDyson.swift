import ComplexModule
import KeldyshNumerics
import RealModule

/// The self-consistent reading of A51 on the nodes of the outer rule, for the normal state and
/// the condensate alike: Σ of A52 depends on G's six Nambu-diagonal entries (R, K, A of bb and
/// aa), and is linear in them, so Σ[G] = Σ[G₀] (closed form, exact at every ω however far out)
/// + the node sum Σ_j w_j density(ν_j, ω_i, G(ν_j) − G₀(ν_j)) over the compiled densities of
/// A53–A58 (G − G₀ decays faster than G₀). The caller dresses: `dress(i, extra)` is G's six
/// diagonal entries at node i with Σ[G₀] + `extra` in the kernel.
///
/// Sweeps are Anderson-accelerated (`AndersonMixer`: plain mixing converges linearly with a rate
/// near 1 here); where they stall (a strong drive) the history is dropped and the iteration
/// restarts from the best iterate with half the step β. Every start is the one-shot G (a warm
/// start from another point would make the value depend on a search's history at the level of
/// the tolerance, which root bracketing cannot tolerate). Converged when a sweep moves no entry
/// by more than 10⁻¹¹ of G₀'s largest.
struct SelfConsistentDyson {
    let nodes: FrequencyNodes
    /// G₀'s six diagonal entries per node.
    let free: [[Complex<Double>]]
    /// The densities (inputs (ν, ω), `parameters`, six complex slots) and the caller's tape of them.
    let compiled: CompiledFunction
    let density: TapeEvaluator
    let parameters: [Double]
    /// The densities' nonzero coefficients c_t(ν, ω) (density `terms[t].entry` gets c_t times
    /// slot `terms[t].slot`), when the layer above proved the densities linear in the slots:
    /// evaluated once per (ω_i, ν_j) and solve, a sweep is then a product with that table instead
    /// of a density evaluation per pair. nil: the densities run every sweep.
    var linear: (tape: TapeEvaluator, terms: [(entry: Int, slot: Int)])? = nil

    /// Σ[G − G₀] at every node from the coefficient table: Σ_j Σ_t (w_j c_t)(ν_j, ω_i) δ_j,slot(t).
    private func tabulatedSum(_ table: [Double], _ delta: [Double], _ terms: [(entry: Int, slot: Int)]) -> [[Complex<Double>]] {
        let n = nodes.count, m = terms.count
        var extra: [[Complex<Double>]] = []
        extra.reserveCapacity(n)
        var acc = [Double](repeating: 0, count: 12)
        table.withUnsafeBufferPointer { t in
            delta.withUnsafeBufferPointer { d in
                acc.withUnsafeMutableBufferPointer { a in
                    for i in 0..<n {
                        for q in 0..<12 { a[q] = 0 }
                        for j in 0..<n {
                            let row = t.baseAddress! + (i * n + j) * 2 * m, dj = d.baseAddress! + 12 * j
                            for (q, term) in terms.enumerated() {
                                let cr = row[2 * q], ci = row[2 * q + 1]
                                let dr = dj[2 * term.slot], di = dj[2 * term.slot + 1]
                                a[2 * term.entry] += cr * dr - ci * di
                                a[2 * term.entry + 1] += cr * di + ci * dr
                            }
                        }
                        extra.append((0..<6).map { Complex(a[2 * $0], a[2 * $0 + 1]) })
                    }
                }
            }
        }
        return extra
    }

    /// Σ[G − G₀] at every node from the densities at every pair (ν_j, ω_i).
    private func densitySum(_ delta: [Double], input: inout [Double], output: inout [Double]) -> [[Complex<Double>]] {
        let n = nodes.count, p = parameters.count
        var extra: [[Complex<Double>]] = []
        extra.reserveCapacity(n)
        for i in 0..<n {
            var acc = [Complex<Double>](repeating: .zero, count: 6)
            input[1] = nodes.x[i]
            for j in 0..<n {
                input[0] = nodes.x[j]
                for k in 0..<12 { input[2 + p + k] = delta[12 * j + k] }
                input.withUnsafeBufferPointer { inp in output.withUnsafeMutableBufferPointer { o in density.evaluate(inputs: inp.baseAddress!, into: o.baseAddress!) } }
                let w = nodes.w[j]
                for e in 0..<6 { acc[e] += Complex(w * output[2 * e], w * output[2 * e + 1]) }
            }
            extra.append(acc)
        }
        return extra
    }

    /// The table's largest size (doubles, 64 MB): 547 nodes at the 14 terms of paper 000's
    /// densities. Finer rules evaluate the densities every sweep instead.
    static let tableLimit = 1 << 23

    /// w_j c_t(ν_j, ω_i) for every (i, j), 2 doubles a term and pair, or nil (no coefficients, or
    /// over `tableLimit`).
    func coefficientTable() -> [Double]? {
        let n = nodes.count
        guard let linear, n * n * 2 * linear.terms.count <= Self.tableLimit else { return nil }
        let width = 2 * linear.terms.count
        var input = [Double](repeating: 0, count: 2 + parameters.count)
        for (k, v) in parameters.enumerated() { input[2 + k] = v }
        var table = [Double](repeating: 0, count: n * n * width)
        table.withUnsafeMutableBufferPointer { t in
            input.withUnsafeMutableBufferPointer { inp in
                for i in 0..<n {
                    inp[1] = nodes.x[i]
                    for j in 0..<n {
                        inp[0] = nodes.x[j]
                        let row = t.baseAddress! + (i * n + j) * width
                        linear.tape.evaluate(inputs: UnsafePointer(inp.baseAddress!), into: row)
                        let w = nodes.w[j]
                        for q in 0..<width { row[q] *= w }
                    }
                }
            }
        }
        return table
    }

    /// The extra self-energy Σ[G − G₀] per node at convergence, and the number of sweeps.
    func solve(_ dress: (Int, [Complex<Double>]) -> [Complex<Double>]) throws -> (extra: [[Complex<Double>]], sweeps: Int) {
        let n = nodes.count
        let zero = [Complex<Double>](repeating: .zero, count: 6)
        var g = (0..<n).map { dress($0, zero) }
        var input = [Double](repeating: 0, count: compiled.inputCount)
        for (k, v) in parameters.enumerated() { input[2 + k] = v }
        var output = [Double](repeating: 0, count: 2 * compiled.outputCount)
        var delta = [Double](repeating: 0, count: 12 * n)
        var mixer = AndersonMixer()
        let table = coefficientTable(), terms = linear?.terms ?? []
        var best = (change: Double.infinity, g: g, at: 0)
        var lastChange = Double.infinity
        let scale = free.reduce(0.0) { m, e in e.reduce(m) { max($0, $1.length) } }
        func flat(_ t: [[Complex<Double>]]) -> [Double] { t.flatMap { $0.flatMap { [$0.real, $0.imaginary] } } }
        for sweep in 1...300 {
            // G − G₀ once per sweep, not once per (i, j).
            for j in 0..<n {
                for e in 0..<6 {
                    let d = g[j][e] - free[j][e]
                    delta[12 * j + 2 * e] = d.real
                    delta[12 * j + 2 * e + 1] = d.imaginary
                }
            }
            let extra = table.map { tabulatedSum($0, delta, terms) } ?? densitySum(delta, input: &input, output: &output)
            let next = (0..<n).map { dress($0, extra[$0]) }
            var change = 0.0
            for i in 0..<n { for e in 0..<6 { change = max(change, (next[i][e] - g[i][e]).length) } }
            guard change.isFinite else { throw CondensationError.nonFinite("the self-consistent iteration (sweep \(sweep))") }
            lastChange = change
            if change <= 1e-11 * scale { return (extra, sweep) }
            if change < 0.5 * best.change {
                best = (change, g, sweep)
            } else if sweep - best.at >= 25 {
                mixer = AndersonMixer(memory: mixer.memory, beta: max(mixer.beta / 2, 1.0 / 16))
                g = best.g
                best.at = sweep
                continue
            }
            let x = mixer.next(x: flat(g), image: flat(next))
            for i in 0..<n { for e in 0..<6 { g[i][e] = Complex(x[12 * i + 2 * e], x[12 * i + 2 * e + 1]) } }
        }
        throw CondensationError.integral("the self-consistent Dyson iteration did not converge in 300 sweeps (last change \(short(lastChange)) against entries of size \(short(scale)))")
    }
}
