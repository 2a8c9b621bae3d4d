import Foundation
import Testing
@testable import Analysis
@testable import Derivations

/// `scan --about N` (issue 14): the stability of a steady state of `keldysh steady` followed
/// over the grid.
@Suite("scan --about: a steady state followed over the grid (issue 14)")
struct FollowedScanTests {
    @Test func superradiantStateLasesWhereItsFollowedThresholdSays() throws {
        // The SR state at λ = 0.7 (Fig. 4 parameters) turns unstable through a complex pair at
        // γ↑ = 0.82897480470231461455 (FollowedThresholdTests, checked there against
        // Krawczyk-proven states with verified spectra on both sides). The row λ = 0.7 of a
        // followed scan must be stable up to γ↑ = 0.825 and complex-pair from 0.830.
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("followed-\(UInt32.random(in: 0...UInt32.max))").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        var o = ScanOptions(model: CrossingKindTests.model, x: "gup=0.8:0.86:13", y: "lambda=0.7:0.75:2", out: out)
        o.settings = ["gdown=1-gup", "wc=1", "wz=1", "wz'=1", "eta=1/10", "eta'=1/10", "kappa=3/50"]
        o.about = "1"
        o.progress = false
        let outcome = try scan(o)
        #expect(outcome.notes.contains { $0.contains("followed up the column") })
        let rows = try String(contentsOfFile: out + "/grid.csv", encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",").map(String.init) }
        let first = rows.filter { Double($0[1])! == 0.7 }
        #expect(first.count == 13)
        for r in first {
            let g = Double(r[0])!
            #expect(r[2] == (g < 0.8289748 ? "stable" : "complex-pair"), "γ↑ = \(g): \(r[2])")
        }
        // The state is the SR one (|⟨S^x⟩| > 0): its class differs from the normal state's
        // (one real unstable eigenvalue above λ_c ≈ 0.5) at the corner.
        #expect(first[0][2] == "stable")
    }

    @Test func aStateThatDoesNotExistIsRefused() {
        var o = ScanOptions(model: CrossingKindTests.model, x: "gup=0.8:0.86:3", y: "lambda=0.7:0.75:2", out: "/tmp/never")
        o.settings = ["gdown=1-gup", "wc=1", "wz=1", "wz'=1", "eta=1/10", "eta'=1/10", "kappa=3/50"]
        o.about = "9"
        o.progress = false
        #expect(throws: (any Error).self) { try scan(o) }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never"))
    }
}
