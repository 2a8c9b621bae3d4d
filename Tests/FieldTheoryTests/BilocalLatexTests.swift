import Testing
import Symbolic
@testable import FieldTheory

/// The printed LaTeX of the A21–A32 steps uses the paper's notation (expected strings by hand
/// from A21, A22, A25): \bar{b}^{(1)}(t), Q^{(1,2)}_{aa}, G^{K}_{\psi}; no internal name leaks.
@Suite("LaTeX of the bilocal steps in the paper's notation")
struct BilocalLatexTests {
    @Test func namesAsThePaperWritesThem() {
        #expect(BilocalLatex.displayName("bbar_1") == "\\bar{b}^{(1)}")
        #expect(BilocalLatex.displayName("a_2") == "a^{(2)}")
        #expect(BilocalLatex.displayName("Q_aa^(1,2)") == "\\mathit{Q}^{(1,2)}_{aa}")
        #expect(BilocalLatex.displayName("G^K_psi") == "\\mathit{G}^{K}_{\\psi}")
        #expect(BilocalLatex.displayName("psibar_cl") == "\\bar{\\psi}_{\\mathrm{cl}}")
        #expect(BilocalLatex.displayName("F_b") == nil)
    }

    @Test func recordsUseThem() throws {
        let m = try PhotonMediatedInteraction(try Paper000Fixture.split(), fluctuation: "dpsi")
        let latex = m.record.latex
        #expect(latex.contains("\\bar{b}^{(1)}\\left(t\\right)") && latex.contains("\\mathit{G}^{K}_{\\psi}\\left(t, t'\\right)"), "\(latex)")
        #expect(!latex.contains("bbar") && !latex.contains("abar"))
        let (hs, _) = try HubbardStratonovichTests().decoupled()
        #expect(hs.record.latex.contains("\\mathit{Q}^{(1,2)}_{aa}") && !hs.record.latex.contains("Q_{aa"))
        // The display copy is the same expression up to names: its text form has the same number of terms.
        #expect(BilocalLatex.display(hs.decoupled).terms.count == hs.decoupled.terms.count)
    }
}
