import ComplexModule
import Foundation
import KeldyshNumerics
import Testing
import TestSupport

/// `BLASThreads.useOne()` (what `keldysh` calls at start) leaves OpenBLAS on one thread with its
/// idle workers stopped, and LAPACK still answers after it: a 200 × 200 eigenproblem (large
/// enough that OpenBLAS would use its threads) of a matrix with a known spectrum.
@Suite("OpenBLAS on one thread")
struct BLASThreadsTests {
    @Test func oneThreadAndLapackStillWorks() throws {
        BLASThreads.useOne()
        #expect(BLASThreads.count == 1)
        // Upper bidiagonal with diagonal 1…200: eigenvalues exactly 1…200 (triangular, by hand).
        let n = 200
        var rows = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for k in 0..<n {
            rows[k][k] = Double(k + 1)
            if k + 1 < n { rows[k][k + 1] = 0.5 }
        }
        let ev = try DenseMatrix(rows).eigen()
        let sorted = ev.values.map(\.real).sorted()
        #expect(ev.values.allSatisfy { abs($0.imaginary) < 1e-8 })
        #expect(zip(sorted, (1...n).map(Double.init)).allSatisfy { abs($0 - $1) < 1e-8 })
    }
}
