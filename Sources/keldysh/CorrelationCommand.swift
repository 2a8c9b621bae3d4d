import ArgumentParser
import Derivations

/// `keldysh correlation`: ⟨A(t+τ)B(t)⟩ and its spectrum by the quantum regression theorem at
/// second order.
///
///     keldysh correlation model.kd --operators 'a†, a' --set … --initial 'a=0.1' --out corr
struct CorrelationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "correlation",
        abstract: "Two-time correlation ⟨A(t+τ)B(t)⟩ and its spectrum by the quantum regression theorem (second-order cumulants).")

    @OptionGroup var options: AnalysisModelOptions
    @Option(help: "A, B for ⟨A(t+τ) B(t)⟩, e.g. 'a†, a' (B a single operator).") var operators: String
    @Option(help: "The means at t = 0, e.g. 'a=0.01, Sz=-0.49' (second moments: those of a product state).") var initial: String?
    @Option(help: "Start τ at this time of the trajectory instead of in the steady state.") var at: Double?
    @Option(help: "Time integrated to reach the steady state.") var settle: Double = 1000
    @Option(help: "Largest |d/dt| of an equal-time moment accepted as stationary.") var stationary: Double = 1e-7
    @Option(help: "Largest τ.") var tau: Double = 50
    @Option(help: "Sampling step in τ.") var dtau: Double = 0.05
    @Option(help: "Frequencies of the spectrum, lo:hi:n.") var omega: String = "-3:3:601"
    @Option(help: "Output folder for correlation.csv, spectrum.csv and their SVG plots (must not exist).") var out: String?

    func run() throws {
        var o = CorrelationJobOptions(model: options.model)
        o.settings = options.settings
        o.operators = operators
        o.initial = initial
        o.at = at
        o.settle = settle
        o.stationaryTolerance = stationary
        o.tau = tau
        o.dtau = dtau
        o.omega = omega
        o.out = out
        try keldysh.run { render(try correlation(o), json: options.json) }
    }
}
