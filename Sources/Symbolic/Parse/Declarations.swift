/// The declaration language of `--assume` and `ParseContext.declare(specification:)`.
///
/// A list of `name` or `name:word&word…` separated by commas. Words:
///
/// * assumptions: `real`, `positive`, `nonnegative`, `integer`, `complex` (none);
/// * commutation: `grassmann`, `operator` (space 0), `operatorN` (space N);
/// * `function`, or `function(kind, kind, …)` with the kinds of the slots (`any` for a slot of
///   no declared kind): `psi:grassmann&function(contour,time)`;
/// * an index kind, making the name an index value: `contour`, `keldysh`, `nambu`, `site`,
///   `index` (discrete: integer labels, paired by Kronecker deltas), `time`, `frequency`
///   (continuous: real). A discrete kind may carry its range, `alpha:site(1..N)`, both ends
///   included, the ends read as expressions in the names declared before them.
///
/// A name without `:` is a plain commuting symbol. A name declared as an index reads as that
/// index everywhere, so `i:index` makes `i` an index instead of the imaginary unit.
extension ParseContext {
    public mutating func declare(specification: String) throws(ParseError) {
        let source = SourceText(specification)
        for (item, offset) in Self.splitTopLevel(Substring(specification), at: ",", offset: 0) {
            let parts = item.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let name = parts[0].trimmingSpaces
            let leading = parts[0].prefix { $0.isWhitespace }.count
            guard !name.isEmpty else {
                throw source.error(at: offset + leading, "expected a name in the declaration")
            }
            guard let first = name.first, Lexer.isIdentifierStart(first) else {
                throw source.error(at: offset + leading, "'\(name)' is not a name")
            }
            var words: [(String, Int)] = []
            if parts.count == 2 {
                for (w, at) in Self.splitTopLevel(parts[1], at: "&", offset: offset + parts[0].count + 1) {
                    words.append((w.trimmingSpaces, at + w.prefix { $0.isWhitespace }.count))
                }
            }
            var declaration = Declaration()
            for (word, at) in words {
                try declaration.read(word, at: at, source: source, context: self)
            }
            declaration.declare(name, in: &self)
        }
    }

    /// The pieces of `text` between separators that are not inside parentheses, each with its
    /// offset (in Characters) in the whole specification.
    static func splitTopLevel(_ text: Substring, at separator: Character, offset: Int) -> [(Substring, Int)] {
        var out: [(Substring, Int)] = []
        var depth = 0
        var start = text.startIndex
        var startOffset = offset
        var position = offset
        for i in text.indices {
            let c = text[i]
            if c == "(" { depth += 1 } else if c == ")" { depth = max(depth - 1, 0) }
            position += 1
            if c == separator && depth == 0 {
                out.append((text[start..<i], startOffset))
                start = text.index(after: i)
                startOffset = position
            }
        }
        out.append((text[start...], startOffset))
        return out
    }
}

/// What the words of one declaration say.
private struct Declaration {
    var assumptions: Assumptions = []
    var commutation = Commutation.commuting
    var isFunction = false
    var slots: [IndexKind?] = []
    var indexKind: IndexKind?
    var range: IndexRange?

    mutating func read(_ word: String, at: Int, source: SourceText, context: ParseContext) throws(ParseError) {
        let (head, argument) = Self.splitCall(word)
        if argument == nil, let a = Assumptions(word: word) {
            assumptions.formUnion(a)
        } else if word == "grassmann" {
            commutation = .grassmann
        } else if word.hasPrefix("operator"), let space = Int(word == "operator" ? "0" : String(word.dropFirst(8))),
                  space >= 0 {
            commutation = .operator(space: space)
        } else if head == "function" {
            isFunction = true
            if let argument {
                slots = []
                let argumentOffset = at + head.count + 1
                for (k, kOffset) in ParseContext.splitTopLevel(Substring(argument), at: ",", offset: argumentOffset) {
                    let kindWord = k.trimmingSpaces
                    if kindWord == "any" { slots.append(nil); continue }
                    guard let kind = IndexKind(word: kindWord) else {
                        throw source.error(at: kOffset + k.prefix { $0.isWhitespace }.count,
                                           "unknown slot kind '\(kindWord)' (expected "
                                           + IndexKind.allCases.map(\.word).joined(separator: ", ") + " or any)")
                    }
                    slots.append(kind)
                }
                guard slots.count <= SlotKinds.maximumCount else {
                    throw source.error(at: at, "at most \(SlotKinds.maximumCount) slots")
                }
            }
        } else if let kind = IndexKind(word: head) {
            indexKind = kind
            if let argument {
                guard kind.isDiscrete else {
                    throw source.error(at: at, "'\(head)' is continuous: only discrete index kinds take a range")
                }
                range = try Self.range(argument, at: at + head.count + 1, source: source, context: context)
            }
        } else {
            throw source.error(at: at, "unknown declaration '\(word)' (expected real, positive, "
                               + "nonnegative, integer, complex, grassmann, operator, operatorN or function)")
        }
    }

    /// `word(argument)` → (word, argument); a word without parentheses → (word, nil).
    static func splitCall(_ word: String) -> (String, String?) {
        guard let open = word.firstIndex(of: "("), word.hasSuffix(")") else { return (word, nil) }
        return (String(word[..<open]), String(word[word.index(after: open)..<word.index(before: word.endIndex)]))
    }

    /// `lower..upper`, each end an expression in the names declared so far.
    static func range(_ text: String, at offset: Int, source: SourceText,
                      context: ParseContext) throws(ParseError) -> IndexRange {
        let characters = Array(text)
        guard let k = characters.indices.dropLast().first(where: { characters[$0] == "." && characters[$0 + 1] == "." }) else {
            throw source.error(at: offset, "expected a range 'lower..upper'")
        }
        let pieces = [(characters[..<k], offset), (characters[(k + 2)...], offset + k + 2)]
        var ends: [Expr] = []
        for (piece, pieceOffset) in pieces {
            do throws(ParseError) {
                ends.append(try parseExpr(String(piece), context: context))
            } catch {
                // Rebase the error onto the specification (ranges are one line).
                throw source.error(at: pieceOffset + error.column - 1, error.message)
            }
        }
        return IndexRange(ends[0], ends[1])
    }

    func declare(_ name: String, in context: inout ParseContext) {
        if let kind = indexKind, !isFunction {
            context.declareIndex(name, kind, range: range, assumptions)
        } else if isFunction {
            context.declareFunction(name, assumptions, commutation: commutation, slots: slots)
        } else {
            context.declare(name, assumptions, commutation: commutation)
        }
    }
}
