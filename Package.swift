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
        // Databases: SQLite (the system library, through GRDB) and PostgreSQL (through PostgresNIO).
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.25.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.3"),
    ],
    targets: [
        // GNU readline, through a module map and a small shim header.
        .target(name: "CStackAddress"),
        .systemLibrary(
            name: "CReadline",
            pkgConfig: "readline",
            providers: [.apt(["libreadline-dev"])]
        ),
        // The numerics and data core: columns, data frames, CSV, statistics. Knows nothing of the language.
        .target(name: "DriftCore"),
        // Data sources outside the process: SQLite files and PostgreSQL servers. Keeps DriftCore free of
        // NIO and database libraries; every file and network access still goes through DriftCore.FileAccess.
        .target(
            name: "DriftSources",
            dependencies: [
                "DriftCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The language: lexer, parser, resolver, interpreter, values, diagnostics, builtins.
        .target(
            name: "DriftLang",
            dependencies: ["DriftCore", "DriftSources", "CStackAddress", .product(name: "Ink", package: "Ink")],
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
        .testTarget(
            name: "DriftSourcesTests",
            dependencies: ["DriftSources", "DriftCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "DriftLangTests", dependencies: ["DriftLang", "DriftCore"]),
        .testTarget(name: "DriftCLITests", dependencies: ["drift"]),
    ]
)
