import Testing
@testable import Derivations
import FieldTheory
import Symbolic

/// The Keldysh statements of a model file (bath, spinor, frame, background): errors at their
/// line and column, and the derivation they drive (paper 000's model, Eq. 1 and 6–7).
@Suite struct KeldyshStatementTests {
    static let paper000 = """
    parameters eps0, w0, g, gamma, kappa : real positive
    parameters muS : real
    parameters psi_f : complex
    boson psi
    fermions b, a
    H = eps0 (b† b - a† a) + g (psi b† a + psi† a† b) + w0 psi† psi
    bath kappa F_Psi on psi
    bath gamma F_b on b
    bath gamma F_a on a
    spinor phi = b, a
    """

    func error(_ text: String) -> ModelError? {
        do throws(ModelError) { _ = try Model.parse(text, file: "000.kd") } catch { return error }
        return nil
    }

    @Test func aModeRepeatedInTheFrameIsAnError() {
        // Line 11, the second `b` at column 38.
        let e = error(Self.paper000 + "\nframe psi: muS, b: muS/2, a: -muS/2, b: 1")
        #expect(e?.line == 11 && e?.column == 38, "\(String(describing: e))")
        #expect(e.map { "\($0)".contains("given twice") } == true)
    }

    @Test func theFrameAndTheBackgroundGiveTenKernelEntriesAndTheFourierStep() throws {
        let m = try Model.parse(Self.paper000 + "\nframe psi: muS, b: muS/2, a: -muS/2\nbackground psi = sqrt(2) psi_f", file: "000.kd")
        let d = try m.keldyshDerivation().withSectors(["phi", "psi"])
        // R and A of φ (2 × 2 each: diagonal and −gψ_f, −gψ̄_f) and the diagonal of K: 10 entries
        // (counted by hand from A14 with ψ_q = 0).
        let k = try d.kernel("phi")
        #expect((0..<4).flatMap { r in (0..<4).map { k.matrix[r, $0] } }.filter { !$0.isZero }.count == 10)
        // The steps, in order, with the Fourier step before each kernel.
        let steps = d.records.map(\.step)
        #expect(steps == ["contour-action", "keldysh-rotation", "markovian-bath", "markovian-bath", "markovian-bath",
                          "rotating-frame", "background-field",
                          "fourier-transform", "kernel", "greens-function",
                          "fourier-transform", "kernel", "greens-function"])
    }

    @Test func withoutABackgroundTheFermionsGreensFunctionIsTheFreeOne() throws {
        let m = try Model.parse(Self.paper000 + "\nframe psi: muS, b: muS/2, a: -muS/2", file: "000.kd")
        let d = try m.keldyshDerivation().withSectors(["phi"])
        let summary = try #require(d.records.last?.summary)
        #expect(summary.contains("at psi = 0"))
        // With ψ = 0 the R block is diagonal: G^R_bb = 1/(ω + μ_S/2 − ε₀ + iγ) (A15 at ψ_f = 0, in
        // the rotating frame of A14).
        let g = try d.greens("phi")
        let omega = Expr.symbol(Action.omega)
        let (eps0, muS, gamma) = (Expr.symbol("eps0", [.real, .positive]), Expr.symbol("muS", [.real]), Expr.symbol("gamma", [.real, .positive]))
        let expected = 1 / (omega + muS / 2 - eps0 + Expr.i * gamma)
        #expect((g.matrix[0, 0] - expected).cancel().isZero, "\(g.matrix[0, 0])")
        #expect(g.matrix[0, 1].isZero)
    }

    @Test func theModelsLatexNamesReachEveryStep() throws {
        let m = try Model.parse(Self.paper000 + "\nframe psi: muS, b: muS/2, a: -muS/2\nbackground psi = sqrt(2) psi_f\nlatex muS = \\mu_S",
                                file: "000.kd")
        let d = try m.keldyshDerivation().withSectors(["phi"])
        let latex = Dictionary(d.records.map { ($0.step, $0.latex) }, uniquingKeysWith: { a, _ in a })
        // R_bb = ω − ε₀ + μ_S/2 + iγ typeset with the model's name; no bare muS anywhere.
        #expect(latex["kernel"]?.contains("\\frac{\\mu_S}{2}") == true)
        #expect(latex["rotating-frame"]?.contains("\\mu_S") == true)
        #expect(d.records.allSatisfy { !$0.latex.contains("muS") && !$0.latex.contains("mu_{S}") })
    }
}
