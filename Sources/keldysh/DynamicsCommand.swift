import ArgumentParser
import Derivations

/// `keldysh dynamics`: integrates the mean-field equations (DOP853, native right-hand side).
///
///     keldysh dynamics model.kd --set gup=0.9 --set gdown=0.1 ... --t 2000 \
///         --observe 'Sx=re(<S->)' --observe 'n=abs(<a>)^2' --initial 'a=0.01, Sz=-0.49, S-=0.1' --out run
struct DynamicsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dynamics",
        abstract: "Integrate the mean-field equations; report time averages, amplitudes and the dynamical phase.")

    @OptionGroup var options: AnalysisModelOptions
    @OptionGroup var dyn: DynamicsArguments
    @Option(help: "Output folder for trajectory.csv and trajectory.svg (must not exist).") var out: String?
    @Option(help: "1: mean field; 2: second-order cumulants (set N; second moments start from a product state on the means).")
    var cumulantOrder: Int = 1
    @Flag(help: "Report the drift of the quantities the model conserves (S² of each ensemble, U(1) charges); always at second order.")
    var conserved = false
    @Flag(help: "Drop the moments that vanish by a phase symmetry of the model (Z₂, U(1)), as derive --symmetric does; the state must have the symmetry.")
    var symmetric = false

    func run() throws {
        var o = DynamicsJobOptions(model: options.model)
        o.settings = options.settings
        o.dynamics = dyn.options
        o.out = out
        o.cumulantOrder = cumulantOrder
        o.conserved = conserved
        o.symmetric = symmetric
        try keldysh.run { render(try dynamics(o), json: options.json) }
    }
}
