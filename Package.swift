// swift-tools-version:6.0
// KeldyshKit: symbolic derivations and checked numerics for driven-dissipative quantum systems.
// Layering (a target imports only targets above it):
//   CGMP, CMPFR, CLapack (system libraries via pkg-config)
//   ArbitraryPrecision  exact integers/rationals (GMP), MPFR reals and complexes
//   Symbolic            expressions, canonical forms, rewriting, polynomials, matrices, parser, printers
//   Algebra             operators (bosons, spin ensembles, fermions), Lindblad, mean field, linearisation
//   KeldyshNumerics     eigenvalues (LAPACK, MPFR), root finding, quadrature, ODE integrators
//   Analysis            stability scans, mean-field dynamics, certified thresholds
//   keldysh             command-line interface
import PackageDescription

let package = Package(
    name: "KeldyshKit",
    products: [
        .library(name: "Symbolic", targets: ["Symbolic"]),
        .library(name: "ArbitraryPrecision", targets: ["ArbitraryPrecision"]),
        .library(name: "Algebra", targets: ["Algebra"]),
        .library(name: "KeldyshNumerics", targets: ["KeldyshNumerics"]),
        .library(name: "Analysis", targets: ["Analysis"]),
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
                "Symbolic", "Algebra", "KeldyshNumerics", "ArbitraryPrecision",
                .product(name: "ComplexModule", package: "swift-numerics"),
                .product(name: "RealModule", package: "swift-numerics"),
            ]
        ),
        .executableTarget(
            name: "keldysh",
            dependencies: [
                "Symbolic", "Algebra", "KeldyshNumerics", "Analysis",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "ArbitraryPrecisionTests",
            dependencies: ["ArbitraryPrecision", "CLapack", "CMPFR", "CGMP",
                           .product(name: "ComplexModule", package: "swift-numerics")]
        ),
        .testTarget(
            name: "SymbolicTests",
            dependencies: [
                "Symbolic", "ArbitraryPrecision", "CLapack",
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "ComplexModule", package: "swift-numerics"),
            ]
        ),
        .testTarget(
            name: "AlgebraTests",
            dependencies: ["Algebra", "Symbolic", "ArbitraryPrecision"]
        ),
        .testTarget(
            name: "AnalysisTests",
            dependencies: [
                "Analysis", "Algebra", "KeldyshNumerics", "ArbitraryPrecision", "Symbolic",
                .product(name: "ComplexModule", package: "swift-numerics"),
            ]
        ),
        .testTarget(
            name: "NumericsTests",
            dependencies: [
                "KeldyshNumerics", "ArbitraryPrecision", "Symbolic", "CMPFR",
                .product(name: "ComplexModule", package: "swift-numerics"),
                .product(name: "RealModule", package: "swift-numerics"),
            ]
        ),
    ]
)
