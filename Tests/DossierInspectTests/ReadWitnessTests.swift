import DossierInspect
import Testing

/// The ranges a reader read, and a digest of what they held, confirm those bytes unchanged later.
@Suite struct ReadWitnessTests {
    private func bytes(_ count: Int) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) } }

    @Test func adjacentReadsJoinAndTheDigestConfirmsTheSameBytes() throws {
        let witness = ReadWitness(MemoryRandomAccess(bytes(10_000)))
        _ = witness.read(at: 0, count: 100)
        _ = witness.read(at: 100, count: 50)
        _ = witness.read(at: 5_000, count: 10)
        _ = witness.read(at: 0, count: 10)
        #expect(witness.read(at: 9_990, count: 20) == nil)
        #expect(
            witness.ranges == [
                .init(offset: 0, count: 150), .init(offset: 5_000, count: 10), .init(offset: 0, count: 10),
            ])
        let digest = witness.finish()
        #expect(ReadWitness.confirms(MemoryRandomAccess(bytes(10_000)), ranges: witness.ranges, digest: digest))
        // Read again in pieces smaller than a range: the same digest.
        #expect(
            ReadWitness.confirms(MemoryRandomAccess(bytes(10_000)), ranges: witness.ranges, digest: digest, chunk: 7))
    }

    @Test func aChangedByteInARangeOrAShorterFileIsNotConfirmed() throws {
        let original = bytes(10_000)
        let witness = ReadWitness(MemoryRandomAccess(original))
        _ = witness.read(at: 200, count: 300)
        let digest = witness.finish()
        var changed = original
        changed[499] ^= 1
        #expect(!ReadWitness.confirms(MemoryRandomAccess(changed), ranges: witness.ranges, digest: digest))
        #expect(
            !ReadWitness.confirms(
                MemoryRandomAccess(Array(original.prefix(450))), ranges: witness.ranges, digest: digest))
        // Bytes outside every range read are not what the reader saw: a change there does not matter.
        changed = original
        changed[9_000] ^= 1
        #expect(ReadWitness.confirms(MemoryRandomAccess(changed), ranges: witness.ranges, digest: digest))
        // The same bytes read from elsewhere are another reading.
        let shifted = [ReadWitness.Range(offset: 201, count: 300)]
        #expect(!ReadWitness.confirms(MemoryRandomAccess(original), ranges: shifted, digest: digest))
        let overflowing = [ReadWitness.Range(offset: .max, count: 2)]
        #expect(!ReadWitness.confirms(MemoryRandomAccess(original), ranges: overflowing, digest: digest))
    }
}
