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

    static let digits = 100
    static let points = 3

    var agrees: Bool { symbolic || numeric == true }

    init(derived: Expr, printed: Expr, seed: UInt64) {
        var d = distribute(derived - printed)
        if !d.isZero { d = d.expand() }
        // Rational functions (steady states, eliminated variables): cancel common factors.
        if !d.isZero { d = d.cancel() }
        difference = d
        symbolic = d.isZero
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
