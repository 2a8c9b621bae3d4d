import ArbitraryPrecision
import Symbolic
import KeldyshNumerics
import ComplexModule

/// A threshold: a parameter value where eigenvalues of the stability matrix cross the
/// imaginary axis as one parameter varies — a change of stability (max Re λ changes sign),
/// or, asked for by kind, a real eigenvalue or a complex pair crossing whatever the others do.
public struct CertifiedThreshold: Sendable {
    public var parameter: String
    public var digits: Int
    /// The value rounded to `digits` significant digits (scientific notation).
    public var value: String
    /// A bracket [lower, upper] that contains the crossing and no other root of R(P).
    public var lower: BigRational
    public var upper: BigRational
    /// How the crossing was found and proved.
    public var method: ThresholdRoute
    /// Which eigenvalues cross the imaginary axis.
    public var crossing: CrossingKind
    /// |Im| of the eigenvalue crossing (its frequency), as a double (0 for a real crossing).
    public var frequency: Double
    /// +1: the crossing eigenvalues have Re λ > 0 above the threshold; −1: below.
    public var direction: Int
    /// The proof, line by line.
    public var proof: [String]
    /// Signs of the largest real part on both sides, at two working precisions.
    public var evidence: [SignEvidence]
    /// Degree of R(P) (resultant route).
    public var resultantDegree: Int?
    /// The frequency to `digits` digits, proven ("0" for a real crossing); nil when only the
    /// double is known (the bracketing route).
    public var frequencyDigits: String? = nil
    /// Eigenvalues with Re λ > 0 just below and just above (exact on the resultant route).
    public var below: UnstableCounts? = nil
    public var above: UnstableCounts? = nil
    /// Whether the state is stable on exactly one side (max Re λ changes sign here).
    public var changesStability = true
    /// False for a root of R where no eigenvalue crosses (it touches the axis and returns, or
    /// two eigenvalues cross in opposite directions at once): listed by `--all` as what it is.
    public var isCrossing = true
}

/// Eigenvalues that do not depend on the varied parameter, removed before the search.
public struct RemovedEigenvalues: Sendable {
    /// g(s), the factor of det(s − A) that does not depend on P, as printed.
    public var factor: String
    public var degree: Int
    /// Eigenvalues identically 0 (conserved quantities, symmetries).
    public var zeroModes: Int
    /// The other roots of g with Re > 0, Re < 0, and on the axis (or not separated from it).
    public var unstable: Int
    public var stable: Int
    public var marginal: Int
    /// When the eigenvalue 0 (multiplicity `zeroModes` ≥ 2) has fewer eigenvectors: their
    /// number and the point where A's rank showed it (`zeroModeNullity`).
    public var jordan: (eigenvectors: Int, at: BigRational)? = nil

    /// What a Jordan block of the eigenvalue 0 means for the word "stable", or nil.
    public var jordanNote: String? {
        guard let (m, p) = jordan else { return nil }
        return "the \(zeroModes)-fold eigenvalue 0 has only \(m) eigenvector\(m == 1 ? "" : "s") (A has rank \(degreeOfA - m) at \(p.decimal), hence at all but finitely many values): a Jordan block, so the linearisation grows like a power of t along it and no value is stable, at best marginal — undetermined at linear order"
    }
    /// n, the size of A.
    public var degreeOfA = 0

    public var summary: String {
        var parts: [String] = []
        if zeroModes > 0 { parts.append("\(zeroModes) eigenvalue\(zeroModes == 1 ? " is" : "s are") identically 0") }
        let rest = degree - zeroModes
        if rest > 0 {
            var kinds: [String] = []
            if stable > 0 { kinds.append("\(stable) with Re λ < 0") }
            if unstable > 0 { kinds.append("\(unstable) with Re λ > 0") }
            if marginal > 0 { kinds.append("\(marginal) on the imaginary axis") }
            parts.append("\(rest) other\(rest == 1 ? "" : "s") do\(rest == 1 ? "es" : "") not move (\(kinds.joined(separator: ", ")))")
        }
        if let j = jordanNote { parts.append(j) }
        return "g(s) = \(factor) divides det(s − A) for every value of the parameter: " + parts.joined(separator: "; ")
            + "; removed before the search"
    }
}

/// What a threshold search found: the crossings asked for, every other root of R(P) in the
/// interval (classified), and the eigenvalues that were removed as independent of P.
public struct CrossingSearch: Sendable {
    public var selected: [CertifiedThreshold]
    public var others: [CertifiedThreshold]
    public var removed: RemovedEigenvalues?
    /// Degree of R and its number of real roots (anywhere).
    public var resultantDegree: Int
    public var realRootCount: Int
    /// Stretches of the interval where nothing is unstable but eigenvalues stay on the
    /// imaginary axis (an axis factor): max Re λ ≡ 0 there. Said in the notes and errors.
    public var marginal: [String] = []
}

/// The thresholds of `problem` (one free parameter, every other parameter an exact
/// rational) in [lower, upper] where max Re λ changes sign (`CrossingSelection.max`); throws
/// `.noCrossing` when there is none, naming the other roots of R it proved.
public func certifiedThresholds(_ problem: StabilityProblem, lower: BigRational, upper: BigRational,
                                digits: Int) throws -> [CertifiedThreshold] {
    let search = try thresholdCrossings(problem, lower: lower, upper: upper, digits: digits, selection: .max)
    guard !search.selected.isEmpty else { throw noCrossingError(search, problem: problem, lower: lower, upper: upper, selection: .max) }
    return search.selected
}

/// Every real root of the crossing resultant R(P) in [lower, upper] (Sturm isolation), each
/// with the exact number of unstable eigenvalues (real and non-real) on both sides — Routh
/// array and Sturm sequences of p over ℚ, or verified root-inclusion disks when p has
/// complex coefficients — so that each crossing has a proven kind and direction; the value
/// refined to `digits` digits and, at a complex crossing, the frequency too. Factors of
/// det(s − A) independent of P (zero modes) are removed first and reported.
public func thresholdCrossings(_ problem: StabilityProblem, lower: BigRational, upper: BigRational, digits: Int,
                               selection: CrossingSelection) throws -> CrossingSearch {
    guard digits >= 1 else { throw AnalysisError.badRange("\(digits)", reason: "digits must be positive") }
    guard lower < upper else { throw AnalysisError.badRange("\(lower):\(upper)", reason: "the range is empty") }
    let name = problem.free[0].name
    let elimination = try CrossingPolynomial.cached(problem: problem)
    var removed = try removedEigenvalues(elimination)
    if var g = removed, g.zeroModes >= 2 {
        // A Jordan block of the zero modes: n − rank A(P₀) < k at one point proves it at all
        // but finitely many P (the rank of A(P) is generic there or higher).
        let p0 = lower + (upper - lower) * BigRational(BigInt(5), BigInt(13))
        g.degreeOfA = problem.order
        if let m = zeroModeNullity(problem, at: p0), m < g.zeroModes { g.jordan = (m, p0) }
        removed = g
    }
    let r = elimination.resultant
    var selected: [CertifiedThreshold] = [], others: [CertifiedThreshold] = []
    let roots = try axisRoots(elimination, lower: lower, upper: upper, digits: digits)
    for root in roots {
        // Stability cannot change while a removed eigenvalue is unstable.
        let stabilityChange = root.changesStability && (removed?.unstable ?? 0) == 0
        let (lo, hi) = root.exactValue.map { ($0, $0) } ?? (root.fine.lower, root.fine.upper)
        var head = ["p(s; \(name)) = det(s − A(\(name))), degree \(problem.order) in s"]
        if let g = removed { head.append(g.summary + " (q = p/g)") }
        if elimination.axisFactor != nil {
            head.append("R(\(name)) = \(elimination.form) has degree \(r.degree); every \(name) where an eigenvalue of r is on the imaginary axis, or a root x = ω² of h leaves [0, ∞) (its pair ±iω leaves the axis), is a real root of R; between them the eigenvalues ±iω of h's positive roots stay on the axis")
        } else {
            head.append("R(\(name)) = \(elimination.form) has degree \(r.degree); every \(name) where an eigenvalue"
                        + (removed == nil ? "" : " of q") + " is on the imaginary axis is a real root of R")
        }
        if root.exactValue != nil {
            head.append("\(name) = \(lo) is an exact rational root of R")
        } else {
            head.append("R has exactly one real root in [\(lo.decimal), \(hi.decimal)] (Sturm sequence: 1 root)")
        }
        head.append("it has exactly one root in the wider interval [\(root.left.decimal), \(root.right.decimal)], where the eigenvalues with Re λ > 0 are counted:")
        for e in root.evidence { head.append("  \(name) " + e.proofLine) }
        let events = root.events
        if events.isEmpty {
            let entry = CertifiedThreshold(
                parameter: name, digits: digits, value: root.value, lower: lo, upper: hi, method: .resultant,
                crossing: root.below.real == root.above.real && root.below.complex != 0 ? .complex : .real, frequency: 0,
                direction: 0, proof: head + ["the counts agree on both sides: no eigenvalue crosses here (an eigenvalue touches the imaginary axis and returns, a pair ±a of real eigenvalues, or crossings in opposite directions at once)"],
                evidence: root.evidence, resultantDegree: r.degree, frequencyDigits: nil, below: root.below,
                above: root.above, changesStability: false, isCrossing: false)
            others.append(entry)
            continue
        }
        for (kind, direction) in events {
            var proof = head
            var frequency = 0.0
            var frequencyText: String? = "0"
            switch kind {
            case .real:
                proof.append("a real eigenvalue crosses 0 here: real eigenvalues with Re λ > 0 go from \(root.below.real) to \(root.above.real)")
            case .complex:
                let dc = root.above.complex - root.below.complex
                proof.append("a complex pair crosses the imaginary axis here: non-real eigenvalues with Re λ > 0 go from \(root.below.complex) to \(root.above.complex)"
                             + (abs(dc) == 2 ? "" : " (\(abs(dc) / 2) pairs at once)"))
                if let f = axisFrequency(elimination, root: root, digits: digits, name: name) {
                    frequency = f.value
                    frequencyText = f.text
                    proof.append(f.proof)
                } else {
                    frequencyText = nil
                    proof.append("ω: neither the first subresultant of E and O nor the inclusion disks separated the crossing pair at \(digits) digits; not reported")
                }
            }
            if selection == .max && stabilityChange {
                let quiet = root.below.total == 0 ? root.below : root.above
                if let j = removed?.jordanNote {
                    proof.append("on the side without unstable eigenvalues of q (\(root.below.total == 0 ? "below" : "above") the root) \(j)")
                } else if quiet.marginal > 0 {
                    // Honest about the "stable" side: eigenvalues on the axis are not decaying.
                    proof.append("on the side without unstable eigenvalues (\(root.below.total == 0 ? "below" : "above") the root, up to the next root of R) \(quiet.marginal) eigenvalues stay on the imaginary axis: max Re λ ≡ 0 there (marginal, not asymptotically stable), and > 0 on the other side")
                } else {
                    proof.append("max Re λ is continuous in \(name) and vanishes only at roots of R, so it crosses zero at this root and nowhere else in the interval")
                }
            }
            let entry = CertifiedThreshold(
                parameter: name, digits: digits, value: root.value, lower: lo, upper: hi, method: .resultant, crossing: kind,
                frequency: frequency, direction: direction, proof: proof, evidence: root.evidence, resultantDegree: r.degree,
                frequencyDigits: frequencyText, below: root.below, above: root.above, changesStability: stabilityChange)
            let wanted: Bool
            switch selection {
            case .max: wanted = stabilityChange
            case .real: wanted = kind == .real
            case .complex: wanted = kind == .complex
            case .any: wanted = true
            }
            if wanted { selected.append(entry) } else { others.append(entry) }
        }
    }
    var search = CrossingSearch(selected: selected, others: others, removed: removed, resultantDegree: r.degree,
                                realRootCount: elimination.sturm.realRootCount)
    if elimination.axisFactor != nil {
        search.marginal = try marginalStretches(elimination, roots: roots, lower: lower, upper: upper, name: name)
    }
    return search
}

/// The error of a search that found nothing of the kind asked for; it names every other root
/// of R the search proved in the interval.
func noCrossingError(_ search: CrossingSearch, problem: StabilityProblem, lower: BigRational, upper: BigRational,
                     selection: CrossingSelection) -> AnalysisError {
    let name = problem.free[0].name
    var what: String
    switch selection {
    case .max: what = "the largest real part of the eigenvalues does not change sign"
    case .real: what = "no real eigenvalue crosses zero"
    case .complex: what = "no complex pair crosses the imaginary axis"
    case .any: what = "no eigenvalue crosses the imaginary axis"
    }
    what += " for \(name) in [\(lower.decimal), \(upper.decimal)] (R(\(name)) has \(search.realRootCount) real roots in all"
    if let g = search.removed { what += "; " + g.summary }
    what += ")"
    if !search.marginal.isEmpty { what += "; " + search.marginal.joined(separator: "; ") }
    if !search.others.isEmpty {
        what += "; R has \(search.others.count) root\(search.others.count == 1 ? "" : "s") there: "
            + search.others.map { "\(name) = \($0.value) (\($0.role))" }.joined(separator: "; ")
        what += "; `--crossing real|complex|any` or `--all` reports them"
    }
    return .noCrossing(what)
}

extension CertifiedThreshold {
    /// What happens at this root, in words (for listings of the roots not asked for).
    public var role: String {
        guard isCrossing else { return "no crossing: the unstable counts are \(below?.description ?? "?") on both sides" }
        let who = crossing == .real ? "a real eigenvalue" : "a complex pair" + (frequencyDigits.map { ", ω = \($0)," } ?? "")
        let way = direction > 0 ? "into Re λ > 0 as \(parameter) increases" : "into Re λ < 0 as \(parameter) increases"
        let counts = below.map { b in "; eigenvalues with Re λ > 0: \(b.total) → \(above!.total)" } ?? ""
        return "\(who) crosses \(way)\(counts)"
    }
}

/// The roots of the removed factor g, located by verified inclusion disks.
func removedEigenvalues(_ elimination: CrossingPolynomial) throws -> RemovedEigenvalues? {
    guard let g = elimination.removedFactor else { return nil }
    let zero = g.prefix { $0.isZero }.count
    let rest = Array(g.dropFirst(zero))
    var stable = 0, unstable = 0, marginal = 0
    if rest.count > 1 {
        let clusters = try verifiedRoots(digits: 20, realFamily: true, maxBits: 2048) { _ in
            rest.map { ComplexBall(BigRational($0)) }
        }
        for c in clusters {
            switch c.realPartSign {
            case 1: unstable += c.count
            case -1: stable += c.count
            default: marginal += c.count
            }
        }
    }
    return RemovedEigenvalues(factor: CrossingPolynomial.describeFactor(g, scale: elimination.scale), degree: g.count - 1, zeroModes: zero,
                              unstable: unstable, stable: stable, marginal: marginal)
}

extension BigRational {
    /// ⌊log2 |q|⌋ for q ≠ 0 (approximate: from bit widths).
    var log2Floor: Int { numerator.magnitude.bitWidth - denominator.bitWidth }
}

/// The stretches between the roots of R in [lower, upper] where no eigenvalue is unstable but
/// some stay on the imaginary axis, in words (the counts of a stretch are those next to its
/// roots, or at a point of it when there is no root: they cannot change inside).
func marginalStretches(_ elimination: CrossingPolynomial, roots: [AxisRoot], lower: BigRational, upper: BigRational,
                       name: String) throws -> [String] {
    var stretches: [(BigRational, BigRational, UnstableCounts)] = []
    if roots.isEmpty {
        // No root of R in [lower, upper]: any regular point of the interval tells.
        var found: UnstableCounts?
        for k in 1..<16 where found == nil {
            found = elimination.unstableCounts(at: lower + (upper - lower) * BigRational(BigInt(k), BigInt(16)))?.0
        }
        guard let c = found else { throw AnalysisError.numerical("cannot count the eigenvalues on the imaginary axis in [\(lower.decimal), \(upper.decimal)]") }
        stretches.append((lower, upper, c))
    } else {
        stretches.append((lower, roots[0].fine.lower, roots[0].below))
        for (a, b) in zip(roots, roots.dropFirst()) { stretches.append((a.fine.upper, b.fine.lower, a.above)) }
        stretches.append((roots.last!.fine.upper, upper, roots.last!.above))
    }
    return stretches.filter { $0.2.total == 0 && $0.2.marginal > 0 && $0.0 < $0.1 }.map { lo, hi, c in
        "max Re λ ≡ 0 for \(name) in (\(lo.decimalShort), \(hi.decimalShort)): no eigenvalue has Re λ > 0 and \(c.marginal) stay on the imaginary axis (a conservative sector, h(ω², \(name)) with positive roots) — marginal, not asymptotically stable"
    }
}
