// MemoryLimit: `--max-memory`. A watchdog thread samples the process's resident memory every few
// milliseconds and, past the limit, asks running work to stop (Cancellation), so a runaway script ends
// with an error instead of meeting the kernel's OOM killer. Single allocations sized by the user (a
// `range(1e12)`) are checked up front with `reserve`, because they would fail before the watchdog sees them.
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An allocation the memory limit (or the machine) cannot hold.
public struct MemoryLimitError: Error, CustomStringConvertible, Sendable {
    public let description: String
}

public enum MemoryLimit {
    private static let limit = Atomic<Int>(0)
    private static let watchdogStarted = Atomic<Bool>(false)

    /// The limit in bytes, or nil when none is set.
    public static var bytes: Int? {
        let value = limit.load(ordering: .relaxed)
        return value > 0 ? value : nil
    }

    /// Sets the limit (nil removes it) and starts the watchdog the first time a limit is set.
    public static func set(_ bytes: Int?) {
        limit.store(bytes ?? 0, ordering: .relaxed)
        guard bytes != nil, !watchdogStarted.exchange(true, ordering: .relaxed) else { return }
        var thread = pthread_t()
        if pthread_create(&thread, nil, { _ in MemoryLimit.watch() }, nil) == 0 { pthread_detach(thread) }
    }

    /// The message of work stopped by the watchdog.
    static var exceededMessage: String {
        "out of memory: Drift's memory use passed the limit of \(format(bytes ?? 0)) set with --max-memory"
    }

    /// Allocations below this size are left to the watchdog: checking one reads /proc, and a builtin
    /// called in a loop makes many small ones.
    public static let smallAllocation = 4.0 * 1024 * 1024

    /// Throws when allocating `bytes` more would pass the limit, or would not fit in the machine at all.
    /// `what` names the allocation for the message ("range of 1e+12 numbers"). Every allocation whose
    /// size the user controls is checked here before it is made; the watchdog is the backstop.
    public static func reserve(_ bytes: Double, for what: @autoclosure () -> String) throws(MemoryLimitError) {
        guard !(bytes < smallAllocation) else { return }
        guard let limit = self.bytes else {
            guard bytes > Double(physicalBytes()) else { return }
            throw MemoryLimitError(description: "\(what()) needs \(format(bytes)), more than this machine's \(format(physicalBytes())) of memory allows")
        }
        let left = limit - min(limit, residentBytes())
        guard bytes > Double(left) else { return }
        // More than the whole limit needs a higher limit; within it, the memory already in use is in the way.
        if bytes > Double(limit) {
            throw MemoryLimitError(description: "\(what()) needs \(format(bytes)), more than the --max-memory limit of \(format(limit)) allows")
        }
        throw MemoryLimitError(description: "\(what()) needs \(format(bytes)); only \(format(left)) of the --max-memory limit of \(format(limit)) is left")
    }

    /// Resident memory of this process now, from /proc/self/statm (0 where that is unavailable). Read
    /// with plain POSIX calls rather than FileAccess: this is the process looking at itself, which safe
    /// mode must not forbid.
    public static func residentBytes() -> Int {
        let descriptor = open("/proc/self/statm", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return 0 }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return 0 }
        let fields = buffer[0..<count].split(separator: UInt8(ascii: " "))
        guard fields.count > 1, let pages = Int(String(decoding: fields[1], as: UTF8.self)) else { return 0 }
        return pages * sysconf(Int32(_SC_PAGESIZE))
    }

    /// "512 MB", "2.5 GB".
    public static func format(_ bytes: some BinaryInteger) -> String { format(Double(bytes)) }

    public static func format(_ bytes: Double) -> String {
        guard bytes.isFinite else { return "unboundedly many bytes" }
        let units = ["bytes", "KB", "MB", "GB", "TB", "PB"]
        var value = bytes
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        let rounded = (value * 10).rounded() / 10
        let text = rounded == rounded.rounded() && rounded < 1e15 ? String(Int(rounded)) : String(rounded)
        return "\(text) \(units[unit])"
    }

    /// Parses "512M", "2G", "1.5GB", "1000000" (bytes); nil if malformed.
    public static func parse(_ text: String) -> Int? {
        let trimmed = text.filter { $0 != " " }.uppercased()
        let suffixes: [(String, Int)] = [("TB", 1 << 40), ("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10),
                                         ("T", 1 << 40), ("G", 1 << 30), ("M", 1 << 20), ("K", 1 << 10), ("B", 1)]
        var number = Substring(trimmed)
        var scale = 1.0
        for (suffix, factor) in suffixes where trimmed.hasSuffix(suffix) {
            number = trimmed.dropLast(suffix.count)
            scale = Double(factor)
            break
        }
        guard let value = Double(number), value > 0, value * scale < Double(Int.max) else { return nil }
        return Int(value * scale)
    }

    private static func physicalBytes() -> Int {
        sysconf(Int32(_SC_PHYS_PAGES)) * sysconf(Int32(_SC_PAGESIZE))
    }

    /// Samples every 5 ms while a limit is set; a 1 GB/s allocation overshoots by about 5 MB.
    private static func watch() -> Never {
        while true {
            if let limit = bytes, residentBytes() > limit { Cancellation.request(.memoryLimit) }
            usleep(5_000)
        }
    }
}
