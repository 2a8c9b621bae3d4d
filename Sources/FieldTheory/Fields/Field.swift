import Symbolic

/// The statistics of a field: a complex boson or a Grassmann (fermionic) field. Either way
/// the barred field is an independent generator of the functional integral.
public enum Statistics: String, Sendable, Hashable {
    case boson, fermion
}

/// A field of a functional integral: the image of one bosonic or fermionic mode.
public struct Field: Sendable, Hashable, CustomStringConvertible {
    public let name: String
    public let statistics: Statistics

    public init(_ name: String, _ statistics: Statistics) {
        self.name = name
        self.statistics = statistics
    }

    public var description: String { name }

    /// The component with this contour index, barred or not.
    public func component(_ index: ContourIndex, barred: Bool = false) -> FieldComponent {
        FieldComponent(field: self, index: index, barred: barred)
    }

    /// The two indices of this field's components in `basis`.
    public func indices(_ basis: ContourBasis) -> [ContourIndex] {
        switch basis {
        case .branches: return [.forward, .backward]
        case .keldysh: return statistics == .boson ? [.classical, .quantum] : [.one, .two]
        }
    }
}

/// Which components an action is written in: the two branches of the contour, or the
/// rotated ones.
public enum ContourBasis: String, Sendable {
    case branches, keldysh
}

/// The index of a field component on the Schwinger–Keldysh contour: a branch, or after the
/// rotation cl/q (bosons, A4–A5) or 1/2 (fermions, Larkin–Ovchinnikov, A6–A7).
public enum ContourIndex: String, Sendable, Hashable, CaseIterable {
    case forward = "+", backward = "-", classical = "cl", quantum = "q", one = "1", two = "2"

    /// How the paper writes it as a subscript or superscript.
    public var label: String { rawValue }
}
