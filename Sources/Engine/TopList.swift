/// The `capacity` best items seen: higher score first, then smaller tie-break, then lower index.
struct TopList {
    private(set) var items: [(score: Float, tie: Float, index: Int)] = []
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        items.reserveCapacity(capacity + 1)
    }

    private static func better(_ a: (score: Float, tie: Float, index: Int), _ b: (score: Float, tie: Float, index: Int)) -> Bool {
        a.score != b.score ? a.score > b.score : a.tie != b.tie ? a.tie < b.tie : a.index < b.index
    }

    mutating func offer(_ score: Float, tieBreak: Float, _ index: Int) {
        let item = (score, tieBreak, index)
        if items.count == capacity, let worst = items.last, !Self.better(item, worst) { return }
        // Insertion into a short sorted list: cheap because most offers stop at the check above.
        var i = items.count
        while i > 0, Self.better(item, items[i - 1]) { i -= 1 }
        items.insert(item, at: i)
        if items.count > capacity { items.removeLast() }
    }

    func sorted() -> [Int] { items.map(\.index) }

    /// The indices of the `k` largest scores (ties: lower index first), leaving out `skipping`.
    static func best(_ k: Int, of scores: UnsafeBufferPointer<Float>, skipping: Int) -> [Int] {
        var list = TopList(capacity: max(1, k))
        var floor = -Float.infinity
        for i in 0..<scores.count where i != skipping && scores[i] > floor {
            list.offer(scores[i], tieBreak: 0, i)
            if list.items.count == list.capacity { floor = list.items[list.capacity - 1].score }
        }
        return list.sorted()
    }
}
