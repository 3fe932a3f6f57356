// HugePages: asks the kernel to back a large buffer that is about to be filled with 2 MiB pages, as numpy does
// for its arrays of 4 MiB and more (here from 2 MiB: a 500,000-row column of a join is 4 MB). Filling fresh
// memory otherwise costs one page fault per 4 KiB page: for the tens of megabytes a join or a gather writes,
// the faults cost more than the copying. Only the whole 2 MiB pages inside the buffer are advised. `empty(capacity:)`
// gives an array to append to whose whole capacity is advised (a column read page by page from a Parquet file).
#if canImport(Glibc)
import Glibc
#endif

public enum HugePages {
    private static let size = 2 << 20

    /// Advises transparent huge pages for the whole 2 MiB pages inside `buffer`, which should not have been
    /// written yet (the advice changes only pages the kernel has not made yet). Does nothing for buffers
    /// under 2 MiB, or where the system has no such advice.
    public static func advise<Element>(_ buffer: UnsafeMutableBufferPointer<Element>) {
        #if os(Linux)
        let bytes = buffer.count * MemoryLayout<Element>.stride
        guard bytes >= size, let base = buffer.baseAddress else { return }
        let start = (Int(bitPattern: base) + size - 1) & ~(size - 1)
        let end = (Int(bitPattern: base) + bytes) & ~(size - 1)
        guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(pointer, end - start, MADV_HUGEPAGE)
        #endif
    }
}

extension Array {
    /// An empty array with room for `capacity` elements, advised as `HugePages.advise` does, for appending to.
    public static func empty(capacity: Int) -> [Element] {
        [Element](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            HugePages.advise(buffer)
            initialized = 0
        }
    }
}
