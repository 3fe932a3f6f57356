// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Drift",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "drift", targets: ["drift"]),
        .library(name: "DriftLang", targets: ["DriftLang"]),
        .library(name: "DriftCore", targets: ["DriftCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Markdown for notebook prose cells.
        .package(url: "https://github.com/JohnSundell/Ink", exact: "0.6.0"),
    ],
    targets: [
        // GNU readline, through a module map and a small shim header.
        .systemLibrary(
            name: "CReadline",
            pkgConfig: "readline",
            providers: [.apt(["libreadline-dev"])]
        ),
        // The numerics and data core: columns, data frames, CSV, statistics. Knows nothing of the language.
        .target(name: "DriftCore"),
        // The language: lexer, parser, resolver, interpreter, values, diagnostics, builtins.
        .target(
            name: "DriftLang",
            dependencies: ["DriftCore", .product(name: "Ink", package: "Ink")],
            swiftSettings: [
                // The interpreter's state lives in classes; dynamic exclusivity checks on every slot
                // access cost a third of a tight loop's time. Debug builds keep them.
                .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
            ],
            plugins: ["EmbedStdlib"]
        ),
        // The command line: REPL, script runner, checker.
        .executableTarget(
            name: "drift",
            dependencies: [
                "DriftLang", "DriftCore", "CReadline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Build-time tool that embeds stdlib/*.drift into the DriftLang module.
        .executableTarget(name: "EmbedStdlibTool"),
        .plugin(
            name: "EmbedStdlib",
            capability: .buildTool(),
            dependencies: ["EmbedStdlibTool"]
        ),
        // The fuzz target (tools/fuzz.sh builds it with libFuzzer); a plain build replays inputs.
        .executableTarget(name: "DriftFuzz", dependencies: ["DriftLang", "DriftCore"]),
        // Writes the benchmark data for bench/run.py (not a test).
        .executableTarget(name: "DriftBench", dependencies: ["DriftCore"]),
        .testTarget(name: "DriftCoreTests", dependencies: ["DriftCore"], exclude: ["Fixtures"]),
        .testTarget(name: "DriftLangTests", dependencies: ["DriftLang", "DriftCore"]),
        .testTarget(name: "DriftCLITests", dependencies: ["drift"]),
    ]
)
