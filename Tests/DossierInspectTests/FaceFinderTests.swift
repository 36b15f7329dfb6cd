import DossierTestSupport
import Foundation
import Testing

@testable import DossierInspect

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

    /// An ID photo's face is half the picture's width: the coarse search (a third of the cost) finds it, and a face
    /// counting beside it would be large enough to be seen there too, so its faces are kept. In a group photo
    /// (faces a quarter of the width) a companion could be too small for the coarse search: the finer one decides.
    @Test func theCoarseSearchDecidesOnlyWhenNothingCountingCouldBeMissed() throws {
        let settings = FaceSettings()
        guard case .success(let cascade) = HaarCascade.named(settings.frontal, in: settings.cascadeFolders) else {
            Issue.record("the cascades of opencv-data are not installed")
            return
        }
        func faces(_ image: GreyImage, shrunkTo side: Int) throws -> [PixelRect] {
            let minimum = max(20, Int(Double(min(image.width, image.height)) * settings.minimumFaceFraction))
            return try #require(
                cascade.detect(
                    in: image, scaleFactor: settings.scaleFactor, minimumNeighbours: settings.minimumNeighbours,
                    minimumSize: minimum, workShortSide: side))
        }
        func search(_ image: GreyImage) throws -> [PixelRect] {
            let minimum = max(20, Int(Double(min(image.width, image.height)) * settings.minimumFaceFraction))
            return try #require(
                FaceFinder.frontalFaces(in: image, cascade: cascade, minimumFace: minimum, settings: settings))
        }
        let portrait = try grey("valid/湖北省科协/张三/张三1.jpg")
        let coarse = try faces(portrait, shrunkTo: settings.quickShortSide)
        #expect(coarse.count == 1)
        #expect(try search(portrait) == coarse)
        // The finer search agrees on the face, within a tenth of its width.
        let fine = try #require(try faces(portrait, shrunkTo: settings.detectionShortSide).first)
        #expect(abs(fine.centreX - coarse[0].centreX) < Double(fine.width) / 10)

        let group = try grey("picture-problems/浙江省科协/赵一/赵一1.jpg")
        let groupFaces = try search(group)
        #expect(groupFaces == (try faces(group, shrunkTo: settings.detectionShortSide)))
        #expect(groupFaces.count == 2)
        // Without the coarse search, the same faces.
        var thorough = settings
        thorough.quickShortSide = 0
        let minimum = max(20, Int(Double(min(portrait.width, portrait.height)) * settings.minimumFaceFraction))
        #expect(
            FaceFinder.frontalFaces(in: portrait, cascade: cascade, minimumFace: minimum, settings: thorough)
                == (try faces(portrait, shrunkTo: settings.detectionShortSide)))
    }

    /// Eyes looked for in the face shrunk to 100 pixels wide give the tilt the face at full size gives, within a
    /// degree and a half (one pixel of the shrunk face is about a degree).
    @Test func eyesInTheShrunkFaceGiveTheSameTilt() throws {
        var settings = FaceSettings()
        let portrait = try grey("valid/湖北省科协/张三/张三1.jpg")
        guard case .searched(let shrunk) = FaceFinder.search(portrait, settings: settings) else {
            Issue.record("the cascades of opencv-data are not installed")
            return
        }
        let face = try #require(shrunk.frontal.first)
        #expect(face.width > settings.eyeSearchFaceWidth)
        settings.eyeSearchFaceWidth = 0
        guard case .searched(let whole) = FaceFinder.search(portrait, settings: settings) else {
            Issue.record("the cascades of opencv-data are not installed")
            return
        }
        let shrunkTilt = try #require(shrunk.eyeTilt), wholeTilt = try #require(whole.eyeTilt)
        #expect(abs(shrunkTilt - wholeTilt) <= 1.5)
        #expect(shrunk.cascades == ["haarcascade_frontalface_alt2.xml", "haarcascade_eye.xml"])
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
