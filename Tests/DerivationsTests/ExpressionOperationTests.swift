import Testing
@testable import Derivations
import Symbolic

/// `keldysh simplify --then … --functional-derivative …`: one step of a derivation at a time.
/// Expected values worked out by hand (noted at each).
@Suite struct ExpressionOperationTests {
    func run(_ input: String, assume: String? = nil, then: String? = nil, field: String? = nil) throws -> String {
        renderSimplified(try readExpression(input, assume: assume).applying(then, functionalDerivative: field), json: false)
    }

    @Test func expandingGivesTheIssueProbesTheirValues() throws {
        // (1 + ψ)χ − χ(1 + ψ) = χ + ψχ − χ − χψ = 2ψχ; exp ψ = 1 + ψ gives the same.
        let g = "psi:grassmann,chi:grassmann"
        #expect(try run("(1+psi)*chi - chi*(1+psi)", assume: g, then: "expand") == "2*psi*chi")
        #expect(try run("exp(psi)*chi - chi*exp(psi)", assume: g, then: "expand") == "2*psi*chi")
    }

    @Test func functionalDerivativeOfTheKineticTerm() throws {
        // δ/δψ(t₀) ∫dt ψ̄(t)ψ(t) = −ψ̄(t₀) (left derivative: ψ passes the odd ψ̄), and
        // δ/δψ̄(t₀) of it = ψ(t₀).
        let d = "psi:grassmann&function(time),t:time,t0:time"
        let action = "integral(conj(psi(t))*psi(t), t, -oo, oo)"
        #expect(try run(action, assume: d, field: "psi(t0)") == "-conj(psi(t0))")
        #expect(try run(action, assume: d, field: "conj(psi(t0))") == "psi(t0)")
        #expect(throws: ExpressionOperationError.self) { try run(action, assume: d, field: "exp(t0)") }
    }

    @Test func parsevalByTheFourierMoves() throws {
        // ∫dt [∫dν e^{iνt}F(ν)][∫dω e^{−iωt}G(ω)] = ∫dν∫dω F(ν)G(ω) 2πδ(ν − ω) = 2π∫dω F(ω)G(ω).
        let d = "nu:frequency,w:frequency,t:time,F:function,G:function"
        let e = "integral(integral(exp(I*nu*t)*F(nu), nu, -oo, oo)*integral(exp(-I*w*t)*G(w), w, -oo, oo), t, -oo, oo)"
        // Compared as expressions: binders are equal up to renaming, and which name prints
        // depends on which equal binder the process built first.
        let r = try readExpression(e, assume: d).applying("merge,sink,combine-exp,split,plane-waves,sift")
        #expect(r.expr == (try readExpression("integral(2*pi*F(w)*G(w), w, -oo, oo)", assume: d)).expr, "\(r.expr)")
    }

    @Test func kroneckerContraction() throws {
        // Σ_j δ_ij x(j) = x(i) with i an index, not the imaginary unit.
        #expect(try run("sum(kdelta(i,j)*x(j), j, 1, N)", assume: "i:index,j:index,x:function", then: "contract") == "x(i)")
    }

    @Test func unknownOperationsAreNamed() {
        #expect(throws: ExpressionOperationError.self) { try run("x", then: "expand,bogus") }
    }
}
