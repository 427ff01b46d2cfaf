import Testing

@testable import Parallel

@Suite struct ParallelTests {
    @Test func mapKeepsTheOrderForAnyCount() {
        for count in [0, 1, 7, 64, 65, 1000] {
            #expect(Parallel.map(count: count) { $0 * $0 } == (0..<count).map { $0 * $0 })
        }
    }

    @Test func arrayFilledByRowsHasEveryElement() {
        let n = 37
        let square = Parallel.array(count: n * n, chunks: 8) { chunk, out in
            for row in stride(from: chunk, to: n, by: 8) {
                out.slice(row * n..<(row + 1) * n).initialize(repeating: row)
            }
        }
        #expect(square == (0..<n).flatMap { Array(repeating: $0, count: n) })
    }

    @Test func classesAreMadeOnceEach() {
        final class Box { let value: Int; init(_ value: Int) { self.value = value } }
        let boxes = Parallel.map(count: 500) { Box($0) }
        #expect(boxes.map(\.value) == Array(0..<500))
        #expect(Set(boxes.map { ObjectIdentifier($0) }).count == 500)
    }
}
