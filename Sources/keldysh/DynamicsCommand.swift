import Analysis
import ArgumentParser
import Foundation
import Symbolic

/// Options of a mean-field integration (shared by `dynamics` and `scan --dynamics`).
struct DynamicsOptions: ParsableArguments {
    @Option(help: "Integration time.") var t: Double = 2000
    @Option(help: "Sampling step of the output.") var dt: Double = 0.5
    @Option(help: "Initial values, e.g. 'a=0.01, Sz=-0.49, S-=0.1, Tz=0, T-=0.01' (unlisted variables start at 0).")
    var initial: String?
    @Option(help: "An observable NAME=EXPR in the mean-field variables, e.g. 'Sx=re(<S->)' (repeatable; the first is the order parameter).")
    var observe: [String] = []

    struct Prepared {
        var observables: [(name: String, expr: Expr)]
        var initial: (MeanFieldIntegrator) throws -> [Double]
    }

    func prepare(input: ModelInput, values: [Symbol: Expr], free: [Symbol] = []) throws -> Prepared {
        var obs: [(name: String, expr: Expr)] = []
        for o in observe {
            guard let eq = o.firstIndex(of: "=") else { throw AnalysisError.badAssignment(o, reason: "expected NAME=EXPR") }
            obs.append((String(o[..<eq]), try input.parameters.parse(String(o[o.index(after: eq)...]), what: o)))
        }
        guard !obs.isEmpty else { throw AnalysisError.badAssignment("--observe", reason: "give at least one observable (the first is the order parameter)") }
        let text = initial ?? ""
        let parse: (String) throws -> Expr = { try input.parameters.parse($0, what: "--initial") }
        let variableOf: (String) throws -> Symbol = { name in
            let e = try input.parameters.parse("<\(name)>", what: "--initial \(name)")
            guard let s = e.symbol else { throw AnalysisError.badAssignment(name, reason: "not a mean-field variable") }
            return s
        }
        return Prepared(observables: obs, initial: { integ in
            text.isEmpty ? integ.state(from: [:]) : try initialState(text, integrator: integ, parse: parse, variableOf: variableOf)
        })
    }
}

/// `keldysh dynamics`: integrates the mean-field equations (DOP853, native right-hand side).
///
///     keldysh dynamics model.kd --set gup=0.9 --set gdown=0.1 ... --t 2000 \
///         --observe 'Sx=re(<S->)' --observe 'n=abs(<a>)^2' --initial 'a=0.01, Sz=-0.49, S-=0.1' --out run
struct DynamicsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dynamics",
        abstract: "Integrate the mean-field equations; report time averages, amplitudes and the dynamical phase.")

    @OptionGroup var options: AnalysisModelOptions
    @OptionGroup var dyn: DynamicsOptions
    @Option(help: "Output folder for trajectory.csv and trajectory.svg (must not exist).") var out: String?

    func run() throws {
        try runReporting {
            let input = try ModelInput.load(path: options.model, needMatrix: false)
            let values = try input.parameters.assignments(options.settings)
            let prepared = try dyn.prepare(input: input, values: values)
            let integ = try MeanFieldIntegrator(meanField: input.meanField, values: values, observables: prepared.observables)
            let r = try runDynamics(DynamicsSetup(integrator: integ, initial: try prepared.initial(integ), duration: dyn.t, step: dyn.dt))
            if let out {
                let folder = try StagedFolder(finalPath: out)
                try writeFileAtomically(folder.path("trajectory.csv"), trajectoryCSV(r, integrator: integ))
                try writeFileAtomically(folder.path("trajectory.svg"),
                                        trajectorySVG(r, names: integ.observableNames, title: "\(r.classification.phase.rawValue): " + options.settings.joined(separator: ", ")))
                try folder.commit()
            }
            let c = r.classification
            if options.json {
                let obs = zip(integ.observableNames, r.summaries).map { "{\"name\": \"\($0)\", \"mean\": \($1.mean), \"amplitude\": \($1.amplitude)}" }
                return "{\"phase\": \"\(c.phase.rawValue)\", \"reason\": \"\(c.reason)\", \"window\": [\(r.times[r.window.lowerBound]), \(r.times[r.window.upperBound - 1])], \"observables\": [\(obs.joined(separator: ", "))]}"
            }
            var s = "phase: \(c.phase.rawValue) (\(c.reason))\nwindow: t ∈ [\(r.times[r.window.lowerBound]), \(r.times[r.window.upperBound - 1])]\n"
            for (n, sm) in zip(integ.observableNames, r.summaries) { s += "  \(n): time average \(sm.mean), amplitude \(sm.amplitude)\n" }
            if let out { s += "wrote \(out)/trajectory.csv and trajectory.svg" }
            return s
        }
    }
}
