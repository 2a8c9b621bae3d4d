import Symbolic

/// G = K⁻¹ of a quadratic kernel, inverted by Keldysh blocks (the zero block of the
/// causality structure makes the inverse closed-form: [[R, K], [0, A]]⁻¹ =
/// [[R⁻¹, −R⁻¹KA⁻¹], [0, A⁻¹]] for fermions, [[0, A], [R, K]]⁻¹ = [[−R⁻¹KA⁻¹, R⁻¹], [A⁻¹, 0]]
/// for a boson, A14 and A18 of paper 000) and every entry brought to one normal form:
/// a single cancelled fraction over Q(i) in the parameters, ω and the distribution functions.
public struct GreensFunction: Sendable {
    public let kernel: KeldyshKernel
    public let matrix: Matrix

    public init(_ kernel: KeldyshKernel) throws {
        self.kernel = kernel
        matrix = try kernel.matrix.inverse(blockSize: kernel.sector.count, normalize: { $0.cancel() })
    }

    /// The Keldysh block (r, c) of G.
    public func block(_ r: Int, _ c: Int) -> Matrix { matrix.block(r, c, size: kernel.sector.count) }

    /// G^R, G^A, G^K as Nambu matrices, wherever the structure puts them (fermions
    /// [[R, K], [0, A]], bosons [[K, R], [A, 0]]).
    public var retarded: Matrix { kernel.sector[0].statistics == .fermion ? block(0, 0) : block(0, 1) }
    public var advanced: Matrix { kernel.sector[0].statistics == .fermion ? block(1, 1) : block(1, 0) }
    public var keldysh: Matrix { kernel.sector[0].statistics == .fermion ? block(0, 1) : block(0, 0) }

    public var latex: String { "\\mathbf{G}(\\omega) = " + matrix.latex(entry: { $0.typeset(kernel.latexNames) }) }
}
