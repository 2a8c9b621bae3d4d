import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 15 for scans, run as a user runs them: results that do not depend on the thread
/// count or the shards, grids refused before the work when they are too large, and no
/// staging folder left behind by a signal.
@Suite("keldysh scan: limits, signals, determinism", .serialized)
struct ScanReliabilityTests {
    static let model = "derivations/003-spintronic-dicke/model.kd"
    static let settings = ["--set", "gdown=1-gup", "--set", "wc=1", "--set", "wz=1", "--set", "wz'=1",
                           "--set", "eta=1/10", "--set", "eta'=1/10", "--set", "kappa=3/50"]

    /// A working folder with `derivations` linked to the repository's.
    func folder() throws -> URL {
        let dir = try KeldyshProcess.folder()
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("derivations"),
                                                   withDestinationURL: repo.appendingPathComponent("derivations"))
        return dir
    }

    func scan(_ extra: [String], in dir: URL) throws -> KeldyshProcess.Result {
        try KeldyshProcess.run(["scan", Self.model, "--x", "gup=0:1:40", "--y", "lambda=0:1:40", "--quiet"]
                               + Self.settings + extra, in: dir)
    }

    func contents(_ dir: URL, _ path: String) throws -> Data {
        try Data(contentsOf: dir.appendingPathComponent(path))
    }

    @Test func threadsAndShardsGiveTheSameBytes() throws {
        // Before: 865 of 3 600 rows differed between --threads 1 and 2 (warm starts carried
        // from whichever row a thread computed before), 30 between merged shards and the whole.
        let dir = try folder()
        for (out, extra) in [("t1", ["--threads", "1"]), ("t4", ["--threads", "4"]),
                             ("s1", ["--shard", "1/3", "--threads", "3"]), ("s2", ["--shard", "2/3"]),
                             ("s3", ["--shard", "3/3", "--threads", "1"])] {
            let r = try scan(extra + ["--out", out], in: dir)
            #expect(r.status == 0, "\(out): \(r.stderr)")
        }
        let m = try KeldyshProcess.run(["merge", "s1", "s2", "s3", "--out", "m"], in: dir)
        #expect(m.status == 0, "\(m.stderr)")
        let whole = try contents(dir, "t1/grid.csv")
        #expect(whole.count > 41 * 41 * 40)
        #expect(try contents(dir, "t4/grid.csv") == whole)
        #expect(try contents(dir, "m/grid.csv") == whole)
        #expect(try contents(dir, "m/diagram.svg") == contents(dir, "t1/diagram.svg"))
        // The folder is created with the mode mkdir would give it (0777 less the umask), not 0700.
        let mask = umask(0o022); umask(mask)
        let mode = try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent("t1").path)[.posixPermissions] as? Int
        #expect(mode == Int(0o777 & ~mask))
    }

    @Test func hugeGridsAreRefusedBeforeTheWork() throws {
        let dir = try folder()
        let cases: [([String], String)] = [
            // Before: "failed to allocate 10000000032 bytes".
            (["--x", "gup=0:1:100000", "--y", "lambda=0:1:100000"],
             "error: the grid has 10000000000 points, more than the limit of 100000000 (raise it with --max-points, "
             + "or split the scan with --shard i/n)\n"),
            // Before: a trap on integer overflow.
            (["--x", "gup=0:1:4294967296", "--y", "lambda=0:1:4294967296"],
             "error: the grid has more than 9223372036854775807 points, more than the limit of 100000000 (raise it "
             + "with --max-points, or split the scan with --shard i/n)\n"),
            // A row is no longer held whole (pieces of 4 096 points), so a long x axis is
            // limited by the grid's points alone; the thread count is bounded (each holds a window).
            (["--x", "gup=0:1:10", "--y", "lambda=0:1:10", "--threads", "0"],
             "error: --threads 0: the number of worker threads must be between 1 and 256\n"),
            (["--x", "gup=0:1:10", "--y", "lambda=0:1:10", "--threads", "100000"],
             "error: --threads 100000: the number of worker threads must be between 1 and 256\n"),
            (["--x", "gup=0:1:1000", "--y", "lambda=0:1:4294967296"],
             "error: the grid has 4294967296000 points, more than the limit of 100000000 (raise it with --max-points, "
             + "or split the scan with --shard i/n)\n"),
            (["--x", "gup=0:1:20000", "--y", "lambda=0:1:20000"],
             "error: the grid has 400000000 points, more than the limit of 100000000 (raise it with --max-points, "
             + "or split the scan with --shard i/n)\n"),
        ]
        for (axes, message) in cases {
            let r = try KeldyshProcess.run(["scan", Self.model] + axes + Self.settings + ["--out", "big"], in: dir)
            #expect(r.status == 1)
            #expect(r.stderr == message)
        }
        // Raised past what the disk holds: refused by the disk check (10^15 points × 100 bytes).
        let r = try KeldyshProcess.run(["scan", Self.model, "--x", "gup=0:1:1000000", "--y", "lambda=0:1:1000000000"]
                                       + Self.settings + ["--max-points", "1000000000000000", "--out", "big"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("error: grid.csv would take about 100.0 PB (1000000000000000 points × ~100 bytes), "
                                   + "but only "), "\(r.stderr)")
        #expect(try KeldyshProcess.entries(dir) == ["derivations"])
    }

    /// Starts a long scan, waits for its staging folder, sends `sig`, and checks that the
    /// process died of the signal and left nothing.
    func interrupt(_ sig: Int32, extra: [String]) throws {
        let dir = try folder()
        let p = Process()
        p.executableURL = KeldyshProcess.executable
        p.arguments = ["scan", Self.model, "--x", "gup=0:1:3000", "--y", "lambda=0:1:3000", "--quiet"]
            + Self.settings + extra + ["--out", "o"]
        p.currentDirectoryURL = dir
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        // Wait until grid.csv has rows in the staging folder (the scan takes minutes).
        var staged = false
        for _ in 0..<600 where !staged {
            usleep(50_000)
            let names = try KeldyshProcess.entries(dir).filter { $0.hasPrefix("o.partial-") }
            if let s = names.first,
               let size = try? FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent(s + "/grid.csv").path)[.size] as? Int,
               size > 0 { staged = true }
        }
        #expect(staged)
        kill(p.processIdentifier, sig)
        p.waitUntilExit()
        #expect(p.terminationReason == .uncaughtSignal)
        #expect(p.terminationStatus == sig)
        #expect(try KeldyshProcess.entries(dir) == ["derivations"], "signal \(sig)")
    }

    @Test func resumeContinuesAnInterruptedScan() throws {
        // A --resume scan stopped by SIGTERM keeps o.resume; the next --resume run continues
        // after its complete rows (a row cut short is dropped) and gives the bytes of a whole run.
        let dir = try folder()
        let args = ["scan", Self.model, "--x", "gup=0:1:1000", "--y", "lambda=0:1:300", "--quiet"] + Self.settings
        let p = Process()
        p.executableURL = KeldyshProcess.executable
        p.arguments = args + ["--resume", "--out", "o"]
        p.currentDirectoryURL = dir
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        let grid = dir.appendingPathComponent("o.resume/grid.csv").path
        var started = false
        for _ in 0..<600 where !started {
            usleep(50_000)
            started = ((try? FileManager.default.attributesOfItem(atPath: grid)[.size] as? Int) ?? 0) > 100_000
        }
        #expect(started)
        kill(p.processIdentifier, SIGTERM)
        p.waitUntilExit()
        let interrupted = p.terminationReason == .uncaughtSignal
        #expect(try KeldyshProcess.entries(dir).contains(interrupted ? "o.resume" : "o"))
        if interrupted {
            // The last line as an interruption may leave it: cut short.
            let h = try FileHandle(forWritingTo: URL(fileURLWithPath: grid))
            h.seekToEndOfFile()
            h.write(Data("0.5,0.25,sta".utf8))
            try h.close()
            let r = try KeldyshProcess.run(args + ["--resume", "--out", "o"], in: dir)
            #expect(r.status == 0, "\(r.stderr)")
        }
        let w = try KeldyshProcess.run(args + ["--out", "w"], in: dir)
        #expect(w.status == 0)
        #expect(try KeldyshProcess.entries(dir) == ["derivations", "o", "w"])
        for file in ["grid.csv", "diagram.svg", "scan.json"] {
            #expect(try contents(dir, "o/" + file) == contents(dir, "w/" + file), "\(file)")
        }
    }

    @Test func sigintRemovesTheStagingFolder() throws { try interrupt(SIGINT, extra: []) }
    @Test func sigtermRemovesTheStagingFolderOfAShard() throws { try interrupt(SIGTERM, extra: ["--shard", "1/2"]) }
    @Test func sighupRemovesTheStagingFolder() throws { try interrupt(SIGHUP, extra: ["--threads", "1"]) }
}
