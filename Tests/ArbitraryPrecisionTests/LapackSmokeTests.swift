import Testing
import CLapack

/// Checks that OpenBLAS/LAPACK links and its Fortran calling convention is
/// usable from Swift (column-major arrays, everything by pointer, trailing
/// hidden string lengths for the two job characters).
@Suite("LAPACK smoke")
struct LapackSmokeTests {
    /// Eigenvalues of a real n×n matrix given column-major, via dgeev_.
    func realEigenvalues(_ matrix: [Double], n: Int) -> [(re: Double, im: Double)]? {
        var a = matrix
        var wr = [Double](repeating: 0, count: n), wi = wr
        // Eigenvectors are not requested, but LAPACK still wants distinct buffers.
        var vl = [Double](repeating: 0, count: 1), vr = vl
        var lwork = Int32(8 * n), info: Int32 = 0
        var work = [Double](repeating: 0, count: Int(lwork))
        var jobvl = CChar(UInt8(ascii: "N")), jobvr = CChar(UInt8(ascii: "N"))
        var nn = Int32(n), lda = Int32(n), ldv: Int32 = 1
        dgeev_(&jobvl, &jobvr, &nn, &a, &lda, &wr, &wi, &vl, &ldv, &vr, &ldv, &work, &lwork, &info, 1, 1)
        guard info == 0 else { return nil }
        return zip(wr, wi).map { ($0, $1) }.sorted { ($0.re, $0.im) < ($1.re, $1.im) }
    }

    @Test func symmetricRealSpectrum() throws {
        // [[2,1],[1,2]] has eigenvalues 2 ± 1 (eigenvectors (1,-1) and (1,1)).
        let ev = try #require(realEigenvalues([2, 1, 1, 2], n: 2))
        #expect(abs(ev[0].re - 1) < 1e-12 && abs(ev[1].re - 3) < 1e-12)
        #expect(ev.allSatisfy { $0.im == 0 })
    }

    @Test func dampedRotationSpectrum() throws {
        // [[-g, w], [-w, -g]] = -g·I + w·J with J² = -I, so the spectrum is -g ± i w.
        let g = 0.3, w = 2.0
        let ev = try #require(realEigenvalues([-g, -w, w, -g], n: 2))  // column-major
        #expect(abs(ev[0].re + g) < 1e-12 && abs(ev[0].im + w) < 1e-12)
        #expect(abs(ev[1].re + g) < 1e-12 && abs(ev[1].im - w) < 1e-12)
    }

    @Test func complexSpectrumViaZgeev() {
        // Upper-triangular [[1+i, 5], [0, 2-3i]]: eigenvalues are the diagonal entries.
        let n: Int32 = 2
        var a = [kk_complex_double(re: 1, im: 1), kk_complex_double(re: 0, im: 0),
                 kk_complex_double(re: 5, im: 0), kk_complex_double(re: 2, im: -3)]
        var w = [kk_complex_double](repeating: kk_complex_double(re: 0, im: 0), count: 2)
        var vl = [kk_complex_double](repeating: kk_complex_double(re: 0, im: 0), count: 1), vr = vl
        var lwork: Int32 = 16, info: Int32 = 0
        var work = [kk_complex_double](repeating: kk_complex_double(re: 0, im: 0), count: Int(lwork))
        var rwork = [Double](repeating: 0, count: 4)
        var jobvl = CChar(UInt8(ascii: "N")), jobvr = CChar(UInt8(ascii: "N"))
        var nn = n, lda = n, ldv: Int32 = 1
        zgeev_(&jobvl, &jobvr, &nn, &a, &lda, &w, &vl, &ldv, &vr, &ldv, &work, &lwork, &rwork, &info, 1, 1)
        #expect(info == 0)
        let sorted = w.sorted { $0.re < $1.re }
        #expect(abs(sorted[0].re - 1) < 1e-12 && abs(sorted[0].im - 1) < 1e-12)
        #expect(abs(sorted[1].re - 2) < 1e-12 && abs(sorted[1].im + 3) < 1e-12)
    }

    @Test func lapackeAndCblasAreCallable() {
        // LAPACKE wrapper on the symmetric matrix above (row-major), and a CBLAS dot product.
        var a: [Double] = [2, 1, 1, 2]
        var w = [Double](repeating: 0, count: 2)
        let info = LAPACKE_dsyev(LAPACK_ROW_MAJOR, CChar(UInt8(ascii: "N")), CChar(UInt8(ascii: "U")), 2, &a, 2, &w)
        #expect(info == 0 && abs(w[0] - 1) < 1e-12 && abs(w[1] - 3) < 1e-12)
        let x: [Double] = [1, 2, 3], y: [Double] = [4, 5, 6]
        #expect(cblas_ddot(3, x, 1, y, 1) == 32)  // 4 + 10 + 18
    }
}
