// ValueStack: the locals of every running call whose frame no closure can capture, one contiguous
// region pushed and popped like the machine stack. A call then costs two pointer bumps instead of
// allocating (or recycling) a frame object and counting references to it.
//
// The region is reserved up front and only the pages a program reaches are ever touched, so a deep
// recursion is limited by --max-depth and the native stack guard long before the reservation runs out.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct ValueStack: ~Copyable {
    private let base: UnsafeMutablePointer<Value>
    private let byteCount: Int
    /// False when the system refused every reservation and the room came from the allocator.
    private let isMapped: Bool
    private var top: UnsafeMutablePointer<Value>
    private let end: UnsafeMutablePointer<Value>
    /// The reservation past its first megabyte, which only a deep recursion reaches; nil when it came from
    /// the allocator, whose memory is not this stack's to hand back.
    private let deepPages: DeepPages?

    /// Reserves room for `capacity` values; smaller reservations are tried if the system refuses.
    init(capacity: Int = 1 << 25) {
        var capacity = capacity
        var region: UnsafeMutableRawPointer?
        while region == nil, capacity >= 1 << 16 {
            let mapped = mmap(nil, capacity * MemoryLayout<Value>.stride, PROT_READ | PROT_WRITE,
                              MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0)
            if let mapped, mapped != MAP_FAILED { region = mapped } else { capacity /= 4 }
        }
        isMapped = region != nil
        byteCount = capacity * MemoryLayout<Value>.stride
        base = region?.bindMemory(to: Value.self, capacity: capacity) ?? .allocate(capacity: capacity)
        top = base
        end = base + capacity
        let start = UInt(bitPattern: base)
        deepPages = isMapped ? DeepPages(from: start + (1 << 20), to: start + UInt(byteCount), growsDown: false) : nil
    }

    deinit {
        base.deinitialize(count: top - base)
        if isMapped { munmap(UnsafeMutableRawPointer(base), byteCount) } else { base.deallocate() }
    }

    /// How many locals running calls hold: zero whenever no call is running.
    var depth: Int { top - base }

    /// Gives the pages a deep recursion touched back to the system, so they no longer count as
    /// resident memory (--max-memory watches it). Only when no call holds locals.
    func releasePages() {
        guard top == base else { return }
        deepPages?.releaseIfReached()
    }

    /// Room for `count` locals, all null from `firstNull` on, or the error of a call that would overflow
    /// the stack. The caller initialises the slots before `firstNull` (a call's arguments, evaluated
    /// straight into them) before anything can pop them.
    @inline(__always)
    mutating func push(_ count: Int, firstNull: Int = 0, _ interpreter: Interpreter, at location: SourceLocation) throws(Unwind) -> UnsafeMutablePointer<Value> {
        let slots = top
        top += count
        guard top <= end else {
            top = slots
            throw Self.overflow(interpreter, at: location)
        }
        var index = firstNull
        while index < count {
            (slots + index).initialize(to: .null)
            index &+= 1
        }
        return slots
    }

    @inline(never)
    private static func overflow(_ interpreter: Interpreter, at location: SourceLocation) -> Unwind {
        RuntimeError.at(location, "too deep: \(interpreter.callDepth) nested calls fill the value stack (runaway recursion?)")
    }

    /// Releases the newest `count` locals, which start at `slots`.
    @inline(__always)
    mutating func pop(_ slots: UnsafeMutablePointer<Value>, count: Int) {
        // One value at a time (`deinitialize(count:)` goes through the runtime's generic array
        // destroy), and only those that own something.
        var index = 0
        while index < count {
            if !(slots + index).holdsNoReference { _ = (slots + index).move() }
            index &+= 1
        }
        top = slots
    }
}
