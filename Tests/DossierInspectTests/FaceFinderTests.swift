import DossierInspect
import DossierTestSupport
import Foundation
import Testing

/// OpenCV's cascades on photographs scikit-image ships (astronaut.png: a frontal portrait; camera.png: a man in
/// profile), as the samples hold them, and on hostile pictures.
@Suite struct FaceFinderTests {
    private func grey(_ sample: String) throws -> GreyImage {
        let bytes = try [UInt8](Data(contentsOf: Repository.samples.appendingPathComponent(sample)))
        return try #require(JPEGInspector.inspectWithGrey(bytes, grey: GreyRequest(minimumShortSide: 240)).grey)
    }

    @Test func aFrontalPortraitHasOneFaceWithLevelEyes() throws {
        let image = try grey("valid/湖北省科协/张三/张三1.jpg")
        #expect(min(image.width, image.height) >= 240)
        guard case .searched(let search) = FaceFinder.search(image, settings: FaceSettings()) else {
            Issue.record("the cascades of opencv-data are not installed")
            return
        }
        #expect(search.frontal.count == 1)
        #expect(search.cascades.contains("haarcascade_frontalface_alt2.xml"))
        #expect(abs(try #require(search.eyeTilt)) < 10)
    }

    @Test func aProfileIsFoundOnlyAsAProfile() throws {
        let image = try grey("picture-problems/浙江省科协/钱二/钱二1.jpg")
        guard case .searched(let search) = FaceFinder.search(image, settings: FaceSettings()) else {
            Issue.record("the cascades of opencv-data are not installed")
            return
        }
        #expect(search.frontal.isEmpty)
        #expect(!search.profiles.isEmpty)
    }

    @Test func aMissingCascadeIsSaid() throws {
        let image = try #require(GreyImage(width: 4, height: 4, pixels: [UInt8](repeating: 128, count: 16)))
        let outcome = FaceFinder.search(
            image, settings: FaceSettings(cascadeFolders: ["/nonexistent"], frontal: "missing.xml"))
        guard case .unavailable(let missing) = outcome else {
            Issue.record("expected the missing cascade to be named")
            return
        }
        #expect(missing.contains("missing.xml"))
    }

    @Test func tinyAndFlatPicturesGiveNoFaceAndNoTrap() throws {
        for (width, height) in [(1, 1), (3, 200), (200, 3)] {
            let image = try #require(
                GreyImage(width: width, height: height, pixels: [UInt8](repeating: 255, count: width * height)))
            let outcome = FaceFinder.search(image, settings: FaceSettings())
            if case .searched(let search) = outcome { #expect(search.frontal.isEmpty) }
            let facts = PictureMeasure.measure(image, faces: outcome, settings: PictureSettings())
            #expect(facts.highlightFraction == 1)
        }
    }

    @Test func theGreyPictureIsTurnedUpright() throws {
        // Orientation 6 (a phone held upright): stored 2400 × 1800, shown 1800 × 2400.
        let image = try grey("valid/湖北省科协/张三/张三3.jpg")
        #expect(image.height > image.width)
    }

    @Test func onlyAPictureThatDecodesGivesItsGrey() throws {
        func inspect(_ name: String) throws -> (JPEGInspection, GreyImage?) {
            let bytes = try [UInt8](Data(contentsOf: Repository.fixtures.appendingPathComponent(name)))
            let result = JPEGInspector.inspectWithGrey(bytes, grey: GreyRequest(minimumShortSide: 240))
            return (result.inspection, result.grey)
        }
        let whole = try inspect("whole.jpg")
        #expect(whole.0.facts?.decodes == true)
        let grey = try #require(whole.1)
        #expect(grey.pixels.count == grey.width * grey.height)
        // A header claiming 65,500 × 65,500 pixels, a truncated file: no picture, no trap.
        #expect(try inspect("huge-header.jpg").1 == nil)
        #expect(try inspect("truncated.jpg").1 == nil)
        #expect(GreyImage(width: 2, height: 2, pixels: [1, 2, 3]) == nil)
    }
}
