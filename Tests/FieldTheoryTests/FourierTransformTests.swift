import Testing
import Symbolic
@testable import FieldTheory

/// The Fourier step (paper 000 A12–A13) done on the binders, against two independent
/// readings: the kernels printed in the paper (Eq. 7 and A10–A11; the same entries the
/// reading i∂_t → ω of `KeldyshKernel.from` gives) and, entry by entry, that reading itself on
/// the stationary action of A14 with its background and rotating frame.
extension Paper000GreensFunctionTests {
    func stationary() throws -> Action {
        var s = try bathed()
        (s, _) = try RotatingFrame.apply(s, rates: ["psi": muS, "b": muS / 2, "a": Expr.neg(muS) / 2])
        (s, _) = try BackgroundField.apply(s, field: "psi", classical: Expr.sqrt(2) * psiF)
        return s
    }

    @Test func fourierStepGivesThePhotonKernelOfA10() throws {
        let (k, record) = try FourierTransform.kernel(try bathed(), sector: ["psi"])
        // A10–A11, typed from the paper: [[0, ω − ω₀ − iκ], [ω − ω₀ + iκ, 2iκF_Ψ(ω)]].
        let expected: [[Expr]] = [[0, omega - w0 - i * kappa], [omega - w0 + i * kappa, 2 * i * kappa * Expr.apply(fpsi, [omega])]]
        for r in 0..<2 { for c in 0..<2 { #expect(same(k.matrix[r, c], expected[r][c]), "entry \(r),\(c): \(k.matrix[r, c])") } }
        #expect(record.step == "fourier-transform")
        #expect(record.reference == "cf. paper 000 A12–A13")
    }

    @Test func fourierStepGivesTheFermionKernelOfEq7() throws {
        let (k, _) = try FourierTransform.kernel(try bathed(), sector: ["b", "a"])
        let expected = eq7()
        for r in 0..<4 { for c in 0..<4 { #expect(same(k.matrix[r, c], expected[r][c]), "K(\(r),\(c)) = \(k.matrix[r, c])") } }
    }

    @Test func fourierStepAgreesWithTheDerivativeReadingOnTheStationaryAction() throws {
        let s = try stationary()
        let (fourier, _) = try FourierTransform.kernel(s, sector: ["b", "a"])
        let reading = try KeldyshKernel.from(s, sector: ["b", "a"])
        var nonzero = 0
        for r in 0..<4 { for c in 0..<4 {
            #expect(same(fourier.matrix[r, c], reading.matrix[r, c]), "entry \(r),\(c): \(fourier.matrix[r, c]) vs \(reading.matrix[r, c])")
            if !reading.matrix[r, c].isZero { nonzero += 1 }
        } }
        // R and A (2×2 each, the off-diagonal −gψ_f from the background) and the diagonal of K
        // (ψ_q = 0 removes its off-diagonal −λ_q): 10 entries.
        #expect(nonzero == 10)
    }
}
