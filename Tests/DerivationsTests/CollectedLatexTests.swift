import Foundation
import Testing
import Symbolic
@testable import Derivations

/// `derive --latex` writes the equations as papers do (issue 14): terms collected by their
/// variables, parameters first, shared coefficients, `define`d names reused.
@Suite("derive --latex: equations collected as papers write them (issue 14)")
struct CollectedLatexTests {
    @Test func collectionIsExact() throws {
        // The groups, multiplied out with every `define`d name replaced by its value, must be the
        // equation's right-hand side itself (the canonical form is the independent side).
        let f = try Paper003ModelFile()
        let d = try f.model.derive()
        let c = d.collected
        let values = Dictionary(uniqueKeysWithValues: f.model.definitions.compactMap { def in
            f.model.scope.context.symbol(named: def.name).map { ($0, def.value) } })
        for e in d.meanField.equations {
            let rebuilt = Expr.add(c.groups(e.rhs, own: e.variable).map { g in
                g.coefficient.substitute(values) * Expr.add(g.members.map { $0.sign ? $0.monomial : -$0.monomial })
            })
            #expect(distribute(rebuilt - e.rhs).isZero, "\(e.variable)")
        }
    }

    @Test func paper003AppendixAForm() throws {
        // (A1) of paper 003 as printed: dT^-/dt = −(iω'_z + γ_t/2)⟨T^-⟩ + 2iη⟨a⟩⟨T^z⟩ + 2iη'⟨T^z⟩⟨S^-⟩
        // (our order puts ⟨S^-⟩ before ⟨T^z⟩: the system's variable order), d⟨a⟩/dt =
        // −iη⟨T^-⟩ − (iω_c + κ/2)⟨a⟩ − iλ(⟨S^+⟩ + ⟨S^-⟩) with the own variable first, and
        // dT^z/dt ∋ −γ_t⟨T^z⟩ with γ_t = γ↑ + γ↓ (`define gt`, `latex gt = gamma_t`).
        let f = try Paper003ModelFile()
        let latex = try f.model.derive().rendered(.latex)
        #expect(latex.contains("\\frac{d}{dt}\\langle a\\rangle &= -\\left(i\\omega_c + \\frac{\\kappa}{2}\\right)\\langle a\\rangle - i\\lambda\\left(\\langle S^-\\rangle + \\langle S^+\\rangle\\right) - i\\eta\\langle T^-\\rangle"))
        #expect(latex.contains("\\frac{d}{dt}\\langle T^-\\rangle &= -\\left(i\\omega'_z + \\frac{\\gamma_t}{2}\\right)\\langle T^-\\rangle + 2i\\eta\\langle a\\rangle\\langle T^z\\rangle + 2i\\eta'\\langle S^-\\rangle\\langle T^z\\rangle"))
        #expect(latex.contains("&= -\\gamma_t\\langle T^z\\rangle"))
        #expect(latex.contains("+ \\frac{\\gamma_\\uparrow - \\gamma_\\downarrow}{2}"))
    }
}
