// Paper 000's chain (issue 12): the whole symbolic derivation of
// derivations/000-open-tavis-cummings/model.kd, from the model text to A58 and B15 (what
// `keldysh derive MODEL --steps` computes), timed step by step. Each step is called through the
// same public API that `KeldyshDerivation` / `SelfEnergyChain` / `deriveSteps` use, in the same
// order and on the same inputs; the causality reduction's replacement tables are internal to
// FieldTheory, so they are rebuilt here exactly as `SelfEnergyChain.causalNames/supports` do.
//
// Usage: ChainBenchmark MODEL.kd [repetitions [--export DIR]]   (default 20)
//
// One JSON line per step: first call, best and median of the repetitions; then a line for the
// sum of the steps and one for `deriveSteps(path:)` itself (the CLI's function, end to end),
// then the slowest step split in two (Fourier step; inverse), and a check line: the step-by-step records equal deriveSteps' records (step names and text).
import Derivations
import FieldTheory
import Foundation
import Symbolic
#if canImport(Glibc)
import Glibc
#endif

@inline(never) func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

let arguments = CommandLine.arguments
guard arguments.count > 1, let modelText = try? String(contentsOfFile: arguments[1], encoding: .utf8) else {
    FileHandle.standardError.write(Data("usage: ChainBenchmark MODEL.kd [repetitions]\n".utf8))
    exit(2)
}
let path = arguments[1]
let repetitions = arguments.count > 2 ? Int(arguments[2]) ?? 20 : 20

/// One pass of the chain; `lap(name)` closes the step that ended at that moment.
func pass(_ lap: (String) -> Void) throws -> [DerivationRecord] {
    let model = try Model.parse(modelText, file: path)
    lap("parse")
    // Model.keldyshDerivation(), step by step.
    let branches = try ContourAction.from(model.system)  // (the library also sets latexNames here: LaTeX only)
    lap("contour-action (A2)")
    var (action, _) = try KeldyshRotation.apply(branches)
    lap("keldysh-rotation (A4-A7)")
    for b in model.keldysh.baths {
        (action, _) = try MarkovianBath.apply(action, field: b.mode, rate: b.rate, distribution: b.distribution)
        lap("markovian-bath \(b.mode) (A8-A11)")
    }
    if !model.keldysh.frame.isEmpty {
        (action, _) = try RotatingFrame.apply(action, rates: model.keldysh.frame)
        lap("rotating-frame (A14)")
    }
    let framed = action
    let bg = model.keldysh.background!
    (action, _) = try BackgroundField.apply(action, field: bg.mode, classical: bg.classical)
    lap("background (A14)")
    // The records and actions of the steps above, as the library assembles them (not timed apart:
    // it recomputes them, so it is subtracted out by timing it separately).
    let derivation = try model.keldyshDerivation()
    lapSkip()
    // withSectors: each spinor and each boson with a bath, Fourier step + kernel + G = K⁻¹.
    let bosons = model.keldysh.baths.map(\.mode).filter { derivation.bathed.field(named: $0)?.statistics == .boson }
    var out = derivation
    for s in model.keldysh.spinors.map(\.name) + bosons {
        out = try out.withSectors([s])
        lap("sector \(s): Fourier step, kernel, G = K^-1 (A12-A20)")
    }
    // SelfEnergyChain.init, step by step.
    let se = model.keldysh.selfEnergy!
    let spinorDecl = model.keldysh.spinors.first { $0.name == se.spinor }!
    let spinor = spinorDecl.modes.map { framed.field(named: $0)! }
    let d = "d" + bg.mode
    let (split, splitting) = try FieldSplitting.apply(framed, field: bg.mode, fluctuation: d, background: [.classical: bg.classical])
    lap("field-splitting (A21)")
    let interaction = try PhotonMediatedInteraction(split, fluctuation: d, propagatorName: bg.mode)
    lap("photon-mediated-interaction: dpsi integrated out (A21)")
    let decoupling = try HubbardStratonovich.bilocal(interaction.interaction, left: spinor[1], right: spinor[0])
    lap("hubbard-stratonovich (A22)")
    let selfEnergy = try SelfEnergy.spinor(decoupling.linear, fields: spinor, sign: se.sign)
    lap("self-energy (A23-A32)")
    let saddle = try PhotonSaddlePoint(split, fluctuation: d, spinor: spinor, interaction: interaction)
    lap("photon-saddle-point (A35-A38)")
    let causality = CausalityReduction(selfEnergy.matrix, replacements: causalNames(spinor), supports: supports(spinor, bg.mode))
    lap("causality-reduction (A40-A50)")
    let fluct = try PhotonFluctuationKernel(split, fluctuation: d, spinor: spinor, photonKernel: interaction.greens.kernel.matrix)
    lap("photon-fluctuation-kernel (B9-B15)")
    // The library's chain object (needed by SelfEnergyFrequency; recomputes the above, untimed).
    let chain = try derivation.selfEnergyChain(se.spinor, sign: se.sign)
    lapSkip()
    let freq = try chain.frequency(se.reading)
    lap("self-energy in frequency (A51-A58)")
    var records = out.records
    records += [splitting, interaction.record, decoupling.record, selfEnergy.record]
    records += chain.records.filter { $0.step == "effective-action" }
    records += [saddle.record, causality.record, fluct.record, freq.record]
    return records
}

// SelfEnergyChain.causalNames / supports (internal there), verbatim.
func causalNames(_ spinor: [Field]) -> [Expr: Expr] {
    let t = Expr.symbol(Action.time), t2 = Expr.symbol(PhotonMediatedInteraction.otherTime)
    var out: [Expr: Expr] = [:]
    for f in spinor {
        out[HubbardStratonovich.auxiliary(f, .one, .one, t, t2)] = SelfEnergyChain.causalQ("R", f.name)
        out[HubbardStratonovich.auxiliary(f, .one, .two, t, t2)] = SelfEnergyChain.causalQ("K", f.name)
        out[HubbardStratonovich.auxiliary(f, .two, .one, t, t2)] = .zero
        out[HubbardStratonovich.auxiliary(f, .two, .two, t, t2)] = SelfEnergyChain.causalQ("A", f.name)
    }
    return out
}
func supports(_ spinor: [Field], _ name: String) -> [Expr: CausalSupport] {
    let t = Expr.symbol(Action.time), t2 = Expr.symbol(PhotonMediatedInteraction.otherTime)
    typealias P = PhotonMediatedInteraction
    var out: [Expr: CausalSupport] = [P.propagator("R", name, t, t2): .retarded, P.propagator("A", name, t, t2): .advanced,
                                      P.propagator("R", name, t2, t): .advanced, P.propagator("A", name, t2, t): .retarded]
    for f in spinor {
        out[SelfEnergyChain.causalQ("R", f.name)] = .retarded
        out[SelfEnergyChain.causalQ("A", f.name)] = .advanced
    }
    return out
}

nonisolated(unsafe) var last = 0.0
func lapSkip() { last = now() }

var order: [String] = []
var samples: [String: [Double]] = [:]
var firsts: [String: Double] = [:]
var totals: [Double] = [], firstTotal = 0.0
var records: [DerivationRecord] = []
for rep in 0...repetitions {
    var total = 0.0
    last = now()
    records = try pass { name in
        let t = now(), dt = t - last
        last = t
        total += dt
        if rep == 0 { order.append(name); firsts[name] = dt } else { samples[name, default: []].append(dt) }
    }
    if rep == 0 { firstTotal = total } else { totals.append(total) }
}
var whole: [Double] = [], firstWhole = 0.0
var reference: [DerivationRecord] = []
for rep in 0...repetitions {
    let t0 = now()
    reference = try deriveSteps(path: path).records
    let dt = now() - t0
    if rep == 0 { firstWhole = dt } else { whole.append(dt) }
}

// The slowest step split in two: the Fourier step reading the kernel of phi (A12–A13), and
// G = K⁻¹ by Keldysh blocks with entries cancelled (A14–A17: the peers' operation).
let derivationForSplit = try Model.parse(modelText, file: path).keldyshDerivation()
let phiName = derivationForSplit.model.keldysh.spinors[0].name
var fourier: [Double] = [], inverse: [Double] = [], firstFourier = 0.0, firstInverse = 0.0
for rep in 0...repetitions {
    let t0 = now()
    let k = try derivationForSplit.kernel(phiName)
    let t1 = now()
    let free = k.atZero(outside: derivationForSplit.stationary).kernel
    let t2 = now()
    _ = try GreensFunction(free)
    let t3 = now()
    if rep == 0 { firstFourier = t1 - t0; firstInverse = t3 - t2 } else { fourier.append(t1 - t0); inverse.append(t3 - t2) }
}

func line(_ name: String, _ first: Double, _ all: [Double], _ extra: String = "") -> String {
    let s = all.sorted()
    let esc = name.replacingOccurrences(of: "\"", with: "\\\"")
    return "{\"system\": \"keldyshkit\", \"step\": \"\(esc)\", \"first_s\": \(first), \"best_s\": \(s[0]), "
        + "\"median_s\": \(s[s.count / 2]), \"repetitions\": \(repetitions)\(extra)}"
}
for name in order { print(line(name, firsts[name]!, samples[name]!)) }
print(line("sum of the steps above", firstTotal, totals))
print(line("deriveSteps(path:) end to end (keldysh derive --steps, printing excluded)", firstWhole, whole))
print(line("  of sector \(phiName): the kernel by the Fourier step alone (part of the slowest step, not in the sum)", firstFourier, fourier))
print(line("  of sector \(phiName): G = K^-1 by blocks + cancel alone (part of the slowest step, not in the sum)", firstInverse, inverse))
// --export DIR (after the repetitions): the kernel of phi and its G, one entry a line (row-major),
// for the SymPy peer Benchmarks/peers/chain_sympy.py.
if arguments.count > 4, arguments[3] == "--export" {
    let k = try derivationForSplit.kernel(phiName).atZero(outside: derivationForSplit.stationary).kernel
    let g = try GreensFunction(k)
    let dir = arguments[4]
    try (k.matrix.rowList.flatMap { $0.map(\.description) }.joined(separator: "\n") + "\n")
        .write(toFile: dir + "/kernel.txt", atomically: true, encoding: .utf8)
    try (g.matrix.rowList.flatMap { $0.map(\.description) }.joined(separator: "\n") + "\n")
        .write(toFile: dir + "/greens.txt", atomically: true, encoding: .utf8)
}
let slowest = order.max { samples[$0]!.min()! < samples[$1]!.min()! }!
let same = records.count == reference.count && zip(records, reference).allSatisfy { $0.step == $1.step && $0.text == $1.text }
print("{\"check\": \"records equal deriveSteps'\", \"ok\": \(same), \"records\": \(records.count), \"reference_records\": \(reference.count), \"slowest_step\": \"\(slowest)\"}")
if !same {
    for (a, b) in zip(records, reference) where a.step != b.step || a.text != b.text {
        FileHandle.standardError.write(Data("differs: \(a.step) vs \(b.step)\n".utf8))
    }
    exit(1)
}
