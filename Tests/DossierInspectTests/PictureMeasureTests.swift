import DossierInspect
import Testing

/// The whole-picture levels the video checks add to what photos measure: a flat picture has no spread, and two
/// pictures' change is their mean absolute difference.
@Suite struct PictureMeasureTests {
    @Test func aFlatPictureHasNoSpread() throws {
        let flat = try #require(GreyImage(width: 4, height: 2, pixels: Array(repeating: 7, count: 8)))
        let levels = PictureMeasure.levels(flat)
        #expect(levels.mean == 7 && levels.spread == 0)
        let halves = try #require(GreyImage(width: 2, height: 1, pixels: [0, 200]))
        #expect(PictureMeasure.levels(halves) == (100, 100))
    }

    @Test func changeIsTheMeanAbsoluteDifference() throws {
        let one = try #require(GreyImage(width: 2, height: 1, pixels: [10, 20]))
        let two = try #require(GreyImage(width: 2, height: 1, pixels: [14, 10]))
        #expect(PictureMeasure.change(from: one, to: two) == 7)
        let other = try #require(GreyImage(width: 1, height: 2, pixels: [10, 20]))
        #expect(PictureMeasure.change(from: one, to: other) == nil)
    }
}
