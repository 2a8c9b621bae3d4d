import Algebra
import ArbitraryPrecision
import KeldyshNumerics
import Symbolic

/// The outcome of comparing one derived expression with the printed one, both ways the
/// design card asks for: the difference simplified (distributed, then expanded) is 0, and
/// the two evaluate equal at random points at 100 digits (`NumericIdentityCheck`: user
/// functions as random smooth functions, integrals by quadrature at two precisions, which may
/// verify fewer digits: `numericDigits`).
struct Comparison {
    /// Derived − printed, simplified.
    let difference: Expr
    let symbolic: Bool
    /// nil when the expressions could not be evaluated (the reason is in `numericNote`).
    let numeric: Bool?
    let maxRelativeDifference: String
    /// The digits the numeric check verified: `digits`, or fewer where its integrals' quadrature
    /// verified fewer.
    let numericDigits: Int
    let numericNote: String?
    /// Why the printed difference is not in lowest terms, when it is not.
    let symbolicNote: String?

    static let digits = 100
    static let points = 3

    var agrees: Bool { symbolic || numeric == true }

    /// Above this many generators the cancelled difference is not computed: the multivariate
    /// gcd over Q(i) (primitive PRS) grows too fast to be part of a report, and zero-ness does
    /// not need it (one fraction over the distinct denominator factors is zero exactly when
    /// its numerator is).
    static let cancelGenerators = 8

    init(derived: Expr, printed: Expr, seed: UInt64) {
        var d = distribute(derived - printed)
        if !d.isZero { d = d.expand() }
        var note: String?
        // Rational functions (steady states, eliminated variables, Green's functions): cancel
        // common factors where that is affordable, otherwise decide zero-ness by the numerator.
        if !d.isZero {
            if let r = try? RationalFunction(d), r.generators.count > Self.cancelGenerators {
                // A square root is a generator of its own in the polynomial: √u·√u stays a
                // product there; rebuilt as an expression it is u again, so the numerator is
                // multiplied out once more before it is judged.
                if r.numerator.isZero || r.numerator.toExpr().expand().isZero { d = .zero } else {
                    note = "the difference, a rational function of \(r.generators.count) generators, is not reduced to lowest terms"
                }
            } else {
                d = d.cancel()
            }
        }
        difference = d
        symbolic = d.isZero
        symbolicNote = note
        do {
            let check = try NumericIdentityCheck.run(derived, printed, digits: Self.digits, samples: Self.points, seed: seed)
            numeric = check.equal
            numericDigits = check.digits
            let worst = check.maxRelativeDifference
            maxRelativeDifference = worst.isZero ? "0" : worst.toString(digits: 3)
            numericNote = nil
        } catch {
            numeric = nil
            numericDigits = Self.digits
            maxRelativeDifference = "-"
            numericNote = "not evaluable: \(error)"
        }
    }

    /// A seed fixed by the item's name, so a report is the same on every run and machine.
    static func seed(_ name: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in name.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }
}
