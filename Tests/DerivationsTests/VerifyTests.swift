import Foundation
import Testing
import Symbolic
@testable import Algebra
@testable import Derivations

/// `keldysh verify` on the derivation folder of paper 003 and on broken copies of it.
@Suite("Verify derivation folders")
struct VerifyTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let folder = root.appendingPathComponent("derivations/003-spintronic-dicke")

    @Test func paper003AppendixAIsReproduced() throws {
        let report = try verifyDerivation(directory: Self.folder.path)
        // (A1): five equations; (A2): the 6×6 matrix — all re-derived from Eqs. (1)–(2) and
        // equal to the printed ones both symbolically and at 100 digits (Paper003Tests
        // checks the same equations through the Swift API).
        let appendixA = report.items.prefix(6)
        #expect(appendixA.map(\.name) == ["A1.a", "A1.Sz", "A1.S-", "A1.Tz", "A1.T-", "A2"])
        #expect(appendixA.allSatisfy { $0.status == .identical && $0.symbolic && $0.numeric == true })
        #expect(appendixA.last?.entries.count == 36)
        // Appendix E: the second-order cumulant equations with every connected pair set to
        // zero give back the five equations of (A1) as printed.
        let appendixE = report.items.filter { $0.name.hasPrefix("E.") }
        #expect(appendixE.map(\.name) == ["E.a", "E.Sz", "E.S-", "E.Tz", "E.T-"])
        #expect(appendixE.allSatisfy { $0.status == .identical && $0.symbolic && $0.numeric == true })
        #expect(report.passed)
    }

    @Test func paper003ErrataAreExactlyTheRecordedOnes() throws {
        // The three disagreements found by the steady-state work (SteadyStateDickeTests,
        // VariantAdiabaticEliminationTests) and recorded in verify.kd and docs/errata.md;
        // everything else of Appendices B–D and Eq. (3) is reproduced.
        let report = try verifyDerivation(directory: Self.folder.path)
        let errata = report.items.filter { $0.status == .erratum }.map(\.name)
        #expect(errata == ["B_Dicke.Sz", "B_Dicke.a_per_Sx", "D.omegaTilde"])
        #expect(report.items.filter { $0.status != .erratum }.allSatisfy { $0.status == .identical })
        // B_Dicke.Sz: derived −λ_c²/(2λ²) minus printed −(1 − λ_c²/λ²)/2 is 1/2 − λ_c²/λ² (by hand),
        // = (8λ²ω_c − κ²ω_z − 4ω_c²ω_z)/(16λ²ω_c) with λ_c² = ω_z(ω_c² + κ²/4)/(4ω_c).
        let sz = try #require(report.items.first { $0.name == "B_Dicke.Sz" })
        #expect(sz.entries[0].differenceText == "(8*lambda^2*wc - kappa^2*wz - 4*wc^2*wz)/(16*lambda^2*wc)")
        #expect(report.staleErrata.isEmpty)
    }

    @Test func theManifestFileNamesItsFolder() throws {
        // `keldysh verify derivations/003-…/verify.kd` used to read "verify.kd/verify.kd": the
        // manifest's own path must give the folder's report (the committed expected-report.json).
        let expected = try String(contentsOf: Self.folder.appendingPathComponent("expected-report.json"), encoding: .utf8)
        let report = try verifyDerivation(directory: Self.folder.appendingPathComponent("verify.kd").path)
        #expect(report.json.trimmingCharacters(in: .whitespacesAndNewlines)
                == expected.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test func reportMatchesExpectedReportFile() throws {
        let expected = try String(contentsOf: Self.folder.appendingPathComponent("expected-report.json"), encoding: .utf8)
        let report = try verifyDerivation(directory: Self.folder.path)
        #expect(report.json.trimmingCharacters(in: .whitespacesAndNewlines)
                == expected.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// A copy of the 003 model with a manifest of our own.
    func folder(_ manifest: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("verify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.folder.appendingPathComponent("model.kd"),
                                         to: dir.appendingPathComponent("model.kd"))
        try manifest.write(to: dir.appendingPathComponent("verify.kd"), atomically: true, encoding: .utf8)
        return dir.path
    }

    @Test func aWrongSignDiffersWithTheSimplifiedDifference() throws {
        // κ/2 typed with the wrong sign: derived − printed = −κ⟨a⟩ (by hand).
        let dir = try folder("""
            model model.kd
            meanfield A1: a, Sz, S-, Tz, T-
            equation A1.a: d<a>/dt = -i eta <T-> - (i wc - kappa/2) <a> - i lambda (<S+> + <S->)
            """)
        let report = try verifyDerivation(directory: dir)
        let item = try #require(report.items.first)
        #expect(item.status == .differs && !item.symbolic && item.numeric == false)
        #expect(item.entries[0].differenceText == "-kappa*⟨a⟩")
        #expect(item.entries[0].differenceLatex == "-\\kappa\\langle a\\rangle")
        #expect(!report.passed)
    }

    @Test func aRecordedErratumPassesAndOnlyThen() throws {
        // One wrong matrix entry (the (2,2) entry with +κ/2), recorded as an erratum.
        let manifest = """
            model model.kd
            meanfield A1: a, Sz, S-, Tz, T-
            linearize A2: about a = 0, S- = 0, Sz = -1/2, T- = 0, Tz = <Tz>; order a, a*
            matrix A2 = [ -i wc - kappa/2, 0; 0, i wc + kappa/2 ]
            """
        let without = try verifyDerivation(directory: try folder(manifest))
        #expect(without.items[0].status == .differs && !without.passed)
        #expect(without.items[0].entries.filter { $0.status == .differs }.map(\.name) == ["A2(2,2)"])
        let with = try verifyDerivation(directory: try folder(manifest + "\nerratum A2(2,2): sign of kappa"))
        #expect(with.items[0].status == .erratum && with.passed)
        #expect(with.items[0].note == "sign of kappa")
    }

    @Test func notDerived() throws {
        // ⟨a† a⟩ has no equation at first order: reported, not compared, and it fails the run.
        let report = try verifyDerivation(directory: try folder("""
            model model.kd
            meanfield A1: a
            equation A1.n: d<a† a>/dt = -kappa <a† a>
            """))
        #expect(report.items[0].status == .notDerived && !report.passed)
    }

    @Test func manifestErrorsCarryThePosition() throws {
        do {
            _ = try verifyDerivation(directory: try folder("model model.kd\nmeanfield A1: a\nequation A1.a: d<a>/dt = -kappa <b>"))
            Issue.record("expected an error")
        } catch let error as ModelError {
            #expect(error.line == 3 && error.column == 34 && error.message.contains("undeclared name 'b'"))
        }
        do {
            _ = try verifyDerivation(directory: try folder("model model.kd\nmeanfield A1: a\nequation A1.a: d<a>/dt = 0\nerratum A9: x"))
            Issue.record("expected an error")
        } catch let error as ModelError {
            #expect(error.line == 4 && error.message.contains("'A9'"))
        }
    }

    /// A step kind from outside the verifier: registered, not written into it.
    struct ConstantStep: DerivationStep {
        static let keyword = "constant"
        static func run(_ arguments: StepArguments, in context: StepContext) throws(ModelError) -> (DerivedResults, Any?) {
            guard arguments.text == "two" else { throw arguments.error("expected `two`") }
            var r = DerivedResults()
            r.values["x"] = 2
            return (r, nil)
        }
    }

    /// The error a manifest gives, or nil when it verifies.
    func manifestError(_ text: String, steps: StepRegistry = .standard) throws -> ModelError? {
        let dir = try folder(text)
        do {
            _ = try verifyDerivation(directory: dir, steps: steps)
            return nil
        } catch {
            return error
        }
    }

    @Test func registeredStepKinds() throws {
        var registry = StepRegistry.standard
        registry.register(ConstantStep.self)
        let report = try verifyDerivation(directory: try folder("model model.kd\nconstant C: two\nvalue C.x = 2\nvalue C.y = 2"),
                                          steps: registry)
        let statuses = report.items.map { $0.status }
        #expect(statuses == [.identical, .notDerived])
        #expect(report.items[1].note == "step C derives no value 'y' (it has: x)")
        // Without the registration the keyword is unknown, at its position.
        let unknown = try #require(try manifestError("model model.kd\nconstant C: two\nvalue C.x = 2"))
        #expect(unknown.line == 2 && unknown.column == 1 && unknown.message.contains("unknown statement 'constant'"))
        // The step's own error carries the position of its arguments.
        let own = try #require(try manifestError("model model.kd\nconstant C: three\nvalue C.x = 2", steps: registry))
        #expect(own.line == 2 && own.column == 13 && own.message == "expected `two`")
    }

    @Test func clauseErrorsCarryThePosition() throws {
        let cases: [(String, Int, String)] = [
            ("steady S: a, Sz, S-; wher eta = 0", 22, "unknown clause 'wher'"),
            ("linearize L: where eta = 0; about a = 0; order a", 14, "`where` and `from` need `of OPERATORS`"),
            ("meanfield M: a; where nope = 0", 23, "'nope' is not a parameter"),
            ("meanfield M: a; values x = solve(rhs(<a>), <a>, 3, 4)", 28, "solve takes 2…3 arguments"),
        ]
        for (line, column, message) in cases {
            let error = try #require(try manifestError("model model.kd\n" + line + "\nvalue M.x = 0"), "\(line)")
            #expect(error.line == 2 && error.column == column && error.message.contains(message), "\(line): \(error)")
        }
    }
}
