import Symbolic

/// What one named step did, for `keldysh derive --steps`: the step's name, the equations of
/// the paper it corresponds to (when it does), what it did in words, and its result as text
/// and LaTeX, so a physicist can read it beside the appendix.
public struct DerivationRecord: Sendable {
    public var step: String
    public var reference: String?
    public var summary: String
    public var text: String
    public var latex: String

    public init(step: String, reference: String? = nil, summary: String, text: String, latex: String) {
        self.step = step
        self.reference = reference
        self.summary = summary
        self.text = text
        self.latex = latex
    }
}
