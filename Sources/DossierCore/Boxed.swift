/// An immutable value kept on the heap, so that a struct holding it optionally costs one pointer.
///
/// A bundle can hold 100,000 files; the measured facts of a file (a photo's, a video's, a document's) are large
/// and most files have at most one of them. Kept inline, every file would pay for all of them (hundreds of bytes
/// each). A new value replaces the box rather than changing it, so copies never share a change.
public final class Boxed<Value: Sendable>: Sendable {
    public let value: Value

    public init(_ value: Value) { self.value = value }
}
