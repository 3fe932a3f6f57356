// DeepPages: the part of a stack that only deep runs reach (the value stack's, a large-stack thread's),
// given back to the system after a run that reached it, so --max-memory stops counting pages no run uses
// any more. The page at the part's shallow end says whether a run went there (one mincore call); after
// the usual shallow run nothing is released, and the shallow pages every run uses stay mapped.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct DeepPages {
    private let low: UInt
    private let high: UInt
    /// The first page a run reaching the part touches.
    private let probe: UInt

    private static let pageSize = UInt(sysconf(Int32(_SC_PAGESIZE)))

    /// The whole pages within [low, high) of a stack that grows down (its shallow end at `high`) or up
    /// (at `low`); nil when no whole page fits.
    init?(from low: UInt, to high: UInt, growsDown: Bool) {
        let page = Self.pageSize
        self.low = (low + page - 1) & ~(page - 1)
        self.high = high & ~(page - 1)
        guard self.high > self.low else { return nil }
        probe = growsDown ? self.high - page : self.low
    }

    /// Hands the pages back when a run reached them.
    func releaseIfReached() {
        var resident: UInt8 = 0
        guard mincore(UnsafeMutableRawPointer(bitPattern: probe), Int(Self.pageSize), &resident) == 0,
              resident & 1 != 0 else { return }
        _ = madvise(UnsafeMutableRawPointer(bitPattern: low), Int(high - low), MADV_DONTNEED)
    }
}
