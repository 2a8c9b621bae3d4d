import Foundation
import Testing
import ArbitraryPrecision
import Symbolic
@testable import Derivations

/// Bounded fuzzing (issue 15): randomly mutated model files and expressions go through the
/// parser and, for a sample of the model files that read, the mean-field derivation. Every
/// input must end in a result or a positioned error; a crash, a trap or a stack overflow
/// ends the test process, so a clean run is the result. Deterministic (fixed seeds).
///
/// The count per run is `KELDYSH_FUZZ_COUNT` (default 1 500 of each, a few seconds); the
/// closing run of issue 15 used `KELDYSH_FUZZ_COUNT=100000 swift test --filter FuzzTests`.
/// A crash found here becomes a named regression test in the suite of the code it hit.
@Suite struct FuzzTests {
    static var count: Int { ProcessInfo.processInfo.environment["KELDYSH_FUZZ_COUNT"].flatMap(Int.init) ?? 1_500 }

    /// Repository files the mutations start from.
    static let seeds: [String] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let paths = ["derivations/003-spintronic-dicke/model.kd", "derivations/kerr-oscillator/model.kd",
                     "derivations/000-open-tavis-cummings/model.kd", "docs/examples/third-ensemble.kd"]
        return paths.compactMap { try? String(contentsOf: root.appendingPathComponent($0), encoding: .utf8) }
    }()

    /// Pieces the mutations insert: operators, limits of the reader, constants, separators.
    static let pieces = ["+", "-", "*", "/", "^", "(", ")", "[", "]", ",", ":", "=", "\n", "\t", " ", "0", "1/0",
                         "^600", "^100000", "^2", "oo", "undefined", "a†", "a", "S+", "S-", "Sz", "T-_i", "D[a]",
                         "sum_i", "N", "I", "sqrt(", "exp(", "sinn(", "<a>", "parameters x : real positive\n",
                         "boson b\n", "spins Q : N spin-1/2\n", "H = ", "dissipator ", "steady a = 0\n",
                         String(repeating: "+0", count: 300), String(repeating: "(", count: 300), "\u{2212}", "λ",
                         "real\tpositive", "#", "\\\n"]

    static func mutate(_ text: String, _ rng: inout SplitMix64) -> String {
        var chars = Array(text)
        for _ in 0..<rng.int(1...4) {
            let at = chars.isEmpty ? 0 : rng.next(chars.count + 1)
            switch rng.next(6) {
            case 0 where !chars.isEmpty:  // delete a run
                let end = min(chars.count, at + rng.int(1...8))
                if at < end { chars.removeSubrange(at..<end) }
            case 1, 2:  // insert a piece
                chars.insert(contentsOf: pieces[rng.next(pieces.count)], at: at)
            case 3 where !chars.isEmpty:  // duplicate a line
                let lines = String(chars).split(separator: "\n", omittingEmptySubsequences: false)
                let k = rng.next(lines.count)
                var out = Array(lines.map(String.init))
                out.insert(out[k], at: k)
                chars = Array(out.joined(separator: "\n"))
            case 4 where !chars.isEmpty:  // replace a character by a random byte-sized one
                let k = min(at, chars.count - 1)
                chars[k] = Character(UnicodeScalar(UInt8(truncatingIfNeeded: rng.next(128))))
            default:  // truncate
                chars = Array(chars.prefix(at))
            }
        }
        return String(chars)
    }

    func checkPosition(_ e: ModelError, in text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }.count
        #expect(e.line >= 1 && e.line <= lines + 1 && e.column >= 1, "\(e) for\n\(text)", sourceLocation: sourceLocation)
    }

    @Test func mutatedModelFiles() throws {
        #expect(Self.seeds.count == 4)
        var rng = SplitMix64(seed: 15)
        var read = 0, refused = 0, derived = 0
        for k in 0..<Self.count {
            let text = Self.mutate(Self.seeds[k % Self.seeds.count], &rng)
            do {
                let model = try Model.parse(text, file: "fuzz.kd")
                read += 1
                // One read model in ten is derived (the derivation dominates the time).
                if read % 10 == 0 {
                    do { _ = try model.meanField(model.defaultMeanFieldOperators); derived += 1 } catch let e as ModelError {
                        checkPosition(e, in: text)
                    } catch {
                        // Algebra and scaling errors of a derivation are reported with the
                        // model's statement by the CLI; here it is enough that they are errors.
                    }
                }
            } catch {
                refused += 1
                checkPosition(error, in: text)
            }
        }
        #expect(read + refused == Self.count)
        print("fuzz: \(Self.count) mutated model files: \(read) read (\(derived) derived), \(refused) positioned errors")
    }

    static let expressionSeeds = ["x + y^2 - 3/4", "sqrt(omega_z (omega_c^2 + kappa^2/4) / (4 omega_c))",
                                  "integral(exp(-w^2), w, -oo, oo)", "sum(k^2, k, 1, N)", "oo - oo", "0*oo",
                                  "a*b/(c - d)^3", "conj(z) z + abs(z)^2", "(x + 1)^10 - (x - 1)^10",
                                  "kdelta(i, j) + θ(t) δ(t - s)", "-x^-2", "2^3^2", "x" + String(repeating: "+x", count: 200)]

    @Test func mutatedExpressions() {
        var rng = SplitMix64(seed: 1515)
        var parsed = 0, refused = 0
        for k in 0..<Self.count {
            let text = Self.mutate(Self.expressionSeeds[k % Self.expressionSeeds.count], &rng)
            do {
                let e = try parseExpr(text)
                parsed += 1
                _ = e.description  // printing must not fail either
            } catch {
                refused += 1
                // `\n` and `\r\n` (one Character) end a line, as the parser counts them.
                let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
                #expect(error.line >= 1 && error.line <= max(lines.count, 1) && error.column >= 1,
                         "\(error) for \(text.debugDescription)")
                if error.line >= 1 && error.line <= lines.count {
                    #expect(error.column <= lines[error.line - 1].count + 1, "\(error) for \(text.debugDescription)")
                }
            }
        }
        #expect(parsed + refused == Self.count)
        print("fuzz: \(Self.count) mutated expressions: \(parsed) parsed, \(refused) positioned errors")
    }
}
