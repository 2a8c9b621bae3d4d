import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import ArbitraryPrecision
import Symbolic
@testable import Derivations

/// Bounded fuzzing (issue 15): randomly mutated model files and expressions go through the
/// parser and, for a sample of the model files that read, the mean-field derivation. Every
/// input must end in a result or a positioned error; a crash, a trap or a stack overflow
/// ends the test process, so a clean run is the result. Deterministic (fixed seeds).
///
/// Every input runs under `FuzzWatchdog`'s bound (30 s and 2 GB resident by default): an input
/// past it is a hang, written to a file, and ends the run. The mutations include Unicode
/// (combining marks, right-to-left text, NUL, long names) and bytes that are not UTF-8.
///
/// The count per run is `KELDYSH_FUZZ_COUNT` (default 1 500 of each, a few seconds); the
/// closing run of issue 15 is in docs/limits.md.
/// A crash found here becomes a named regression test in the suite of the code it hit.
@Suite struct FuzzTests {
    static var count: Int { ProcessInfo.processInfo.environment["KELDYSH_FUZZ_COUNT"].flatMap(Int.init) ?? 1_500 }

    /// `KELDYSH_FUZZ_SHARD=i/n`: this process runs the inputs k ≡ i − 1 (mod n) of the
    /// `count`, so a long run can be split over processes; the inputs are the same.
    static var shard: (index: Int, count: Int) {
        let parts = (ProcessInfo.processInfo.environment["KELDYSH_FUZZ_SHARD"] ?? "1/1").split(separator: "/").compactMap { Int($0) }
        guard parts.count == 2, parts[1] >= 1, parts[0] >= 1, parts[0] <= parts[1] else { return (1, 1) }
        return (parts[0], parts[1])
    }

    /// The inputs of this process: every input k has its own random stream (seeded by k),
    /// so input k is reproduced by its index alone, in any shard.
    static var indices: StrideTo<Int> { stride(from: shard.index - 1, to: count, by: shard.count) }

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
                         "real\tpositive", "#", "\\\n"] + unicodePieces

    /// Unicode that a reader must survive: combining marks (alone, after a letter, stacked),
    /// right-to-left text and its controls, NUL, a byte-order mark, zero-width characters, an
    /// emoji sequence, letters of other scripts as names, CR and CRLF, and very long names and
    /// numbers (linear cost, no stack).
    static let unicodePieces = ["\u{0301}", "e\u{0301}", "a\u{0301}\u{0302}\u{0303}\u{0304}", "\u{202E}", "\u{202B}x\u{202C}",
                                "\u{200F}", "\u{05D0}\u{05D1}", "\u{0627}\u{0644}", "\u{0000}", "\u{FEFF}", "\u{200B}",
                                "\u{200D}", "\u{1F469}\u{200D}\u{1F52C}", "\u{03BA}\u{0308}", "\r", "\r\n", "\u{2028}",
                                "\u{FFFD}", "\u{10FFFF}", "\u{1D70B}", String(repeating: "x", count: 20_000),
                                String(repeating: "\u{03BB}", count: 5_000), String(repeating: "9", count: 5_000),
                                "x" + String(repeating: "\u{0301}", count: 2_000)]

    /// Byte sequences that are not UTF-8 (a lone continuation byte, a truncated sequence, an
    /// overlong encoding, a surrogate, a code point past U+10FFFF, 0xFF) and NUL.
    static let oddBytes: [[UInt8]] = [[0x80], [0xC3], [0xE2, 0x88], [0xC0, 0xAF], [0xED, 0xA0, 0x80],
                                      [0xF4, 0x90, 0x80, 0x80], [0xFF], [0xFE, 0xFF], [0x00], [0xF0, 0x9F, 0x98]]

    /// Inserts or overwrites odd bytes in the UTF-8 of `text` (one input in four).
    static func mutateBytes(_ text: String, _ rng: inout SplitMix64) -> [UInt8] {
        var bytes = Array(text.utf8)
        guard rng.next(4) == 0 else { return bytes }
        for _ in 0..<rng.int(1...3) {
            let at = rng.next(bytes.count + 1)
            let odd = oddBytes[rng.next(oddBytes.count)]
            if rng.next(2) == 0 || at + odd.count > bytes.count {
                bytes.insert(contentsOf: odd, at: at)
            } else {
                bytes.replaceSubrange(at..<(at + odd.count), with: odd)
            }
        }
        return bytes
    }

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
        var read = 0, refused = 0, derived = 0, inputs = 0
        // Every input is read from a file as the CLI reads a model (readModelText: not UTF-8
        // is an error at 1:1), so odd bytes meet the real decoder.
        let path = NSTemporaryDirectory() + "keldysh-fuzz-\(UUID().uuidString).kd"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let watchdog = FuzzWatchdog(kind: "model")
        let start = FuzzWatchdog.now()
        for k in Self.indices {
            inputs += 1
            var rng = SplitMix64(seed: 15 &* 0x9E37_79B9 &+ UInt64(k))
            let bytes = Self.mutateBytes(Self.mutate(Self.seeds[k % Self.seeds.count], &rng), &rng)
            let shown = String(decoding: bytes, as: UTF8.self)
            watchdog.begin(k, shown)
            defer { watchdog.end() }
            // fopen/fwrite rather than Data.write, which syncs the file to disk (13 ms an input).
            guard let f = fopen(path, "w") else { Issue.record("cannot write \(path)"); return }
            _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, f) }
            fclose(f)
            let text: String
            do { text = try readModelText(path) } catch {
                refused += 1
                #expect(error.line == 1 && error.column == 1, "\(error)")
                continue
            }
            do {
                let model = try Model.parse(text, file: "fuzz.kd")
                read += 1
                // The models read among every tenth input of each seed are derived (the
                // derivation dominates the time). Counted per seed: `k % 10 == 0` alone only
                // ever picked the seeds of even index, k being even.
                if (k / Self.seeds.count) % 10 == 0 {
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
        watchdog.stop()
        #expect(read + refused == inputs)
        let (slowest, at) = watchdog.slowest
        print("fuzz: \(inputs) mutated model files (shard \(Self.shard.index)/\(Self.shard.count) of \(Self.count)): \(read) read (\(derived) derived), \(refused) positioned errors; "
              + "0 crashes, 0 hangs (bound \(watchdog.seconds) s and \(watchdog.megabytes) MB resident per input); "
              + "slowest input \(String(format: "%.3f", slowest)) s (#\(at)), peak resident \(watchdog.peakMegabytes) MB, "
              + "\(String(format: "%.0f", FuzzWatchdog.now() - start)) s in all")
    }

    static let expressionSeeds = ["x + y^2 - 3/4", "sqrt(omega_z (omega_c^2 + kappa^2/4) / (4 omega_c))",
                                  "integral(exp(-w^2), w, -oo, oo)", "sum(k^2, k, 1, N)", "oo - oo", "0*oo",
                                  "a*b/(c - d)^3", "conj(z) z + abs(z)^2", "(x + 1)^10 - (x - 1)^10",
                                  "kdelta(i, j) + θ(t) δ(t - s)", "-x^-2", "2^3^2", "x" + String(repeating: "+x", count: 200)]

    @Test func mutatedExpressions() {
        var parsed = 0, refused = 0, inputs = 0
        let watchdog = FuzzWatchdog(kind: "expression")
        let start = FuzzWatchdog.now()
        for k in Self.indices {
            inputs += 1
            var rng = SplitMix64(seed: 1515 &* 0x9E37_79B9 &+ UInt64(k))
            // Odd bytes are repaired to U+FFFD as the command line's arguments are.
            let text = String(decoding: Self.mutateBytes(Self.mutate(Self.expressionSeeds[k % Self.expressionSeeds.count], &rng), &rng),
                              as: UTF8.self)
            watchdog.begin(k, text)
            defer { watchdog.end() }
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
        watchdog.stop()
        #expect(parsed + refused == inputs)
        let (slowest, at) = watchdog.slowest
        print("fuzz: \(inputs) mutated expressions (shard \(Self.shard.index)/\(Self.shard.count) of \(Self.count)): \(parsed) parsed, \(refused) positioned errors; "
              + "0 crashes, 0 hangs (bound \(watchdog.seconds) s and \(watchdog.megabytes) MB resident per input); "
              + "slowest input \(String(format: "%.3f", slowest)) s (#\(at)), peak resident \(watchdog.peakMegabytes) MB, "
              + "\(String(format: "%.0f", FuzzWatchdog.now() - start)) s in all")
    }
}
