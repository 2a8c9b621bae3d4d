import Foundation
import Testing
import Symbolic
@testable import Derivations

/// Spellings a new user reaches for (issue 14): `a^dag` for a† in ASCII, and `size N` for the
/// system size of a model with bosons only.
@Suite("Model spellings: ASCII dagger, size N (issue 14)")
struct ModelSpellingTests {
    func equations(_ text: String) throws -> String {
        try Model.parse(text, file: "kerr.kd").derive().rendered(.text)
    }

    @Test func asciiDaggerIsTheDagger() throws {
        let unicode = "parameters w, U\nboson a\nH = w a† a + U a† a† a a\n"
        let ascii = "parameters w, U\nboson a\nH = w a^dag a + U a^dagger a^dagger a a\n"
        #expect(try equations(ascii) == equations(unicode))
        // Not inside a longer name: `a^dagx` is a to the power dagx (an undeclared name here).
        #expect(throws: ModelError.self) { try equations("parameters w\nboson a\nH = w a^dagx a\n") }
    }

    @Test func sizeMakesABosonModelIntensive() throws {
        // A driven Kerr oscillator, by hand: da/dt = i[H, a] − κa/2 with [a†a, a] = −a and
        // [a†a†aa, a] = −2a†aa, so d⟨a⟩/dt = −iω⟨a⟩ − 2i(U/N)⟨a†aa⟩ − iF√N − κ⟨a⟩/2; with
        // α = ⟨a⟩/√N and ⟨a†aa⟩ ≈ N|α|²α: dα/dt = −iωα − 2iU|α|²α − iF − κα/2.
        let text = "parameters w, U, kappa, F\nsize N\nboson a\nH = w a† a + U/N a† a† a a + F sqrt(N) (a + a†)\ndissipator kappa D[a]\n"
        let out = try equations(text)
        #expect(out.contains("(intensive variables)"))
        #expect(out.contains("d⟨a⟩/dt = -2*I*U*⟨a†⟩*⟨a⟩^2 - I*w*⟨a⟩ - kappa*⟨a⟩/2 - I*F"))
        // Without it N is an undeclared name, reported where it is used.
        do {
            _ = try equations(text.replacingOccurrences(of: "size N\n", with: ""))
            Issue.record("expected an error")
        } catch let e as ModelError {
            #expect(e.line == 3 && e.column == 16)
        }
        // `size` takes one name; a spin ensemble must agree with it.
        #expect(throws: ModelError.self) { try equations("size 2\nboson a\nH = a† a\n") }
        #expect(throws: ModelError.self) { try equations("size M\nspins S : N spin-1/2\nboson a\nH = a† a\n") }
    }

    @Test func scalingErrorsPointAtTheStatement() throws {
        // g (a + a†)(S+ + S-) without 1/√N: by hand, i[H, S-] ∋ 2ig(a + a†)Sz, which is √N times
        // the left-hand side's N-scaling (⟨a⟩ ~ √N, ⟨S⟩ ~ N). The error is H's (line 4, its body
        // at column 5), not the file's 1:1.
        let model = "parameters w, g, kappa\nspins S : N spin-1/2\nboson a\nH = w a† a + w Sz + g (a + a†) (S+ + S-)\n"
        func failure(_ text: String) -> ModelError? {
            do { _ = try equations(text); return nil } catch let e as ModelError { return e } catch { return nil }
        }
        let h = try #require(failure(model))
        #expect(h.line == 4 && h.column == 5 && h.message.contains("N-scaling"))
        // A collective κD[S-] (superradiant decay at rate κN, not κ): the dissipator's line.
        let fixed = model.replacingOccurrences(of: "g (a + a†)", with: "g/sqrt(N) (a + a†)")
        let d = try #require(failure(fixed + "dissipator kappa D[a]\ndissipator kappa D[S-]\n"))
        #expect(d.line == 6 && d.column == 1 && d.message.contains("N-scaling"))
    }

    @Test func plotLabelsUseTheModelsLatexNames() throws {
        // `latex gup = gamma_up`: γ↑ on the plot, as the paper's axis; λ from the name itself.
        #expect(unicodeName("gamma_up") == "γ↑" && unicodeName("lambda") == "λ" && unicodeName("omega'_z") == "ω'_z")
        #expect(unicodeName("gamma_t") == "γ_t" && unicodeName("wc") == "wc" && unicodeName("eta'") == "η'")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("labels-\(UInt32.random(in: 0...UInt32.max))").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        var o = ScanOptions(model: "derivations/003-spintronic-dicke/model.kd", x: "gup=0:1:6", y: "lambda=0:1:5", out: out)
        o.settings = ["gdown=1-gup", "wc=1", "wz=1", "wz'=1", "eta=1/10", "eta'=1/10", "kappa=3/50"]
        o.progress = false
        _ = try scan(o)
        let svg = try String(contentsOfFile: out + "/diagram.svg", encoding: .utf8)
        #expect(svg.contains(">γ↑</text>") && svg.contains(">λ</text>") && svg.contains("max Re λ"))
        let json = try String(contentsOfFile: out + "/scan.json", encoding: .utf8)
        #expect(json.contains("\"xLabel\": \"γ↑\""))
    }
}
