/// Declared names that contain operator characters (`S+`, `T-_i`), which the lexer munches
/// whole when they are the longest match. Most positions of a text start no such name: the
/// Characters that do start one are kept apart so the lexer can say no at once.
struct SpecialNames: Sendable {
    /// Longest first.
    private var names: [SourceText] = []
    /// Bit u is set when a name starts with a Character equal to the ASCII Character u.
    private var asciiFirst: (low: UInt64, high: UInt64) = (0, 0)
    /// The first Characters of the names, for a text position that is not ASCII.
    private var firstCharacters: Set<Character> = []

    mutating func insert(_ name: String) {
        let text = SourceText(name)
        guard let first = name.first else { return }
        let at = names.firstIndex { $0.count < text.count } ?? names.count
        names.insert(text, at: at)
        firstCharacters.insert(first)
        let u = text.units[0]
        // An ASCII Character equals only itself; another may equal an ASCII one (K, U+212A).
        let codes: [UInt32] = u < 0x80 ? [u] : (0..<128).filter { Character(Unicode.Scalar(UInt8($0))) == first }
        for a in codes {
            if a < 64 { asciiFirst.low |= 1 << UInt64(a) } else { asciiFirst.high |= 1 << UInt64(a - 64) }
        }
    }

    /// The length of the longest name that the text spells at `i`, 0 when none does.
    func longestMatch(in source: SourceText, at i: Int) -> Int {
        if names.isEmpty { return 0 }
        let u = source.units[i]
        if u < 64 {
            if asciiFirst.low & (1 << UInt64(u)) == 0 { return 0 }
        } else if u < 128 {
            if asciiFirst.high & (1 << UInt64(u - 64)) == 0 { return 0 }
        } else if !firstCharacters.contains(source.character(unit: u)) {
            return 0
        }
        let room = source.count - i
        for name in names where name.count <= room {
            var k = 0
            while k < name.count && Self.same(source, i + k, name, k) { k += 1 }
            if k == name.count { return name.count }
        }
        return 0
    }

    /// `a.character(i) == b.character(j)`, without building Characters for two ASCII codes.
    private static func same(_ a: SourceText, _ i: Int, _ b: SourceText, _ j: Int) -> Bool {
        let u = a.units[i], v = b.units[j]
        if u | v < 0x80 { return u == v }
        if u == v && u & SourceText.clusterBit == 0 { return true }
        return a.character(unit: u) == b.character(unit: v)
    }
}
