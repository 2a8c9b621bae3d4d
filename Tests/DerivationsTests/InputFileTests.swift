import Foundation
import Testing
@testable import Derivations

/// Issue 15, the smaller items: tabs between assumption words, files that are not regular
/// files, and a verification manifest that names a model outside its folder.
@Suite struct InputFileTests {
    @Test func tabsSeparateAssumptionWords() throws {
        // `kappa : real<TAB>positive` declares kappa real and positive, as with a space.
        let tab = try Model.parse("parameters kappa : real\tpositive\nboson a\nH = kappa a† a\n", file: "m.kd")
        let space = try Model.parse("parameters kappa : real positive\nboson a\nH = kappa a† a\n", file: "m.kd")
        #expect(tab.system.hamiltonian == space.system.hamiltonian)
        #expect(try Model.parse("spins S :\tN\tspin-1/2\nH = S+ S-\n", file: "m.kd").systemSize != nil)
    }

    @Test func notARegularFileIsNamedForWhatItIs() throws {
        #expect(throws: ModelError(file: "/dev/null", line: 1, column: 1,
                                   message: "cannot read the file (it is a device, not a regular file)")) {
            try readModelText("/dev/null")
        }
        let fifo = FileManager.default.temporaryDirectory.appendingPathComponent("keldysh-fifo-\(UUID().uuidString)").path
        #expect(mkfifo(fifo, 0o600) == 0)
        defer { unlink(fifo) }
        // Before: reported as a permission problem (after blocking on the pipe).
        #expect(throws: ModelError(file: fifo, line: 1, column: 1,
                                   message: "cannot read the file (it is a named pipe (FIFO), not a regular file)")) {
            try readModelText(fifo)
        }
        #expect(throws: ModelError(file: "/nonexistent.kd", line: 1, column: 1,
                                   message: "cannot read the file (No such file or directory)")) {
            try readModelText("/nonexistent.kd")
        }
    }

    @Test func aManifestReadsOnlyInsideItsFolder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("keldysh-verify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for line in ["model ../model.kd", "model /etc/passwd", "model sub/../../x.kd"] {
            try (line + "\n").write(to: dir.appendingPathComponent("verify.kd"), atomically: true, encoding: .utf8)
            do {
                _ = try verifyDerivation(directory: dir.path)
                Issue.record("\(line) was read")
            } catch {
                let e = error
                #expect(e.line == 1 && e.column == 7, "\(e)")
                #expect(e.message == "the model file must be inside the derivation folder (a path relative to it, without '..')")
            }
        }
    }
}
