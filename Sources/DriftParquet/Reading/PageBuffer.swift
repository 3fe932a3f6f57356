// PageBuffer: the memory a column reader uncompresses its pages into, allocated once and grown as a larger
// page needs, so reading a column allocates per chunk at most a few times rather than per page.

final class PageBuffer {
    private var storage = UnsafeMutableRawBufferPointer(start: nil, count: 0)

    deinit { if storage.baseAddress != nil { storage.deallocate() } }

    /// `count` bytes of scratch memory, valid until the next call.
    func bytes(_ count: Int) -> UnsafeMutableRawBufferPointer {
        if storage.count < count {
            if storage.baseAddress != nil { storage.deallocate() }
            storage = .allocate(byteCount: max(count, storage.count * 2), alignment: 16)
        }
        return UnsafeMutableRawBufferPointer(rebasing: storage[0..<count])
    }
}
