import ArgumentParser
import Derivations

extension OutputFormat: ExpressibleByArgument {}

/// `keldysh derive`: mean-field equations and stability matrix of a model file.
///
///     keldysh derive derivations/003-spintronic-dicke/model.kd
///     keldysh derive model.kd --linearize --about 'a=0, S-=0, Sz=-1/2, T-=0, Tz=(gup-gdown)/(2 gt)' \
///         --order 'a, a*, S-, S+, T-, T+' --latex
///     keldysh derive model.kd --cumulant-order 2
struct DeriveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "derive",
        abstract: "Derive the mean-field equations (and the stability matrix) of a model file.")

    @Argument(help: "The model file (.kd).")
    var model: String

    @Option(help: "Operators whose equations to derive, e.g. 'a, S-, T-' (closure adds the rest).")
    var operators: String?

    @Flag(help: "Also print the stability matrix about --about (or the model's `steady` point).")
    var linearize = false

    @Option(help: "The linearisation point, e.g. 'a=0, S-=0, Sz=-1/2'; or N (an index, or a name such as SR), steady state N of `keldysh steady` at the --set values (the matrix then numeric, every digit proven).")
    var about: String?

    @Option(name: .customLong("set"), help: "A parameter value, NAME=VALUE; VALUE may use other parameters (repeatable). Substituted into the equations and the matrix.")
    var settings: [String] = []

    @Option(help: "Significant digits of a steady state and its matrix (--about N).")
    var digits = 30

    @Option(help: "The order of the deviations, e.g. 'a, a*, S-, S+' (x* is the conjugate of x).")
    var order: String?

    @Option(help: "1: mean field (⟨AB⟩ ≈ ⟨A⟩⟨B⟩); 2: second-order cumulants (second moments are variables, ⟨ABC⟩ closed by its disconnected part).")
    var cumulantOrder: Int = 1

    @Flag(help: "Drop the moments that vanish in a state with the model's phase symmetries (Z₂, U(1), found from H and the jump operators), and say which.")
    var symmetric = false

    @Flag(help: "Print LaTeX.")
    var latex = false

    @Flag(help: "Print JSON.")
    var json = false

    @Flag(help: "Print the Keldysh derivation step by step (contour action, rotation, baths, frame, kernels, Green's functions).")
    var steps = false

    func validate() throws {
        if latex && json { throw ValidationError("--latex and --json: choose one (the JSON holds the LaTeX of every equation and of the matrix)") }
        if steps && (linearize || about != nil || !settings.isEmpty || operators != nil) {
            throw ValidationError("--steps prints the Keldysh derivation of the model as written: it takes no --linearize, --about, --set or --operators")
        }
    }

    func run() throws {
        let format: OutputFormat = json ? .json : (latex ? .latex : .text)
        try keldysh.run {
            if steps { return render(try deriveSteps(path: model), format: format) }
            return try derive(path: model, operators: operators, linearize: linearize, about: about, order: order,
                              cumulantOrder: cumulantOrder, symmetric: symmetric, settings: settings, digits: digits).rendered(format)
        }
    }
}
