// swift-tools-version: 6.0
import PackageDescription

/// This package's folder, for the linker's search path.
let packageRoot = Context.packageDirectory

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
        // HMAC-SHA256 for the Jupyter kernel's message signatures (already in the graph through PostgresNIO).
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        // Spark Connect: gRPC over HTTP/2 and the protocol's protobuf messages.
        .package(url: "https://github.com/grpc/grpc-swift-2", exact: "2.4.3"),
        .package(url: "https://github.com/grpc/grpc-swift-nio-transport", exact: "2.9.2"),
        .package(url: "https://github.com/grpc/grpc-swift-protobuf", exact: "2.4.1"),
        .package(url: "https://github.com/apple/swift-protobuf", exact: "1.39.0"),
    ],
    targets: [
        // Two small C targets for the interpreter's hot paths: the native stack address its stack guard
        // compares, and the stop flag every loop and call polls (one load where a Swift global of another
        // module costs an accessor call).
        .target(name: "CStackAddress"),
        .target(name: "CStopFlag"),
        // GNU readline, through a module map and a small shim header. No pkg-config: its `-L/usr/lib/...` would
        // come first on the link's search path and keep the release link from finding tools/static-libraries.
        .systemLibrary(
            name: "CReadline",
            providers: [.apt(["libreadline-dev"])]
        ),
        // ZeroMQ, the Jupyter kernel's transport: zmq.h (Debian's libzmq3-dev) at build time, the library
        // opened by the kernel when it starts (ZeroMQLoader.c), so no other command loads it.
        .target(name: "CZeroMQ"),
        // The codecs of Parquet pages (Snappy, Zstandard, LZ4, zlib for GZIP and CRC-32), each through a module
        // map and a shim header; only DriftParquet imports them.
        .systemLibrary(name: "CSnappy", providers: [.apt(["libsnappy-dev"])]),
        .systemLibrary(name: "CZstd", providers: [.apt(["libzstd-dev"])]),
        .systemLibrary(name: "CLZ4", providers: [.apt(["liblz4-dev"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        // The numerics and data core: columns, data frames, CSV, statistics. Knows nothing of the language.
        .target(
            name: "DriftCore",
            dependencies: ["CStopFlag"],
            swiftSettings: [
                // Concrete generic types (a [String: MethodDescriptor]) get their metadata from direct accessor
                // calls, not from mangled names the runtime decodes: decoding checks the key's Hashable by
                // scanning the static binary's 12,000 conformance records, 0.7M instructions per key type at
                // every start. DriftLang does the same.
                .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"], .when(configuration: .release)),
            ]
        ),
        // The Parquet reader: the Thrift compact protocol, the file's metadata, pages, encodings and codecs, into
        // DriftCore's columns. Its own target so the C codec libraries stay out of DriftCore; files are still
        // read through DriftCore.FileAccess.
        .target(name: "DriftParquet", dependencies: ["DriftCore", "CSnappy", "CZstd", "CLZ4", "CZlib"]),
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
        // Apache Spark through Spark Connect (gRPC): the client, the Arrow IPC stream decoder and the Spark SQL
        // dialect, plugged into DriftSources' SQL source interface. Keeps gRPC and protobuf out of DriftSources.
        .target(
            name: "DriftSpark",
            dependencies: [
                "DriftCore", "DriftSources",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2Posix", package: "grpc-swift-nio-transport"),
                .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ]
        ),
        // The language: lexer, parser, resolver, interpreter, values, diagnostics, builtins.
        .target(
            name: "DriftLang",
            dependencies: ["DriftCore", "DriftSources", "DriftSpark", "DriftParquet", "CStackAddress", .product(name: "Ink", package: "Ink")],
            swiftSettings: [
                // The interpreter's state lives in classes; dynamic exclusivity checks on every slot
                // access cost a third of a tight loop's time. Debug builds keep them. Metadata by direct
                // accessors, as in DriftCore.
                .unsafeFlags(["-enforce-exclusivity=unchecked", "-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"], .when(configuration: .release)),
            ],
            plugins: ["EmbedStdlib"]
        ),
        // The Jupyter kernel: a front end over DriftLang's Session speaking the Jupyter messaging protocol.
        .target(
            name: "DriftKernel",
            dependencies: ["DriftLang", "DriftCore", "CZeroMQ", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // The command line: REPL, script runner, checker, notebook writer, Jupyter kernel.
        .executableTarget(
            name: "drift",
            dependencies: [
                "DriftLang", "DriftCore", "DriftKernel", "CReadline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: [
                // A position-dependent release binary: the dynamic loader then applies none of the 165,000
                // relative relocations of the statically linked runtime (each one a write, most of them a
                // copy-on-write page fault), a fifth of `drift -e 1`'s start-up. Debian builds its python3 the
                // same way for the same reason; the price is that the executable's own code does not move
                // under address-space randomisation (the libraries and the heap still do). And no dynamic symbol
                // table of its 57,000 functions: the Swift runtime's dladdr at start-up (finding its own path)
                // searched it, 1.9M instructions; crash backtraces read the file's own symbol table instead.
                .unsafeFlags(["-Xclang-linker", "-no-pie", "-Xlinker", "--no-export-dynamic"], .when(configuration: .release)),
                // Debian's C libraries linked statically into the release binary: libstdc++, SQLite, readline (with
                // its terminal library), zstd, snappy, lz4 and zlib. tools/static-libraries holds, for each, a
                // libNAME.so that is a link to Debian's libNAME.a; the linker reads an archive whatever its name, and
                // that folder comes first on the search path, so `-lsqlite3` finds the archive. Loading and binding
                // these libraries took a one-line `drift run` from 4.5 to 6.2 ms of CPU (4,143 symbol bindings, 125
                // of its 556 page faults). Where a link dangles (another compiler version or architecture), the
                // linker goes on to the shared library as before.
                .unsafeFlags(["-L", packageRoot + "/tools/static-libraries", "-Xlinker", "-ltinfo"], .when(configuration: .release)),
            ]
        ),
        // Build-time tool that embeds stdlib/*.drift into the DriftLang module.
        .executableTarget(name: "EmbedStdlibTool"),
        .plugin(
            name: "EmbedStdlib",
            capability: .buildTool(),
            dependencies: ["EmbedStdlibTool"]
        ),
        // The fuzz targets (tools/fuzz.sh builds them with libFuzzer); a plain build replays inputs.
        .executableTarget(name: "DriftFuzz", dependencies: ["DriftLang", "DriftCore", "DriftParquet"]),
        // Writes the benchmark data for bench/run.py (not a test).
        .executableTarget(name: "DriftBench", dependencies: ["DriftCore"]),
        .target(name: "DriftTestSupport", path: "Tests/DriftTestSupport"),
        .testTarget(name: "DriftCoreTests", dependencies: ["DriftCore", "DriftTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "DriftParquetTests", dependencies: ["DriftParquet", "DriftCore"], exclude: ["Fixtures"]),
        .testTarget(
            name: "DriftSourcesTests",
            dependencies: ["DriftSources", "DriftSpark", "DriftCore", "DriftTestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "DriftSparkTests", dependencies: ["DriftSpark", "DriftSources", "DriftCore"], exclude: ["Fixtures"]),
        .testTarget(name: "DriftLangTests", dependencies: ["DriftLang", "DriftCore"]),
        .testTarget(name: "DriftCLITests", dependencies: ["drift", "DriftFuzz", "DriftTestSupport"]),
        .testTarget(name: "DriftKernelTests", dependencies: ["DriftKernel", "DriftLang", "DriftCore"]),
    ]
)
