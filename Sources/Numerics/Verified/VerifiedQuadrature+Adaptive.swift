import ArbitraryPrecision

/// A verified integral over [a, b]: `value` ⊇ ∫_a^b f, its radius including `truncation`
/// (Σ of the panels' proven quadrature-error bounds, at most the requested tolerance) and the
/// width of the point enclosures and roundings (not controlled by the tolerance).
public struct VerifiedIntegral: Sendable {
    public struct Panel: Sendable {
        public let lower: BigRational
        public let upper: BigRational
        public let points: Int
        /// M, the caller's bound of |f| on the panel's disk.
        public let bound: BigRational
        public let truncation: BigRational
    }

    public let value: ComplexBall
    public let truncation: BigRational
    public let panels: [Panel]
    /// Calls of `value` (the point evaluations) and of `diskBound`.
    public let evaluations: Int
    public let diskBounds: Int
}

extension VerifiedQuadrature {
    public static let defaultPointCounts = [8, 12, 16, 24, 32, 48, 64]

    /// ∫_a^b f enclosed with total truncation bound ≤ `tolerance`.
    ///
    /// The interval is cut into panels first, using only `diskBound` (disk radius `ratio`·h
    /// around each panel's centre, h its half-width): a panel is kept with the smallest point
    /// count whose bound h·M·E(ratio) (see `panel`) is within its share tolerance·(length/(b − a)),
    /// and halved where `diskBound` throws or no point count suffices (M usually shrinks as the
    /// disk moves off a singularity). Only then is f evaluated, at Σ (point counts) points, so a
    /// refusal costs no point evaluations. The work is bounded before it starts: at most
    /// `maximumPanels` panels (so at most 2·maximumPanels − 1 disk bounds), at most
    /// `maximumDepth` halvings of any panel, point counts from `pointCounts` (each ≤
    /// `RationalQuadratureRule.maximumPoints`). The rules are Gauss–Legendre at `bits` bits,
    /// whose defects (~2^−bits) limit the reachable tolerance; the sums round to `bits` bits.
    /// An error thrown by `value` is passed on unchanged (the caller's own reason).
    ///
    /// ratio: the golden mean of cost is near e (evaluations per length ∝ ρ/ln ρ at a fixed
    /// distance to the nearest singularity); 2 wastes 6% and keeps the disks small.
    public static func integrate(from a: BigRational, to b: BigRational, tolerance: BigRational, bits: Int,
                                 ratio: BigRational = 2, pointCounts: [Int] = defaultPointCounts,
                                 maximumPanels: Int = 256, maximumDepth: Int = 40,
                                 value: (BigRational) throws -> ComplexBall,
                                 diskBound: (_ center: BigRational, _ radius: BigRational) throws -> BigRational)
        throws -> VerifiedIntegral {
        guard a < b else { throw VerifiedQuadratureError.invalidArgument("the interval needs a < b") }
        guard tolerance.signum > 0 else { throw VerifiedQuadratureError.invalidArgument("the tolerance must be positive") }
        guard ratio > 1 else { throw VerifiedQuadratureError.invalidArgument("the disk ratio must exceed 1") }
        guard (1...(1 << 16)).contains(maximumPanels), (0...200).contains(maximumDepth) else {
            throw VerifiedQuadratureError.invalidArgument("panel budget 1…65536 and depth 0…200 required")
        }
        let counts = Array(Set(pointCounts)).sorted()
        guard let largest = counts.last, counts[0] >= 1, largest <= RationalQuadratureRule.maximumPoints else {
            throw VerifiedQuadratureError.invalidArgument(
                "point counts must be in 1…\(RationalQuadratureRule.maximumPoints)")
        }
        var rules: [Int: (RationalQuadratureRule, BigRational)] = [:]
        func rule(_ n: Int) throws -> (RationalQuadratureRule, BigRational) {
            if let r = rules[n] { return r }
            let r = try RationalQuadratureRule.gaussLegendre(points: n, bits: bits)
            let entry = (r, r.errorFactor(rho: ratio))
            rules[n] = entry
            return entry
        }

        // Depth first, left half on top: panels come out ordered left to right.
        var pending: [(lower: BigRational, upper: BigRational, depth: Int)] = [(a, b, 0)]
        var accepted: [VerifiedIntegral.Panel] = []
        var diskBounds = 0
        let length = b - a
        while let (l, u, depth) = pending.popLast() {
            let h = (u - l) / 2, c = (l + u) / 2
            diskBounds += 1
            let reason: String
            do {
                let m = try diskBound(c, ratio * h)
                guard m.signum >= 0 else {
                    throw VerifiedQuadratureError.invalidArgument("diskBound returned a negative bound")
                }
                let share = tolerance * (u - l) / length
                var best: BigRational?
                for n in counts {
                    let truncation = ComplexBall.roundUp(h * m * (try rule(n)).1)
                    if truncation <= share {
                        accepted.append(.init(lower: l, upper: u, points: n, bound: m, truncation: truncation))
                        best = nil
                        break
                    }
                    best = truncation
                }
                guard let best else { continue }
                if depth >= maximumDepth {
                    throw VerifiedQuadratureError.toleranceUnreachable(lower: l, upper: u, bestTruncation: best, share: share)
                }
                reason = "the tolerance share needs smaller panels near [\(show(l)), \(show(u))]"
            } catch let error as VerifiedQuadratureError {
                throw error
            } catch {
                if depth >= maximumDepth {
                    throw VerifiedQuadratureError.noAnalyticDisk(lower: l, upper: u, reason: "\(error)")
                }
                reason = "no disk bound near [\(show(l)), \(show(u))]: \(error)"
            }
            guard accepted.count + pending.count + 2 <= maximumPanels else {
                throw VerifiedQuadratureError.tooManyPanels(limit: maximumPanels, reason: reason)
            }
            pending.append((c, u, depth + 1))
            pending.append((l, c, depth + 1))
        }

        var total = ComplexBall.zero
        var truncation = BigRational.zero
        var evaluations = 0
        for p in accepted {
            let h = (p.upper - p.lower) / 2
            let enclosure = try panel(center: (p.lower + p.upper) / 2, halfWidth: h, rule: try rule(p.points).0,
                                      bits: bits, truncation: p.truncation, value: value)
            evaluations += p.points
            total = (total + enclosure.value).rounded(bits: bits)
            truncation += p.truncation
        }
        return VerifiedIntegral(value: total, truncation: truncation, panels: accepted,
                                evaluations: evaluations, diskBounds: diskBounds)
    }

    private static func show(_ q: BigRational) -> String { BigFloat(q, precision: 64).toString(digits: 6) }
}
