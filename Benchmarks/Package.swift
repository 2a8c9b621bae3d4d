// swift-tools-version:6.0
// Benchmarks for KeldyshKit, kept out of the main package so `swift test` stays light.
// Build in release mode: swift build -c release --package-path Benchmarks
import PackageDescription

let package = Package(
    name: "KeldyshKitBenchmarks",
    dependencies: [
        .package(name: "KeldyshKit", path: ".."),
        // The same swift-numerics KeldyshKit resolves (Complex<Double> in the Double APIs).
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
    ],
    targets: [
        .executableTarget(
            name: "ExpandBenchmark",
            dependencies: [.product(name: "Symbolic", package: "KeldyshKit")]
        ),
        .executableTarget(
            name: "CoreBenchmark",
            dependencies: [.product(name: "Symbolic", package: "KeldyshKit")]
        ),
        .executableTarget(
            name: "DeriveBenchmark",
            dependencies: [
                .product(name: "Algebra", package: "KeldyshKit"),
                .product(name: "Derivations", package: "KeldyshKit"),
                .product(name: "Symbolic", package: "KeldyshKit"),
            ]
        ),
        .executableTarget(
            name: "RepresentationBenchmark",
            dependencies: [
                .product(name: "Symbolic", package: "KeldyshKit"),
                .product(name: "ArbitraryPrecision", package: "KeldyshKit"),
                "CHeapStats",
            ]
        ),
        // glibc's mallinfo2, for the live-heap measurements of RepresentationBenchmark.
        .target(name: "CHeapStats"),
        .executableTarget(
            name: "EvalBenchmark",
            dependencies: [
                .product(name: "Symbolic", package: "KeldyshKit"),
                .product(name: "KeldyshNumerics", package: "KeldyshKit"),
            ]
        ),
        .executableTarget(
            name: "PrecisionBenchmark",
            dependencies: [
                .product(name: "Symbolic", package: "KeldyshKit"),
                .product(name: "ArbitraryPrecision", package: "KeldyshKit"),
                .product(name: "KeldyshNumerics", package: "KeldyshKit"),
            ]
        ),
        .executableTarget(
            name: "ScanBenchmark",
            dependencies: [
                .product(name: "Symbolic", package: "KeldyshKit"),
                .product(name: "KeldyshNumerics", package: "KeldyshKit"),
                .product(name: "Analysis", package: "KeldyshKit"),
                .product(name: "Derivations", package: "KeldyshKit"),
                "CZgeevLoop",
            ]
        ),
        // A loop of bare zgeev calls, for the "fraction of LAPACK's own time" of ScanBenchmark.
        .target(name: "CZgeevLoop", linkerSettings: [.linkedLibrary("openblas")]),
        .executableTarget(
            name: "NambuKeldyshBenchmark",
            dependencies: [
                .product(name: "Symbolic", package: "KeldyshKit"),
                .product(name: "FieldTheory", package: "KeldyshKit"),
                .product(name: "Derivations", package: "KeldyshKit"),
            ]
        ),
        .executableTarget(
            name: "ChainBenchmark",
            dependencies: [
                .product(name: "Symbolic", package: "KeldyshKit"),
                .product(name: "FieldTheory", package: "KeldyshKit"),
                .product(name: "Derivations", package: "KeldyshKit"),
            ]
        ),
        .executableTarget(
            name: "TanhConvolutionBenchmark",
            dependencies: [
                .product(name: "KeldyshNumerics", package: "KeldyshKit"),
                .product(name: "ArbitraryPrecision", package: "KeldyshKit"),
                .product(name: "ComplexModule", package: "swift-numerics"),
            ]
        ),
        .executableTarget(
            name: "PolygammaBenchmark",
            dependencies: [.product(name: "ArbitraryPrecision", package: "KeldyshKit")]
        ),
        .executableTarget(
            name: "ThresholdBenchmark",
            dependencies: [
                .product(name: "Symbolic", package: "KeldyshKit"),
                .product(name: "ArbitraryPrecision", package: "KeldyshKit"),
                .product(name: "Analysis", package: "KeldyshKit"),
                .product(name: "Algebra", package: "KeldyshKit"),
                .product(name: "Derivations", package: "KeldyshKit"),
            ]
        ),
        .executableTarget(
            name: "CondensationBenchmark",
            dependencies: [
                .product(name: "Analysis", package: "KeldyshKit"),
                .product(name: "Derivations", package: "KeldyshKit"),
            ]
        ),
        .executableTarget(
            name: "BallBenchmark",
            dependencies: [
                .product(name: "Analysis", package: "KeldyshKit"),
                .product(name: "Derivations", package: "KeldyshKit"),
                .product(name: "KeldyshNumerics", package: "KeldyshKit"),
                .product(name: "ArbitraryPrecision", package: "KeldyshKit"),
            ]
        ),
    ]
)
