/// A rule prints as `name: lhs -> rhs` (with `if …` when it is guarded), in the text syntax,
/// so a rule set can be listed, diffed and pasted into a test.
extension Rule: CustomStringConvertible {
    public var description: String {
        let right: String
        switch rhs {
        case .expr(let e): right = e.description
        case .compute: right = "<computed>"
        }
        let prefix = name.isEmpty ? "" : name + ": "
        let guardText = condition == nil ? "" : "  if <condition>"
        return prefix + lhs.description + " -> " + right + guardText
    }

    /// The rule in LaTeX, `lhs \to rhs`, for a derivation report.
    public var latex: String {
        switch rhs {
        case .expr(let e): return lhs.latex + " \\to " + e.latex
        case .compute: return lhs.latex + " \\to \\ldots"
        }
    }
}
