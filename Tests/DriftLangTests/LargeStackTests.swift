// LargeStack keeps its thread between runs; a run that went deep gives its stack pages back, as a thread
// that ends would, so --max-memory does not keep counting them.
@testable import DriftLang
import Glibc
import Testing

/// Recurses `depth` times and returns the stack address of the deepest frame.
@inline(never)
private func stackAddress(afterRecursing depth: Int) -> UInt {
    depth == 0 ? LargeStack.stackAddress() : stackAddress(afterRecursing: depth - 1) &+ UInt(depth & 1) &- UInt(depth & 1)
}

@Test func aDeepRunGivesItsStackPagesBack() {
    for _ in 0..<2 {
        let deepest = LargeStack.run { _ in stackAddress(afterRecursing: 300_000) }
        let page = UInt(sysconf(Int32(_SC_PAGESIZE)))
        var resident: UInt8 = 0
        // Unmapped (a thread of its own ran it and ended) or no longer resident (the kept thread released it).
        let found = mincore(UnsafeMutableRawPointer(bitPattern: deepest & ~(page - 1)), Int(page), &resident)
        #expect(found != 0 || resident & 1 == 0)
    }
}
