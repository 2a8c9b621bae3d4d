import Foundation
import Testing

/// Every subcommand of `keldysh` run as a process: one input that succeeds (its output
/// checked against values worked out by hand below) and one bad input (its message, exit
/// status 1, and no output folder left behind, staged or final).
///
/// The model of most cases is a damped, pumped oscillator,
///     H = w a†a, dissipators k D[a] and g D[a†],
/// whose mean-field equation is d⟨a⟩/dt = (−iw + (g − k)/2)⟨a⟩ (D[a] gives −k/2, D[a†] gives
/// +g/2): eigenvalues (g − k)/2 ∓ iw, unstable exactly for g > k, a complex pair crossing at
/// g = k with frequency w.
@Suite("keldysh as a process")
struct SubcommandTests {
    static let oscillator = """
        parameters w, k : real positive
        parameters g : real nonnegative
        boson a
        H = w a† a
        dissipator k D[a]
        dissipator g D[a†]
        steady a = 0
        variables a, a*

        """
    static let badModel = "parameters w\nboson a\nH = w a† a +\n"

    func run(_ args: [String], files: [String: String] = ["osc.kd": oscillator, "bad.kd": badModel])
        throws -> (KeldyshProcess.Result, URL) {
        let dir = try KeldyshProcess.folder(files)
        return (try KeldyshProcess.run(args, in: dir), dir)
    }

    /// A failed run: exit status 1 (64, EX_USAGE, for a command line that does not parse),
    /// nothing on standard output, `message` on standard error, and the folder holds only what
    /// was there before.
    func expectFailure(_ args: [String], _ message: String, status: Int32 = 1,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (r, dir) = try run(args)
        #expect(r.status == status, "exit status", sourceLocation: sourceLocation)
        #expect(r.stdout.isEmpty, "stdout: \(r.stdout)", sourceLocation: sourceLocation)
        #expect(r.stderr.contains(message), "stderr: \(r.stderr)", sourceLocation: sourceLocation)
        #expect(try KeldyshProcess.entries(dir) == ["osc.kd", "bad.kd"], sourceLocation: sourceLocation)
    }

    @Test func simplifyAndLatex() throws {
        // x + x = 2x; (x + 1)² − x² stays a canonical sum (no expansion is asked).
        #expect(try run(["simplify", "x + x"]).0.stdout == "2*x\n")
        // A leading minus is part of the expression, not an option (A2 entry (1,1) of 003).
        #expect(try run(["latex", "-I omega_c - kappa/2"]).0.stdout == "-i\\omega_c - \\frac{\\kappa}{2}\n")
        #expect(try run(["simplify", "--json", "-x"]).0.stdout == "{\"input\": \"-x\", \"result\": \"-x\", \"latex\": \"-x\"}\n")
        try expectFailure(["simplify", "(x + 1"], "error: <input>:1:7: expected ')' to close '(' opened at 1:1")
        try expectFailure(["latex", "--jsn", "x"], "Unknown option '--jsn'", status: 64)
    }

    @Test func codegenCompilesAndEvaluates() throws {
        // The generated C evaluates x² + 1: at x = 3 it must print 10 (compiled with cc).
        let (r, dir) = try run(["codegen", "--params", "x:real", "--lang", "c", "x^2 + 1"])
        #expect(r.status == 0)
        let main = r.stdout + "\n#include <stdio.h>\nint main(void) { double x = 3, y; kk_eval(&x, &y); printf(\"%g\\n\", y); return 0; }\n"
        try main.write(to: dir.appendingPathComponent("f.c"), atomically: true, encoding: .utf8)
        let cc = Process()
        cc.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        cc.arguments = ["cc", "-o", dir.appendingPathComponent("f").path, dir.appendingPathComponent("f.c").path, "-lm"]
        try cc.run()
        cc.waitUntilExit()
        #expect(cc.terminationStatus == 0, "the generated C does not compile")
        let out = try KeldyshProcess.runProgram(dir.appendingPathComponent("f"))
        #expect(out == "10\n")
        try expectFailure(["codegen", "--params", "x", "x +"], "error: <argument>:1:4:")
        try expectFailure(["codegen", "--params", "x", "--lang", "fortran", "x"], "fortran", status: 64)
    }

    @Test func deriveTheOscillator() throws {
        let (r, _) = try run(["derive", "osc.kd", "--linearize"])
        #expect(r.status == 0)
        #expect(r.stdout == """
            # Mean-field equations of osc.kd (intensive variables)
            d⟨a⟩/dt = -I*w*⟨a⟩ + g*⟨a⟩/2 - k*⟨a⟩/2
            # closure: none needed, no product of operators to factorise: the equations are exact

            # Stability matrix, d/dt δx = A δx with δx = (δ⟨a⟩, δ⟨a†⟩)
            row 1: -I*w + g/2 - k/2 | 0
            row 2: 0 | I*w + g/2 - k/2

            """)
        try expectFailure(["derive", "bad.kd"], "bad.kd:3:13: error: expected an expression at the end of the input")
        // Second order, by hand: k D[a] gives −k n and g D[a†] gives a n a† − ½{a a†, n} =
        // (n + 1)² − n(n + 1) = n + 1, so d⟨a†a⟩/dt = (g − k)⟨a†a⟩ + g, closed exactly; orders
        // other than 1 and 2 are refused with the reason.
        let (second, _) = try run(["derive", "osc.kd", "--operators", "a, a† a", "--cumulant-order", "2"])
        #expect(second.status == 0)
        #expect(second.stdout == """
            # Second-order cumulant equations of osc.kd
            d⟨a⟩/dt = -I*w*⟨a⟩ + g*⟨a⟩/2 - k*⟨a⟩/2
            d⟨a† a⟩/dt = g*⟨a† a⟩ - k*⟨a† a⟩ + g
            # closure: none needed, no product of operators to factorise: the equations are exact

            """)
        try expectFailure(["derive", "osc.kd", "--cumulant-order", "3"], "only 1 (mean field) and 2 (second-order cumulants) are implemented")
        // t_E needs an ensemble size N; a model without spins is refused, not crashed on.
        try expectFailure(["cumulants", "osc.kd", "--sizes", "10"], "the model has no spin ensemble")
    }

    /// The oscillator below threshold (k = 1 > g = 1/2, w = 1), by hand: ⟨a⟩ = 0, ⟨a†a⟩ = g/(k − g) = 1,
    /// ⟨a†(t+τ)a(t)⟩ = e^{(iw − (k − g)/2)τ}, one line −1/4 + i, S(w) = (1/π)/(1/4) = 4/π.
    @Test func correlationOfTheOscillator() throws {
        let (r, _) = try run(["correlation", "osc.kd", "--operators", "a†, a", "--set", "w=1", "--set", "k=1", "--set", "g=1/2",
                              "--omega", "1:1:1", "--settle", "200", "--tau", "4", "--json"])
        #expect(r.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let g0 = try #require(json["G0"] as? [Double])
        #expect(abs(g0[0] - 1) < 1e-8 && abs(g0[1]) < 1e-8)
        let peak = try #require(json["peak"] as? [String: Double])
        #expect(abs(peak["S"]! - 4 / Double.pi) < 1e-8 && peak["omega"] == 1)
        let rates = try #require(json["rates"] as? [[Double]])
        #expect(rates.count == 1 && abs(rates[0][0] + 0.25) < 1e-12 && abs(rates[0][1] - 1) < 1e-12)
        // B must be one operator (⟨a(t+τ) a†a(t)⟩ would need a third-order closure); no folder is left.
        try expectFailure(["correlation", "osc.kd", "--operators", "a, a† a", "--set", "w=1", "--set", "k=1", "--set", "g=1/2",
                           "--out", "c"], "the earlier operator of a correlation must be a single operator")
        // Above threshold there is no steady state to start from.
        try expectFailure(["correlation", "osc.kd", "--operators", "a†, a", "--set", "w=1", "--set", "k=1/2", "--set", "g=1",
                           "--initial", "a=0.1", "--settle", "10"], "no steady state")
    }

    @Test func verifyAFolder() throws {
        let manifest = "model osc.kd\nmeanfield A: a\nequation A.a: d<a>/dt = -(i w + (k - g)/2) <a>\n"
        let dir = try KeldyshProcess.folder(["d/osc.kd": Self.oscillator, "d/verify.kd": manifest,
                                             "w/osc.kd": Self.oscillator, "w/verify.kd": manifest.replacingOccurrences(of: "(k - g)", with: "(k + g)")])
        let good = try KeldyshProcess.run(["verify", "d"], in: dir)
        #expect(good.status == 0)
        #expect(good.stdout.hasSuffix("summary: 1 identical, 0 differ, 0 errata, 0 not derived: reproduced\n"))
        // The sign of the pump flipped: the difference is g⟨a⟩ (derived − printed), exit 1.
        let wrong = try KeldyshProcess.run(["verify", "w"], in: dir)
        #expect(wrong.status == 1)
        #expect(wrong.stdout.contains("derived − printed = g*⟨a⟩"))
        #expect(wrong.stdout.hasSuffix("summary: 0 identical, 1 differ, 0 errata, 0 not derived: NOT reproduced\n"))
        try expectFailure(["verify", "nowhere"], "nowhere/verify.kd:1:1: error: cannot read the file")
    }

    /// The Keldysh route on the same oscillator: the classical saddle point of its rotated
    /// contour action is the mean-field equation above (∂t a_cl = (−iw + (g − k)/2) a_cl), and
    /// a manifest other than verify.kd is read with --manifest.
    @Test func keldyshStepsAndAManifest() throws {
        let (r, _) = try run(["derive", "osc.kd", "--steps"])
        #expect(r.status == 0)
        let steps = r.stdout.split(separator: "\n").filter { $0.hasPrefix("== ") }
            .map { $0.dropFirst(3).prefix(while: { $0 != " " && $0 != ":" }) }
        #expect(steps == ["contour-action", "keldysh-rotation", "classical-saddle-point"])
        #expect(r.stdout.hasSuffix("∂t a_cl = -I*a_cl*w + a_cl*g/2 - a_cl*k/2\n"))
        let manifest = "model osc.kd\nsaddle K: a\nequation K.a: d<a>/dt = -(i w + (k - g)/2) <a>\n"
        let dir = try KeldyshProcess.folder(["d/osc.kd": Self.oscillator, "d/keldysh.kd": manifest])
        let good = try KeldyshProcess.run(["verify", "d", "--manifest", "keldysh.kd"], in: dir)
        #expect(good.status == 0)
        #expect(good.stdout.hasSuffix("summary: 1 identical, 0 differ, 0 errata, 0 not derived: reproduced\n"))
        try expectFailure(["verify", "nowhere", "--manifest", "keldysh.kd"], "nowhere/keldysh.kd:1:1: error: cannot read the file")
    }

    /// The 3 × 3 grid g ∈ {0, 1, 2}, k ∈ {0.5, 1, 1.5} at w = 1: unstable (a complex pair)
    /// where g > k, marginal at g = k = 1, stable elsewhere.
    static let grid = """
        g,k,class,unstable,max_re,im_at_max_re
        0.0,0.5,stable,0,-0.25,1.0
        1.0,0.5,complex-pair,2,0.25,1.0
        2.0,0.5,complex-pair,2,0.75,1.0
        0.0,1.0,stable,0,-0.5,1.0
        1.0,1.0,marginal,0,0.0,1.0
        2.0,1.0,complex-pair,2,0.5,1.0
        0.0,1.5,stable,0,-0.75,1.0
        1.0,1.5,stable,0,-0.25,1.0
        2.0,1.5,complex-pair,2,0.25,1.0

        """

    @Test func scanAndMerge() throws {
        let axes = ["--x", "g=0:2:3", "--y", "k=0.5:1.5:3", "--set", "w=1", "--quiet"]
        let (r, dir) = try run(["scan", "osc.kd"] + axes + ["--out", "s", "--json"])
        #expect(r.status == 0)
        #expect(r.stdout == "{\"folder\": \"s\", \"points\": 9, \"counts\": {\"complex-pair\": 4, \"marginal\": 1, \"stable\": 4}, \"diagram\": true}\n")
        #expect(try String(contentsOf: dir.appendingPathComponent("s/grid.csv"), encoding: .utf8) == Self.grid)
        // The same grid in two shards, merged: the same rows.
        for i in 1...2 {
            #expect(try KeldyshProcess.run(["scan", "osc.kd"] + axes + ["--shard", "\(i)/2", "--out", "p\(i)"], in: dir).status == 0)
        }
        let merged = try KeldyshProcess.run(["merge", "p1", "p2", "--out", "m"], in: dir)
        #expect(merged.status == 0 && merged.stdout.hasPrefix("wrote m/grid.csv (9 points) and diagram.svg"))
        #expect(try String(contentsOf: dir.appendingPathComponent("m/grid.csv"), encoding: .utf8) == Self.grid)
        let missing = try KeldyshProcess.run(["merge", "p1", "--out", "m2"], in: dir)
        #expect(missing.status == 1 && missing.stderr.contains("need each of 1…2 once"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("m2").path))
        try expectFailure(["scan", "osc.kd", "--x", "g=0:2:3", "--y", "k=1:0:3", "--set", "w=1", "--out", "s"],
                          "error: bad range 'k=1:0:3': the lower end exceeds the upper end")
        try expectFailure(["scan", "bad.kd", "--x", "g=0:2:3", "--y", "k=0:1:3", "--out", "s"], "bad.kd:3:13: error:")
    }

    @Test func thresholdIsExactlyGEqualsK() throws {
        let (r, _) = try run(["threshold", "osc.kd", "--vary", "g", "--in", "0:1", "--set", "w=1", "--set", "k=1/2",
                              "--digits", "20", "--json"])
        #expect(r.status == 0)
        // g = k = 1/2 exactly (a rational root of the resultant), a complex pair at ω = w = 1.
        #expect(r.stdout.contains("\"value\": \"5.0000000000000000000e-1\""))
        #expect(r.stdout.contains("\"lower\": \"1/2\", \"upper\": \"1/2\""))
        // The frequency to the requested digits (issue 14: not a double), and the counts.
        #expect(r.stdout.contains("\"crossing\": \"complex\", \"frequency\": \"1.0000000000000000000e0\", \"unstable\": \"above\""))
        #expect(r.stdout.contains("\"unstable_below\": {\"total\": 0, \"real\": 0, \"complex\": 0}, \"unstable_above\": {\"total\": 2, \"real\": 0, \"complex\": 2}"))
        // --crossing real: a complex pair is not a real crossing; the error names the root.
        try expectFailure(["threshold", "osc.kd", "--vary", "g", "--in", "0:1", "--set", "w=1", "--set", "k=1/2", "--crossing", "real"],
                          "error: no real eigenvalue crosses zero for g in")
        try expectFailure(["threshold", "osc.kd", "--vary", "g", "--in", "0:1/4", "--set", "w=1", "--set", "k=1/2"],
                          "error: the largest real part of the eigenvalues does not change sign for g in")
        try expectFailure(["threshold", "osc.kd", "--vary", "q", "--in", "0:1"], "error: unknown parameter 'q'; the model has: g, k, w")
    }

    @Test func algebraVerbs() throws {
        // By hand: (x² − 1)/(x − 1) = x + 1; (x + 1)² − x² − 2x = 1; 1/x + 1/y = (x + y)/(xy);
        // 1/(x² − 1) = (1/(x − 1) − 1/(x + 1))/2, printed with −1/(−x + 1) for 1/(x − 1).
        for (verb, input, output) in [("cancel", "(x^2 - 1)/(x - 1)", "x + 1\n"), ("expand", "(x+1)^2 - x^2 - 2*x", "1\n"),
                                      ("together", "1/x + 1/y", "(x + y)/(x*y)\n"),
                                      ("apart", "1/(x^2-1)", "(-1/(-x + 1) - 1/(x + 1))/2\n")] {
            let (r, _) = try run([verb, input])
            #expect(r.status == 0 && r.stdout == output, "\(verb) \(input): \(r.stdout)")
        }
        try expectFailure(["apart", "1/((x-1)(y+1))"], "error: apart: give the variable with --in (the expression has 2 free symbols: x, y)")
    }

    @Test func factorVerb() throws {
        // SymPy factor_list(x**4 + 4*y**4) → (x² − 2xy + 2y²)(x² + 2xy + 2y²) (Sophie Germain);
        // x⁴ − 1 = (x − 1)(x + 1)(x² + 1) by hand, each factor printed as it reads alone;
        // 6x² + 12x + 6 = 6(x + 1)² and (x² − y²)/(x + y)² = (x − y)/(x + y) by hand;
        // the Swinnerton–Dyer polynomial is irreducible (SymPy), printed without parentheses.
        for (input, output) in [("x^4 + 4*y^4", "(x^2 + 2*y^2 - 2*x*y)*(2*x*y + x^2 + 2*y^2)\n"),
                                ("x^4 - 1", "(x - 1)*(x + 1)*(x^2 + 1)\n"), ("6*x^2 + 12*x + 6", "6*(x + 1)^2\n"),
                                ("(x^2 - y^2)/(x^2 + 2*x*y + y^2)", "(x - y)/(x + y)\n"),
                                ("x^8 - 40*x^6 + 352*x^4 - 960*x^2 + 576", "x^8 - 40*x^6 + 352*x^4 - 960*x^2 + 576\n")] {
            let (r, _) = try run(["factor", input])
            #expect(r.status == 0 && r.stdout == output, "factor \(input): \(r.stdout)")
        }
        // Coefficients with I: the square-free decomposition, with a note. By hand:
        // x² + 2ix − 1 = (x + i)².
        let (g, _) = try run(["factor", "x^2 + 2*I*x - 1"])
        #expect(g.status == 0 && g.stdout == "(x + I)^2\n", "\(g.stdout)")
        #expect(g.stderr.contains("note: factor: the coefficients involve I"))
        try expectFailure(["factor", "--assume", "a:operator", "a*a + a"],
                          "error: factor: a^2 + a contains operators or Grassmann factors, which do not commute")
        try expectFailure(["factor", "x^500 + 1"], "error: factor: degree 500 in x (limit 400)")
    }

    @Test func simplifyChoosesTheSimplestForm() throws {
        // Issue 14's examples: (x² − 1)/(x − 1) = x + 1 (cancel: x + 1 is 3 nodes, fewer than the
        // canonical form (−x² + 1)/(−x + 1)), (x + 1)² − x² − 2x = 1 (expand); (x + y)² − x² = (2x + y)y
        // (factor: 7 nodes, expand 2xy + y² has 8). --canonical keeps the canonical form.
        for (args, output) in [(["(x^2 - 1)/(x - 1)"], "x + 1\n"), (["(x+1)^2 - x^2 - 2*x"], "1\n"),
                               (["(x + y)^2 - x^2"], "(2*x + y)*y\n"), (["--canonical", "(x + y)^2 - x^2"], "(x + y)^2 - x^2\n"),
                               (["(x^2 - 1)/(x - 1)", "--canonical"], "(-x^2 + 1)/(-x + 1)\n")] {
            let (r, _) = try run(["simplify"] + args)
            #expect(r.status == 0 && r.stdout == output, "simplify \(args): \(r.stdout)")
        }
    }

    @Test func steadyStateOfTheOscillator() throws {
        // g = 0: the only steady state is ⟨a⟩ = 0 with eigenvalues (g − k)/2 ∓ iw = −1/4 ∓ i.
        let (r, _) = try run(["steady", "osc.kd", "--set", "w=1", "--set", "k=1/2", "--set", "g=0", "--digits", "10", "--json"])
        #expect(r.status == 0)
        // Named `stationary` (the model has no `phase` statements; ⟨a⟩ = 0 is not ordered).
        #expect(r.stdout.hasPrefix("[{\"index\": 1, \"name\": \"stationary\", \"stability\": \"stable\""))
        #expect(r.stdout.contains("{\"re\": \"-2.500000000e-1\", \"im\": \"1.000000000e0\", \"multiplicity\": 1}"))
        try expectFailure(["steady", "osc.kd", "--set", "w=1", "--set", "k=1/2"],
                          "error: steady states need every parameter set to a rational number; left: g")
    }

    @Test func dynamicsDecays() throws {
        // g = 0: |⟨a⟩|² = 0.01 e^{−kt} with k = 1/2; over the window t ∈ [20, 40] it relaxes to 0.
        let (r, dir) = try run(["dynamics", "osc.kd", "--set", "w=1", "--set", "k=1/2", "--set", "g=0", "--t", "40",
                                "--observe", "n=abs(<a>)^2", "--initial", "a=0.1", "--out", "run"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("phase: stationary (relaxing"))
        #expect(r.stdout.contains("window: t ∈ [20.0, 40.0]"))
        #expect(r.stdout.hasSuffix("wrote run/trajectory.csv and trajectory.svg\n"))
        // The trajectory at t = 0 and t = 40: n = 0.01 and 0.01 e^{−20} = 2.06e−11 (relative 1e-6).
        let rows = try String(contentsOf: dir.appendingPathComponent("run/trajectory.csv"), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ",") }
        #expect(rows.first == ["t", "n", "re ⟨a⟩", "im ⟨a⟩"])
        let first = Double(rows[1][1])!, last = Double(rows.last![1])!
        #expect(abs(first - 0.01) < 1e-12 && abs(last / (0.01 * exp(-20.0)) - 1) < 1e-6)
        try expectFailure(["dynamics", "osc.kd", "--set", "w=1", "--set", "k=1/2", "--set", "g=0", "--out", "run"],
                          "error: bad assignment '--observe': give at least one observable")
    }

    @Test func helpListsEverySubcommand() throws {
        let r = try run(["--help"]).0
        for name in ["simplify", "latex", "codegen", "derive", "verify", "scan", "merge", "dynamics", "threshold", "steady", "spectrum", "expand", "cancel", "together", "apart", "factor"] {
            #expect(r.stdout.contains("  \(name) "), "\(name) missing from --help")
        }
    }
}

extension KeldyshProcess {
    /// Runs a program without arguments and returns its standard output.
    static func runProgram(_ url: URL) throws -> String {
        let p = Process()
        p.executableURL = url
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

/// Issue 15 as a user meets it on the command line: inputs that crashed now give a result
/// or a positioned error, and a name read as a new function is said.
@Suite("keldysh on bad and huge input")
struct BadInputTests {
    func run(_ args: [String], files: [String: String] = [:]) throws -> KeldyshProcess.Result {
        try KeldyshProcess.run(args, in: try KeldyshProcess.folder(files))
    }

    @Test func thirtyThousandZerosDoNotOverflowTheStack() throws {
        // Before: "Bad pointer dereference" (recursion in the elaborator). x + 0 + … = x.
        let r = try run(["simplify", "x" + String(repeating: "+0", count: 30_000)])
        #expect(r.status == 0)
        #expect(r.stdout == "x\n")
    }

    @Test func infinityTable() throws {
        for (input, expected) in [("oo - oo", "undefined"), ("0*oo", "undefined"), ("oo/oo", "undefined"),
                                  ("undefined - undefined", "undefined"), ("0^0", "1")] {
            let r = try run(["simplify", input])
            #expect(r.status == 0 && r.stdout == expected + "\n", "\(input): \(r.stdout) \(r.stderr)")
        }
    }

    @Test func undeclaredFunctionsAreNoted() throws {
        let r = try run(["simplify", "Exp(x) + sin(y)"])
        #expect(r.status == 0)
        #expect(r.stdout == "Exp(x) + sin(y)\n")
        #expect(r.stderr == "note: <input>:1:1: 'Exp' is not a builtin function (did you mean 'exp'?); it is read "
                + "as an undeclared function symbol (declare it with --assume 'Exp:function' to silence this note)\n")
        // Declared, it is silent.
        let d = try run(["simplify", "Exp(x)", "--assume", "Exp:function"])
        #expect(d.status == 0 && d.stderr.isEmpty)
    }

    @Test func operatorPowerRefusedWithItsLine() throws {
        let model = "parameters w, k : real positive\nboson a\nH = w (a† a)^600\ndissipator k D[a]\n"
        let r = try run(["derive", "m.kd"], files: ["m.kd": model])
        #expect(r.status == 1)
        #expect(r.stderr == "m.kd:3:5: error: unsupported: (a†*a)^600 has operator words of 1200 letters, more than "
                + "the limit of 64 letters per word (docs/limits.md)\n")
    }
}
