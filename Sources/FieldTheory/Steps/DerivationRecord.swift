import Symbolic

/// What one named step did, for `keldysh derive --steps`: the step's name, the equations of
/// the paper it corresponds to (when it does), what it did in words, and its result as text
/// and LaTeX, so a physicist can read it beside the appendix.
public struct DerivationRecord: Sendable {
    public var step: String
    public var reference: String?
    public var summary: String
    /// The step's result as text and as LaTeX, printed when first asked for: most commands
    /// derive a model for its numbers and never show the steps, and printing them was a tenth
    /// of a derivation.
    public var text: String { textOnce.value }
    public var latex: String { latexOnce.value }
    private let textOnce: ComputedOnce<String>, latexOnce: ComputedOnce<String>

    public init(step: String, reference: String? = nil, summary: String,
                text: @autoclosure @escaping @Sendable () -> String, latex: @autoclosure @escaping @Sendable () -> String) {
        self.step = step
        self.reference = reference
        self.summary = summary
        textOnce = ComputedOnce(text)
        latexOnce = ComputedOnce(latex)
    }
}
