/// A piece of model-language text from outside a model file (a command-line option, a cell
/// of a notebook) and the name errors give it in place of a file name.
public struct NamedText: Sendable {
    public var text: String
    public var origin: String

    public init(_ text: String, origin: String) {
        self.text = text
        self.origin = origin
    }

    var fragment: Fragment { Statement(file: origin, text: text).whole }
}
