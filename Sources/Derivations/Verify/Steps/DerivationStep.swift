import Foundation
import Symbolic

/// What one derivation step produced, by the names transcriptions use: equations by their
/// left-hand variable (`d<a>/dt`), a matrix, and named values (`value LABEL.NAME`).
public struct DerivedResults: Sendable {
    public var equations: [Expr: Expr] = [:]
    public var matrix: [[Expr]]?
    public var values: [String: Expr] = [:]
    /// Names the step declares for the transcriptions after it (an atom the manifest has no
    /// syntax for, e.g. G^K_ψ(t, t′) as `GK`); a name already declared is left as it is.
    public var names: [String: Expr] = [:]
    /// Functions the step declares for the transcriptions after it (G^R_bb(ν) as `GR_bb`).
    public var functions: [Symbol] = []
    /// The step failed: every transcription it should have produced is "not derived", for this reason.
    public var failure: String?

    public init(failure: String? = nil) { self.failure = failure }
}

/// What a step leaves for the steps after it: its results, and the derivation itself (a
/// mean-field system, a linearisation) for a step that continues from it.
public struct StepRecord {
    public let label: String
    public let keyword: String
    public let results: DerivedResults
    public let derivation: Any?
}

/// The context a step runs in: the manifest's model, the folder it was read from (a step may
/// read another model file there), and the steps before it in manifest order.
public struct StepContext {
    public internal(set) var model: Model
    public let folder: URL
    public internal(set) var results: [StepRecord]
}

/// The text after `KEYWORD LABEL:` of a step, with what a step needs to read it: the text,
/// `;`-separated clauses, and errors at a position inside it.
public struct StepArguments {
    let fragment: Fragment

    public var text: String { fragment.text }

    /// An error at the start of the arguments (a manifest error, with file:line:column).
    public func error(_ message: String) -> ModelError { fragment.error(message) }
}

/// A kind of derivation step a manifest can name: `KEYWORD LABEL: arguments`. A step kind
/// is added by conforming to this protocol and registering it in a `StepRegistry`; the
/// verifier itself knows no kind by name.
public protocol DerivationStep {
    /// The manifest keyword (`meanfield`, `linearize`, `steady`).
    static var keyword: String { get }
    /// Runs the step. A malformed step is a `ModelError` (a manifest error); a derivation that
    /// fails is a `DerivedResults` with `failure` set (reported per transcription).
    static func run(_ arguments: StepArguments, in context: StepContext) throws(ModelError) -> (DerivedResults, Any?)
}

/// The step kinds a manifest may use.
public struct StepRegistry: @unchecked Sendable {
    public private(set) var kinds: [any DerivationStep.Type]

    public init(_ kinds: [any DerivationStep.Type]) { self.kinds = kinds }

    /// The kinds every manifest has: mean-field equations, linearisation, steady states, and
    /// the Keldysh kernel, Green's function and classical saddle point, and the steps of
    /// paper 000 A21–A50 and B15 (photon-mediated interaction, self-energy, causality, photon
    /// saddle point, fluctuation kernel).
    public static let standard = StepRegistry([MeanFieldStep.self, CumulantStep.self, LinearizeStep.self, SteadyStep.self,
                                               KernelStep.self, GreensStep.self, SaddleStep.self,
                                               InteractionStep.self, SelfEnergyStep.self, CausalStep.self, PhotonSaddleStep.self,
                                               FluctuationStep.self, FrequencyStep.self])

    /// Adds a kind (a later kind with the same keyword replaces the earlier one).
    public mutating func register(_ kind: any DerivationStep.Type) {
        kinds.removeAll { $0.keyword == kind.keyword }
        kinds.append(kind)
    }

    func kind(_ keyword: String) -> (any DerivationStep.Type)? { kinds.first { $0.keyword == keyword } }
}
