/// An immutable value kept on the heap, so that a struct holding it optionally costs one pointer.
///
/// A bundle can hold 100,000 files; the measured facts of a file (a photo's, a video's, a document's) are large
/// and most files have at most one of them. Kept inline, every file would pay for all of them (hundreds of bytes
/// each). A new value replaces the box rather than changing it, so copies never share a change.
public final class Boxed<Value: Sendable>: Sendable {
    public let value: Value

    public init(_ value: Value) { self.value = value }
}

extension Optional {
    /// Changes the value in a box of rarely set facts: `empty` stands in when there is no box, and a value that
    /// comes out `isEmpty` leaves no box at all (most files and entries carry none).
    public mutating func changeBoxed<Value>(
        empty: Value, isEmpty: (Value) -> Bool, _ change: (inout Value) -> Void
    ) where Wrapped == Boxed<Value> {
        var value = self?.value ?? empty
        change(&value)
        self = isEmpty(value) ? nil : Boxed(value)
    }
}
