import Testing
import Derivations
import Foundation
import ComplexModule
import Symbolic
@testable import Analysis

@Suite("Stability scans, shards and failure modes")
struct ScanTests {
    let model003 = "derivations/003-spintronic-dicke/model.kd"
    var fig4: [String] { ["gdown=1-gup", "wc=1", "wz=1", "wz'=1", "eta=1/10", "eta'=1/10", "kappa=3/50"] }

    func tempPath(_ name: String) -> String {
        NSTemporaryDirectory() + "analysis-\(name)-\(UUID().uuidString)"
    }

    /// Leftover folders next to `path` (the final one or a staging one).
    func leftovers(_ path: String) -> [String] {
        let dir = (path as NSString).deletingLastPathComponent, base = (path as NSString).lastPathComponent
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasPrefix(base) }
    }

    @Test func classificationOfHandMadeSpectra() {
        // A conjugate pair at 0.1 ± i and a stable rest: lasing; one real 0.2: SR; both: three.
        let pair = [Complex(0.1, 1.0), Complex(0.1, -1.0), Complex(-1.0, 0.5)]
        #expect(classify(eigenvalues: pair, tolerance: 1e-12).stabilityClass == .complexPair)
        #expect(classify(eigenvalues: pair, tolerance: 1e-12).imaginaryAtMax == 1.0)
        #expect(classify(eigenvalues: [Complex(0.2, 0), Complex(-1, 0)], tolerance: 1e-12).stabilityClass == .oneReal)
        #expect(classify(eigenvalues: pair + [Complex(0.2, 0)], tolerance: 1e-12).unstableCount == 3)
        #expect(classify(eigenvalues: [Complex(-0.2, 3), Complex(-0.2, -3)], tolerance: 1e-12).stabilityClass == .stable)
    }

    @Test func scanOf003MatchesAppendixBAndThreshold() throws {
        // Dicke line: at γ↑ = 0.3 the S–a block loses stability at λ_c = √((1 + κ²/4)/4)
        // ≈ 0.50022 (App. B; η, η' shift it slightly), so λ = 0.45 is stable and 0.55 real-unstable.
        // Lasing: at λ = 0.2 the certified threshold is γ↑ ≈ 0.70938 (ThresholdTests), so
        // γ↑ = 0.65 is stable and 0.75 a complex pair.
        let input = try ModelInput.load(path: model003, needMatrix: true)
        let ctx = input.parameters
        let values = try ctx.assignments(fig4)
        let problem = try StabilityProblem(matrix: try input.requireMatrix(), free: [try ctx.symbol(named: "gup"), try ctx.symbol(named: "lambda")], values: values)
        let classifier = try StabilityClassifier(problem: problem)
        let evaluate = try classifier.makeRowEvaluator()
        let atDicke = try evaluate(0.45, [0.3]) + (try evaluate(0.55, [0.3]))
        #expect(atDicke.map(\.classCode) == [StabilityClass.stable.rawValue, StabilityClass.oneReal.rawValue])
        let atLasing = try evaluate(0.2, [0.65, 0.75])
        #expect(atLasing.map(\.classCode) == [StabilityClass.stable.rawValue, StabilityClass.complexPair.rawValue])
    }

    @Test func shardsMergeToTheWholeScan() throws {
        // Second method: a scan in 3 shards merged equals the scan in one piece, byte for byte.
        let input = try ModelInput.load(path: model003, needMatrix: true)
        let ctx = input.parameters
        let x = try ctx.axis("gup=0:1:7"), y = try ctx.axis("lambda=0:1:5")
        let problem = try StabilityProblem(matrix: try input.requireMatrix(), free: [x.symbol, y.symbol], values: try ctx.assignments(fig4))
        let c = try StabilityClassifier(problem: problem)
        let whole = tempPath("whole")
        _ = try runScan(c, x: x, y: y, out: whole, threads: 2, progress: false)
        var parts: [String] = []
        for i in 1...3 {
            let p = tempPath("part\(i)")
            _ = try runScan(c, x: x, y: y, shard: try Shard(index: i, count: 3), out: p, threads: 2, progress: false)
            parts.append(p)
        }
        let merged = tempPath("merged")
        _ = try mergeScans(parts.reversed(), out: merged)
        let a = try String(contentsOfFile: whole + "/grid.csv", encoding: .utf8)
        let b = try String(contentsOfFile: merged + "/grid.csv", encoding: .utf8)
        #expect(a == b)
        #expect(a.split(separator: "\n").count == 1 + 7 * 5)
        #expect(FileManager.default.fileExists(atPath: merged + "/diagram.svg"))
        // A missing shard is refused and leaves no output.
        let bad = tempPath("bad")
        #expect(throws: AnalysisError.self) { _ = try mergeScans(Array(parts.prefix(2)), out: bad) }
        #expect(leftovers(bad).isEmpty)
        for p in [whole, merged] + parts { try? FileManager.default.removeItem(atPath: p) }
    }

    @Test func badInputsFailCleanly() throws {
        // Unknown parameter, empty range, malformed model: an error naming the problem and no folder.
        let input = try ModelInput.load(path: model003, needMatrix: true)
        let ctx = input.parameters
        #expect(throws: AnalysisError.unknownParameter("nosuch", known: Array(ctx.symbols.keys))) { _ = try ctx.axis("nosuch=0:1:3") }
        #expect(throws: AnalysisError.self) { _ = try ctx.axis("gup=0.5:0.5:10") }
        #expect(throws: AnalysisError.self) { _ = try ctx.axis("gup=0:1:0") }
        let missing = try? StabilityProblem(matrix: try input.requireMatrix(), free: [try ctx.symbol(named: "gup"), try ctx.symbol(named: "lambda")], values: [:])
        #expect(missing == nil)
        let broken = tempPath("broken") + ".kd"
        try "parameters wc : real\nboson a\nH = wc a† a +\n".write(toFile: broken, atomically: true, encoding: .utf8)
        do {
            _ = try ModelInput.load(path: broken, needMatrix: true)
            Issue.record("a malformed model loaded")
        } catch {
            #expect("\(error)".contains(broken + ":"))  // file:line:column
        }
        try? FileManager.default.removeItem(atPath: broken)
    }

    @Test func cliFailuresLeaveNoFolder() throws {
        // The built keldysh binary, as a user runs it: non-zero exit, message, no output folder.
        let exe = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/keldysh").path
        guard FileManager.default.isExecutableFile(atPath: exe) else { return }
        for args in [["--x", "nosuch=0:1:3", "--y", "lambda=0:1:3"], ["--x", "gup=1:0:3", "--y", "lambda=0:1:3"],
                     ["--x", "gup=0:1:3", "--y", "lambda=0:1:3"]] {  // the last lacks --set values
            let out = tempPath("cli")
            let p = Process()
            p.executableURL = URL(fileURLWithPath: exe)
            p.arguments = ["scan", model003] + args + ["--out", out, "--quiet"]
            let err = Pipe()
            p.standardError = err
            p.standardOutput = Pipe()
            try p.run()
            p.waitUntilExit()
            let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(p.terminationStatus != 0)
            #expect(message.contains("error:"))
            #expect(leftovers(out).isEmpty)
        }
    }
}
