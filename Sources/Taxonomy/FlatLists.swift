/// Whether `needle` occurs anywhere in `haystack` (byte-wise).
func containsBytes(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
    guard needle.count <= haystack.count, let first = needle.first else { return false }
    var i = 0
    while i + needle.count <= haystack.count {
        if haystack[i] == first {
            var j = 1
            while j < needle.count, haystack[i + j] == needle[j] { j += 1 }
            if j == needle.count { return true }
        }
        i += 1
    }
    return false
}

/// Many short lists in one array: list i is `values[starts[i]..<starts[i + 1]]`.
struct FlatLists<T: Sendable>: Sendable {
    let values: [T]
    let starts: [Int32]

    init(_ lists: [[T]]) {
        var starts: [Int32] = [0]
        starts.reserveCapacity(lists.count + 1)
        for list in lists { starts.append(starts.last! + Int32(list.count)) }
        self.values = lists.flatMap { $0 }
        self.starts = starts
    }

    var count: Int { starts.count - 1 }

    /// The length of list i.
    func count(of i: Int) -> Int { Int(starts[i + 1] - starts[i]) }

    func withList<R>(_ i: Int, _ body: (UnsafeBufferPointer<T>) -> R) -> R {
        values.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[Int(starts[i])..<Int(starts[i + 1])]))
        }
    }

    /// Gives `body` a function from list index to list, valid only inside `body`.
    func withAll<R>(_ body: ((Int) -> UnsafeBufferPointer<T>) -> R) -> R {
        values.withUnsafeBufferPointer { all in
            starts.withUnsafeBufferPointer { starts in
                body { i in UnsafeBufferPointer(rebasing: all[Int(starts[i])..<Int(starts[i + 1])]) }
            }
        }
    }
}
