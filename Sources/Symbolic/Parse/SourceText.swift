/// Text as one integer per Character, so positions are Character offsets (the columns an
/// editor shows) while the readers compare and classify integers instead of `Character`
/// values, whose equality and property lookups went through the String machinery and were
/// most of the time of reading a model file.
///
/// A Character of one Unicode scalar is stored as that scalar's value; a Character of
/// several scalars (`e` + combining accent, `\r\n`) as `clusterBit | k`, k indexing
/// `clusters`. Everything not ASCII is answered by the `Character` itself, so the results
/// are those of Character operations (canonical equivalence included).
package struct SourceText: Sendable {
    // Inlinable members: the model reader in Algebra calls them once or more per character.
    package let units: [UInt32]
    /// The multi-scalar Characters; may be shared by several texts cut from one file.
    package let clusters: [Character]

    package static let clusterBit: UInt32 = 0x8000_0000

    package init(units: [UInt32], clusters: [Character]) {
        self.units = units
        self.clusters = clusters
    }

    package init(_ text: String) {
        var clusters: [Character] = []
        let n = text.utf8.count
        let units: [UInt32]? = text.utf8.withContiguousStorageIfAvailable { bytes in
            // At most one unit per byte, written in place (appending checked capacity and
            // uniqueness per character).
            [UInt32](unsafeUninitializedCapacity: n) { out, count in
                var i = 0
                count = 0
                while i < n {
                    let b = bytes[i]
                    // Two ASCII scalars always have a Character boundary between them, except CR LF.
                    if b < 0x80 && (i + 1 == n || (bytes[i + 1] < 0x80 && !(b == 13 && bytes[i + 1] == 10))) {
                        out[count] = UInt32(b)
                        count += 1
                        i += 1
                        continue
                    }
                    let c = text[text.utf8.index(text.utf8.startIndex, offsetBy: i)]
                    out[count] = Self.unit(of: c, &clusters)
                    count += 1
                    i += c.utf8.count
                }
            }
        }
        self.units = units ?? text.map { Self.unit(of: $0, &clusters) }
        self.clusters = clusters
    }

    private static func unit(of c: Character, _ clusters: inout [Character]) -> UInt32 {
        let scalars = c.unicodeScalars
        if scalars.index(after: scalars.startIndex) == scalars.endIndex { return scalars.first!.value }
        clusters.append(c)
        return clusterBit | UInt32(clusters.count - 1)
    }

    @inlinable package var count: Int { units.count }

    /// The text of `range` as its own SourceText (offsets start at 0 again).
    package func slice(_ range: Range<Int>) -> SourceText {
        SourceText(units: Array(units[range]), clusters: clusters)
    }

    package func character(_ k: Int) -> Character { character(unit: units[k]) }

    package func character(unit u: UInt32) -> Character {
        if u & Self.clusterBit != 0 { return clusters[Int(u & ~Self.clusterBit)] }
        return Character(Unicode.Scalar(u)!)
    }

    /// Whether the Character at `k` equals `c` (as `Character ==` decides). Distinct ASCII
    /// Characters differ, and no ASCII Character equals a non-ASCII `c` the readers look for
    /// (⟨ ⟩ ∞ · × ⋅ − † ′; SourceTextTests checks this), so only a non-ASCII unit needs the
    /// Character comparison.
    @inlinable
    package func unit(_ k: Int, is c: Unicode.Scalar) -> Bool {
        let u = units[k]
        if u == c.value { return true }
        if u < 0x80 { return false }
        return character(unit: u) == Character(c)
    }

    /// `Character.isWhitespace`.
    @inlinable
    package func isSpace(_ k: Int) -> Bool {
        let u = units[k]
        if u < 0x80 { return u == 32 || (u >= 9 && u <= 13) }
        return character(unit: u).isWhitespace
    }

    /// `Character.isNewline`.
    @inlinable
    package func isNewline(_ k: Int) -> Bool {
        let u = units[k]
        if u < 0x80 { return u >= 10 && u <= 13 }
        return character(unit: u).isNewline
    }

    /// Whether some Character of `range` is not ASCII.
    package func hasNonASCII(_ range: Range<Int>) -> Bool {
        units[range].contains { $0 >= 0x80 }
    }

    /// The String of the Characters in `range`.
    package func string(_ range: Range<Int>) -> String {
        if !hasNonASCII(range) {
            return String(unsafeUninitializedCapacity: range.count) { buffer in
                for (j, k) in range.enumerated() { buffer[j] = UInt8(truncatingIfNeeded: units[k]) }
                return range.count
            }
        }
        var s = ""
        for k in range {
            let u = units[k]
            if u & Self.clusterBit != 0 {
                s.append(clusters[Int(u & ~Self.clusterBit)])
            } else {
                s.unicodeScalars.append(Unicode.Scalar(u)!)
            }
        }
        return s
    }

    package var string: String { string(0..<units.count) }

    /// Line and column (1-based, in Characters) of an offset; `\n` and `\r\n` end a line.
    func location(_ offset: Int) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for k in 0..<min(offset, units.count) {
            let u = units[k]
            if u == 10 || (u & Self.clusterBit != 0 && character(unit: u) == "\r\n") {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }

    func error(at offset: Int, _ message: String) -> ParseError {
        let (line, column) = location(offset)
        return ParseError(line: line, column: column, message: message)
    }
}
