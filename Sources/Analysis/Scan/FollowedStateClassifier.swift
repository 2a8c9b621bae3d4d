import Algebra
import ArbitraryPrecision
import ComplexModule
import KeldyshNumerics
import OutputFormats
import Symbolic

/// What `keldysh scan --about N` follows: steady state N of `keldysh steady`, found at the
/// grid's corner (x_lo, y_lo), `start` its exact centre in the real unknowns.
public struct FollowedScanSpec: Sendable {
    public var meanField: MeanFieldSystem
    /// Every parameter but the two axes, exact.
    public var values: [Symbol: Expr]
    public var start: [BigRational]
    public var index: Int
    /// The model's declared steady point (the values of conserved quantities, as `steady` reads them).
    public var reference: [Expr: Expr]?

    public init(meanField: MeanFieldSystem, values: [Symbol: Expr], start: [BigRational], index: Int, reference: [Expr: Expr]?) {
        self.meanField = meanField
        self.values = values
        self.start = start
        self.index = index
        self.reference = reference
    }
}

/// The stability of one steady state over the grid, the state followed by continuation
/// rather than taken at the model's `steady` point: up the column x = x_lo from the corner,
/// then along each row from that column (tangent predictor, dogleg corrector, steps halved
/// as `BranchFollower` does), so the state at a point is the one connected to the corner's
/// along that path. The spectrum is the Jacobian's (LAPACK) at the followed state in double
/// precision, one eigenvalue per conserved quantity (the closest to 0) removed. Where the
/// state is lost on the way (a fold, a branch point) the rest of the row is `lost`.
public final class FollowedStateClassifier: GridClassifier, @unchecked Sendable {
    public let kind = "stability"
    public var legend: [PhaseLegend] {
        StabilityClassifier.stabilityLegend + [PhaseLegend(name: "lost", label: "state lost on the way (fold or branch point)", color: "#cccccc")]
    }
    public var columns: [String] { ["class", "unstable", "max_re", "im_at_max_re"] }
    let n: Int
    let x: GridAxis
    /// Generators: the unknowns, x, y.
    let row: (modified: CompiledSystem, original: CompiledSystem, slope: [CompiledPolynomial])
    /// The state at (x_lo, y) for each grid y (nil past a loss), by the y value.
    let seeds: [Double: [Double]]
    let conserved: Int
    public let notes: [String]

    public init(_ spec: FollowedScanSpec, x: GridAxis, y: GridAxis) throws {
        var values = spec.values
        values[x.symbol] = nil
        values[y.symbol] = nil
        let system = try RealMeanFieldSystem(meanField: spec.meanField, values: values, free: x.symbol, then: y.symbol)
        n = system.count
        guard spec.start.count == n else {
            throw AnalysisError.numerical("the steady state has \(spec.start.count) components, the equations \(n) unknowns")
        }
        var corner = values
        corner[x.symbol] = Expr.number(GaussianRational(BigRational(exactly: x.lower)))
        corner[y.symbol] = Expr.number(GaussianRational(BigRational(exactly: y.lower)))
        let shell = try exactPoint(spec.reference, of: system, resolved: try resolveAssignments(corner)) ?? spec.start
        let f = followable(system, shell: shell)
        row = (f.modified, f.original, f.slope)
        conserved = f.casimirs.count
        self.x = x
        // The column x = x_lo, followed in y: generators unknowns, y, x.
        var columnValues = values
        columnValues[x.symbol] = Expr.number(GaussianRational(BigRational(exactly: x.lower)))
        let column = followable(try RealMeanFieldSystem(meanField: spec.meanField, values: columnValues, free: y.symbol), shell: shell)
        let follower = BranchFollower(modified: column.modified, original: column.original, slope: column.slope, n: n,
                                      lower: y.lower, upper: y.upper, start: spec.start.map { $0.toDouble() },
                                      name: y.symbol.name, index: spec.index)
        var seeds: [Double: [Double]] = [y.lower: follower.path[0].x]
        var lostAt: Double?
        for j in 1..<max(y.count, 1) {
            let yv = y.value(j)
            do {
                let next = try follower.step(from: follower.path.last!, to: yv)
                follower.path.append(next)
                seeds[yv] = next.x
            } catch {
                lostAt = yv
                break
            }
        }
        self.seeds = seeds
        var notes = ["steady state \(spec.index) of `keldysh steady` at the corner (\(x.symbol.name), \(y.symbol.name)) = (\(x.lower), \(y.lower)) followed up the column \(x.symbol.name) = \(x.lower), then along each row (tangent predictor, dogleg corrector, steps halved until the correction is small against the move); spectra by LAPACK in double precision at the followed state"]
        if conserved > 0 {
            notes.append("conserved: " + f.casimirs.map { "\($0.text) = \($0.value)" }.joined(separator: "; ") + "; kept along the way, one zero eigenvalue per conserved quantity removed before classification")
        }
        if let lostAt { notes.append("the state is lost up the column near \(y.symbol.name) = \(lostAt): the rows above are `lost`") }
        self.notes = notes
    }

    public func makeRowEvaluator() throws -> (Double, [Double]) throws -> [GridPoint] {
        let n = self.n, conserved = self.conserved, x = self.x, row = self.row, seeds = self.seeds
        var solver = try ComplexEigenSolver(order: n)
        var matrix = DenseMatrix<Complex<Double>>(rows: n, columns: n, repeating: .zero)
        var values = [Complex<Double>](repeating: .zero, count: n)
        let lostCode = UInt8(StabilityClassifier.stabilityLegend.count)
        return { y, xs in
            guard let seed = seeds[y] else { return xs.map { _ in GridPoint(classCode: lostCode, fields: "lost,0,nan,nan") } }
            let follower = BranchFollower(modified: row.modified, original: row.original, slope: row.slope, n: n,
                                          lower: x.lower, upper: x.upper, start: seed, name: x.symbol.name, index: 0)
            follower.tail = [y]
            var out: [GridPoint] = []
            out.reserveCapacity(xs.count)
            var lost = false
            // Every grid x from x_lo up to this piece's last one: the path does not skip points.
            let wanted = Set(xs)
            var k = 0
            while k < x.count {
                let xv = x.value(k)
                if xv > xs.last! { break }
                if !lost && k > 0 {
                    do {
                        follower.path.append(try follower.step(from: follower.path.last!, to: xv))
                    } catch {
                        lost = true
                    }
                }
                if wanted.contains(xv) {
                    if lost {
                        out.append(GridPoint(classCode: lostCode, fields: "lost,0,nan,nan"))
                    } else {
                        let j = row.original.jacobian(follower.path.last!.x + [xv, y])
                        for r in 0..<n { for c in 0..<n { matrix[r, c] = Complex(j[r, c], 0) } }
                        do { try solver.eigenvalues(of: matrix, into: &values) } catch {
                            throw AnalysisError.numerical("eigenvalues at \(xv), \(y): \(error)", cause: .init(error))
                        }
                        var spectrum = values
                        var norm = 0.0
                        for r in 0..<n { for c in 0..<n { norm += j[r, c] * j[r, c] } }
                        for _ in 0..<conserved {
                            if let m = spectrum.indices.min(by: { spectrum[$0].length < spectrum[$1].length }) { spectrum.remove(at: m) }
                        }
                        let p = classify(eigenvalues: spectrum, tolerance: 1e-10 * max(1, norm.squareRoot()))
                        out.append(GridPoint(classCode: p.stabilityClass.rawValue,
                                             fields: "\(p.stabilityClass),\(p.unstableCount),\(p.maxReal),\(p.imaginaryAtMax)"))
                    }
                }
                k += 1
            }
            return out
        }
    }
}
