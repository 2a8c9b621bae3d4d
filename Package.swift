// swift-tools-version:6.0
// KeldyshKit: symbolic derivations and checked numerics for driven-dissipative quantum systems.
// Layering (a target imports only targets above it; docs/architecture.md draws it):
//   CGMP, CMPFR, CLapack (system libraries via pkg-config)
//   OutputFormats       JSON, CSV, SVG writers, staged output folders, progress bar (no KeldyshKit import)
//   ArbitraryPrecision  exact integers/rationals (GMP), Q(i), MPFR reals and complexes
//   Symbolic            expressions, canonical forms, rewriting, polynomials, matrices, parser, printers
//   Algebra             operators (bosons, spin ensembles, fermions), Lindblad, mean field, linearisation
//   FieldTheory         Keldysh actions from a Hamiltonian and dissipators, rotations, baths, kernels, G
//   KeldyshNumerics     compiled evaluators, eigenvalues (LAPACK, MPFR), roots, quadrature, ODEs
//   Analysis            one entry point per job: thresholds, scans, dynamics (method choice and fallbacks)
//   Derivations         the application: model files, derivation pipeline, verify, jobs from a model file, renderers
//   keldysh             command-line interface: parses arguments and prints
import PackageDescription

let package = Package(
    name: "KeldyshKit",
    products: [
        .library(name: "Symbolic", targets: ["Symbolic"]),
        .library(name: "ArbitraryPrecision", targets: ["ArbitraryPrecision"]),
        .library(name: "Algebra", targets: ["Algebra"]),
        .library(name: "KeldyshNumerics", targets: ["KeldyshNumerics"]),
        .library(name: "Analysis", targets: ["Analysis"]),
        .library(name: "Derivations", targets: ["Derivations"]),
        .library(name: "FieldTheory", targets: ["FieldTheory"]),
        .library(name: "OutputFormats", targets: ["OutputFormats"]),
        .executable(name: "keldysh", targets: ["keldysh"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(name: "CGMP", path: "Sources/CGMP", pkgConfig: "gmp",
                       providers: [.apt(["libgmp-dev"])]),
        .systemLibrary(name: "CMPFR", path: "Sources/CMPFR", pkgConfig: "mpfr",
                       providers: [.apt(["libmpfr-dev"])]),
        .systemLibrary(name: "CLapack", path: "Sources/CLapack", pkgConfig: "openblas",
                       providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]),
        .target(name: "OutputFormats"),
        .target(
            name: "ArbitraryPrecision",
            dependencies: ["CGMP", "CMPFR", .product(name: "ComplexModule", package: "swift-numerics"),
                           .product(name: "RealModule", package: "swift-numerics")],
            swiftSettings: [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]
        ),
        .target(
            name: "Symbolic",
            dependencies: [
                "ArbitraryPrecision",
                .product(name: "ComplexModule", package: "swift-numerics"),
                .product(name: "RealModule", package: "swift-numerics"),
                .product(name: "Collections", package: "swift-collections"),
            ]
        ),
        .target(
            name: "Algebra",
            dependencies: ["Symbolic", "ArbitraryPrecision"]
        ),
        .target(
            name: "FieldTheory",
            dependencies: ["Symbolic", "Algebra", "ArbitraryPrecision"]
        ),
        // Named KeldyshNumerics because swift-numerics already owns a target
        // and product called Numerics (target names are global in a package graph).
        .target(
            name: "KeldyshNumerics",
            dependencies: [
                "Symbolic", "ArbitraryPrecision", "CLapack", "CMPFR",
                .product(name: "ComplexModule", package: "swift-numerics"),
                .product(name: "RealModule", package: "swift-numerics"),
            ],
            path: "Sources/Numerics"
        ),
        .target(
            name: "Analysis",
            dependencies: [
                "Symbolic", "Algebra", "KeldyshNumerics", "ArbitraryPrecision", "OutputFormats",
                .product(name: "ComplexModule", package: "swift-numerics"),
                .product(name: "RealModule", package: "swift-numerics"),
            ]
        ),
        .target(
            name: "Derivations",
            dependencies: ["Symbolic", "Algebra", "FieldTheory", "KeldyshNumerics", "Analysis", "ArbitraryPrecision", "OutputFormats"]
        ),
        .executableTarget(
            name: "keldysh",
            dependencies: [
                "Derivations", "Analysis", "KeldyshNumerics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers shared by the test targets (fixtures built from the papers, exact evaluation,
        // random points, assertions); a plain target so every test target can import it.
        .target(
            name: "TestSupport",
            dependencies: ["Symbolic", "Algebra", "ArbitraryPrecision", "KeldyshNumerics",
                           .product(name: "ComplexModule", package: "swift-numerics")],
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "ArbitraryPrecisionTests",
            dependencies: ["ArbitraryPrecision", "CLapack", "CMPFR", "CGMP",
                           .product(name: "ComplexModule", package: "swift-numerics")]
        ),
        .testTarget(
            name: "SymbolicTests",
            dependencies: [
                "Symbolic", "ArbitraryPrecision", "CLapack", "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "ComplexModule", package: "swift-numerics"),
            ]
        ),
        .testTarget(
            name: "AlgebraTests",
            dependencies: ["Algebra", "Symbolic", "ArbitraryPrecision", "TestSupport"]
        ),
        .testTarget(
            name: "AnalysisTests",
            dependencies: [
                "Analysis", "Algebra", "KeldyshNumerics", "ArbitraryPrecision", "Symbolic", "TestSupport", "OutputFormats",
                "Derivations",  // model files as fixtures (ModelInput), not as a layer Analysis uses
                .product(name: "ComplexModule", package: "swift-numerics"),
            ]
        ),
        .testTarget(
            name: "NumericsTests",
            dependencies: [
                "KeldyshNumerics", "ArbitraryPrecision", "Symbolic", "CMPFR", "TestSupport",
                .product(name: "ComplexModule", package: "swift-numerics"),
                .product(name: "RealModule", package: "swift-numerics"),
            ]
        ),
        .testTarget(
            name: "FieldTheoryTests",
            dependencies: ["FieldTheory", "Algebra", "Symbolic", "ArbitraryPrecision", "TestSupport"]
        ),
        .testTarget(
            name: "DerivationsTests",
            dependencies: ["Derivations", "Analysis", "Algebra", "Symbolic", "ArbitraryPrecision", "OutputFormats", "TestSupport"]
        ),
        .testTarget(
            name: "OutputFormatsTests",
            dependencies: ["OutputFormats"]
        ),
        // Bounded fuzzing of the model reader, the derivation and the expression parser
        // (KELDYSH_FUZZ_COUNT inputs of each; docs/limits.md).
        .testTarget(
            name: "FuzzTests",
            dependencies: ["Derivations", "Symbolic", "ArbitraryPrecision"]
        ),
        // Runs the built `keldysh` executable as a process (every subcommand, success and failure).
        .testTarget(
            name: "CLITests",
            dependencies: ["keldysh"]
        ),
    ]
)
