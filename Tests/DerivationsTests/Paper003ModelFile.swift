import Foundation
import Symbolic
@testable import Algebra
@testable import Derivations

/// Paper 003's model file (derivations/003-spintronic-dicke/model.kd, Eqs. 1–2) and the
/// generic derivation steps run on it exactly as `keldysh verify` runs them: the tests of
/// Appendices B–D and Eqs. 3–5 derive everything from the file, and compare with values
/// typed in from the paper (or computed by a second method) in the tests themselves.
struct Paper003ModelFile {
    static let folder = URL(fileURLWithPath: "derivations/003-spintronic-dicke")
    let model: Model

    init() throws {
        let path = Self.folder.appendingPathComponent("model.kd").path
        model = try Model.parse(String(contentsOfFile: path, encoding: .utf8), file: path)
    }

    /// An expression in the model's names (`wc`, `<a>`, `<S+>`, `gt`).
    func e(_ text: String) throws -> Expr { try model.expression(text, origin: "test") }

    /// One step (`steady L: …`, `meanfield L: …`, `linearize L: …`) run on the model file.
    func step(_ line: String) throws -> StepRecord {
        let records = try Verifier.steps("model model.kd\n" + line, folder: Self.folder)
        guard let r = records.last else { throw AlgebraError.missing("the step produced no record") }
        if let failure = r.results.failure { throw AlgebraError.unsupported(failure) }
        return r
    }

    /// The steady states a `steady` step found.
    func branches(_ line: String) throws -> [SteadyStateBranch] {
        guard let b = try step(line).derivation as? [SteadyStateBranch] else { throw AlgebraError.missing("branches") }
        return b
    }

    /// Agreement both ways: the difference cancels to 0, and the two are equal at random
    /// points at 100 digits.
    func agree(_ a: Expr, _ b: Expr, seed: UInt64 = 17) throws -> Bool {
        let symbolic = (a - b).cancel().isZero
        let numeric = try Expr.numericallyEqual(a, b, digits: 100, samples: 4, seed: seed).equal
        return symbolic && numeric
    }
}
