import Analysis
import FieldTheory
import KeldyshNumerics
import Symbolic

/// A condensate model (a `CondensationModel`: background, frame, self-energy) made ready for
/// the condensed state ψ_f ≠ 0: `CondensedStateEquations` derived from the same chain, Σ[G₀]
/// split into closed-form fractions with G₀ at ψ_f, G₀^K(τ = 0) in closed form, everything compiled.
public struct CondensateModel: Sendable {
    public let base: CondensationModel
    public let equations: CondensedStateEquations
    public let problem: CondensedProblem
    public let parameters: ParameterContext

    private static let memo = BoundedMemo<String, CondensateModel>(capacity: 4)

    public static func load(path: String) throws -> CondensateModel {
        let text = try readModelText(path)
        return try memo.value(path + "\u{0}" + text) { try CondensateModel(try CondensationModel.load(path: path)) }
    }

    public init(_ base: CondensationModel) throws {
        self.base = base
        let k = base.model.keldysh
        equations = try CondensedStateEquations(normal: base.equations, kernel: base.kernelWithBackground, background: base.background,
                                                saddlePoint: base.saddlePoint, distributions: k.distributions)
        problem = try Self.compile(equations, frequency: base.frequency)
        parameters = ParameterContext(symbols: problem.parameters, model: base.model)
    }

    static func compile(_ eqs: CondensedStateEquations, frequency: Symbol) throws -> CondensedProblem {
        let normal = eqs.normal, omega = normal.omega
        let fractions = try SelfEnergyFractions(normal, greens: eqs.greens.filter { NormalStateEquations.entries.contains($0.key) })
        let sigma = CondensationModel.pack(NormalStateEquations.entries.enumerated().map { ($0.offset, fractions.pieces[$0.element] ?? []) })
        var equalTime: [(entry: Int, pieces: [SelfEnergyFractions.Piece])] = []
        for (n, name) in ["K_ba", "K_bb", "K_aa"].enumerated() {
            equalTime.append((n, try SelfEnergyFractions.split(eqs.greens[name]!, in: omega, what: "G₀^" + name)))
        }
        let closed = CondensationModel.pack(equalTime)
        let densities = try CondensationModel.densityFunctions(normal)
        let everything = eqs.kernel.entries + sigma.coefficients + closed.coefficients + [eqs.saddlePoint] + densities.expressions
        let excluded: Set<Symbol> = Set([omega, normal.nu, eqs.equalTime] + densities.slots)
        let parameters = Expr.freeSymbols(of: everything).filter { !excluded.contains($0) && !$0.info.isFunction }
            .sorted { $0.name < $1.name }
        if let complex = parameters.first(where: { !$0.info.assumptions.contains(.real) }) {
            throw AnalysisError.numerical("the condensate's numbers take real parameters; \(complex.name) is not declared real")
        }
        guard let amplitude = parameters.firstIndex(of: eqs.amplitude) else {
            throw AnalysisError.numerical("the condensate's amplitude \(eqs.amplitude.name) does not enter the equations")
        }
        guard let mu = parameters.firstIndex(of: frequency) else {
            throw AnalysisError.numerical("the condensate's frequency \(frequency.name) does not enter the equations")
        }
        return CondensedProblem(parameters: parameters, amplitude: amplitude, frequency: mu,
                                kernel: try CompiledFunction(eqs.kernel, parameters: [omega] + parameters),
                                sigma: try CompiledFunction(sigma.coefficients, parameters: [omega] + parameters),
                                sigmaPieces: sigma.pieces,
                                equalTime: try CompiledFunction(closed.coefficients, parameters: [omega] + parameters),
                                equalTimePieces: closed.pieces,
                                saddle: try CompiledFunction([eqs.saddlePoint], parameters: parameters + [eqs.equalTime]),
                                density: try CompiledFunction(densities.expressions, parameters: [normal.nu, omega] + parameters + densities.slots),
                                selfEnergySign: normal.selfEnergySign,
                                conjugateEntries: CondensationModel.entryPairs(fractions.conjugates),
                                linearDensities: try CondensationModel.linearDensities(densities, inputs: [normal.nu, omega] + parameters))
    }
}
