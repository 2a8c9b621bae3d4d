import Analysis
import ArgumentParser
import Derivations

/// `keldysh kernel`: K₁^R(ω = 0) of B15 at one parameter point, certified.
///
///     keldysh kernel model.kd --set g=1 … --set h=0.7 --set muS=-0.4 --reading first-order
struct KernelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "kernel",
        abstract: "The photon's fluctuation kernel K1^R(0) of a field-theory model at one point, certified (an enclosure with its proof).")

    @OptionGroup var options: AnalysisModelOptions
    @Option(help: "What G is in A51: g0, one-shot, first-order.") var reading: DysonReading = .firstOrder
    @Option(help: "The quadrature's proven truncation bound (1e-30 to 1e-2).") var tolerance = 1e-10
    @Option(help: "Bits of the balls' centres (64 to 512).") var bits = 128

    func run() throws {
        var o = KernelOptions(model: options.model)
        o.settings = options.settings
        o.reading = reading
        o.tolerance = tolerance
        o.bits = bits
        o.progress = true
        try keldysh.run {
            let outcome = try certifyKernel(o)
            return (render(outcome, json: options.json), [])
        }
    }
}
