/// Measures what a photo shows from its grey picture: exposure over the picture and the subject, the subject
/// against the background (backlight) and, around a found face, how plain the background is.
public enum PictureMeasure {
    /// The facts of `image`; `faces` when faces were looked for.
    public static func measure(
        _ image: GreyImage, faces: FaceSearchOutcome?, settings: PictureSettings
    ) -> PictureFacts {
        var face: PixelRect?
        if case .searched(let search)? = faces { face = search.frontal.first ?? search.profiles.first }
        let subject = (face ?? centre(of: image)).clamped(to: image.bounds)
        let background = backgroundRegions(of: image, around: face)
        let whole = clipped(image, [image.bounds], settings: settings)
        let inSubject = clipped(image, [subject], settings: settings)
        var edges: Double?
        if face != nil { edges = edgeFraction(image, background, step: settings.edgeStep) }
        return PictureFacts(
            width: image.width, height: image.height, faces: faces, subject: subject, subjectIsFace: face != nil,
            subjectMean: mean(image, [subject]) ?? 0, backgroundMean: mean(image, background) ?? 0,
            shadowFraction: whole.shadows, highlightFraction: whole.highlights,
            subjectShadowFraction: inSubject.shadows, subjectHighlightFraction: inSubject.highlights,
            backgroundEdgeFraction: edges)
    }

    /// Mean luminance of the whole picture and its standard deviation (a blank picture has almost none).
    public static func levels(_ image: GreyImage) -> (mean: Double, spread: Double) {
        var sum = 0, squares = 0
        image.pixels.withUnsafeBufferPointer { pixels in
            for value in pixels {
                sum += Int(value)
                squares += Int(value) * Int(value)
            }
        }
        let count = Double(image.pixels.count)
        let mean = Double(sum) / count
        return (mean, max(0, Double(squares) / count - mean * mean).squareRoot())
    }

    /// Mean absolute difference in luminance between two pictures of the same size (nil when their sizes differ).
    public static func change(from first: GreyImage, to second: GreyImage) -> Double? {
        guard first.width == second.width, first.height == second.height else { return nil }
        var sum = 0
        first.pixels.withUnsafeBufferPointer { one in
            second.pixels.withUnsafeBufferPointer { two in
                for index in 0..<one.count { sum += abs(Int(one[index]) - Int(two[index])) }
            }
        }
        return Double(sum) / Double(first.pixels.count)
    }

    /// The middle third of the picture, both ways.
    static func centre(of image: GreyImage) -> PixelRect {
        PixelRect(x: image.width / 3, y: image.height / 3, width: image.width / 3, height: image.height / 3)
    }

    /// Around a face: the band above the hair and the bands beside the head down to the chin. With no face: a
    /// band along the top and bands down the sides of the upper two thirds (a person stands at the bottom).
    static func backgroundRegions(of image: GreyImage, around face: PixelRect?) -> [PixelRect] {
        let bounds = image.bounds
        guard let face else {
            let top = image.height / 6, side = image.width / 8
            return [
                PixelRect(x: 0, y: 0, width: image.width, height: top),
                PixelRect(x: 0, y: top, width: side, height: image.height * 2 / 3 - top),
                PixelRect(x: image.width - side, y: top, width: side, height: image.height * 2 / 3 - top),
            ].map { $0.clamped(to: bounds) }
        }
        // Hair reaches about half a face above the face box, ears and hair about a third of a face beside it.
        let hairTop = face.y - face.height / 2
        let left = face.x - face.width / 3, right = face.maxX + face.width / 3
        return [
            PixelRect(x: 0, y: 0, width: image.width, height: max(0, hairTop)),
            PixelRect(x: 0, y: max(0, hairTop), width: max(0, left), height: face.maxY - max(0, hairTop)),
            PixelRect(
                x: right, y: max(0, hairTop), width: max(0, image.width - right), height: face.maxY - max(0, hairTop)),
        ].map { $0.clamped(to: bounds) }.filter { $0.width > 0 && $0.height > 0 }
    }

    static func mean(_ image: GreyImage, _ regions: [PixelRect]) -> Double? {
        var sum = 0, count = 0
        image.pixels.withUnsafeBufferPointer { pixels in
            for region in regions {
                for row in region.y..<region.maxY {
                    let start = row * image.width
                    for column in region.x..<region.maxX { sum += Int(pixels[start + column]) }
                }
                count += region.width * region.height
            }
        }
        return count > 0 ? Double(sum) / Double(count) : nil
    }

    static func clipped(
        _ image: GreyImage, _ regions: [PixelRect], settings: PictureSettings
    ) -> (shadows: Double, highlights: Double) {
        var dark = 0, bright = 0, count = 0
        image.pixels.withUnsafeBufferPointer { pixels in
            for region in regions {
                for row in region.y..<region.maxY {
                    let start = row * image.width
                    for column in region.x..<region.maxX {
                        let value = Int(pixels[start + column])
                        if value <= settings.shadowLevel { dark += 1 }
                        if value >= settings.highlightLevel { bright += 1 }
                    }
                }
                count += region.width * region.height
            }
        }
        guard count > 0 else { return (0, 0) }
        return (Double(dark) / Double(count), Double(bright) / Double(count))
    }

    /// The fraction of 2 × 2 blocks in `regions` whose mean differs by more than `step` from the block to its right
    /// or below: texture and objects, not sensor noise (averaging four pixels halves it).
    static func edgeFraction(_ image: GreyImage, _ regions: [PixelRect], step: Int) -> Double? {
        var edges = 0, count = 0
        image.pixels.withUnsafeBufferPointer { pixels in
            func block(_ x: Int, _ y: Int) -> Int {
                let top = y * image.width + x, bottom = top + image.width
                return (Int(pixels[top]) + Int(pixels[top + 1]) + Int(pixels[bottom]) + Int(pixels[bottom + 1])) / 4
            }
            for region in regions {
                var y = region.y
                while y + 3 < region.maxY {
                    var x = region.x
                    while x + 3 < region.maxX {
                        let here = block(x, y)
                        if abs(block(x + 2, y) - here) > step || abs(block(x, y + 2) - here) > step { edges += 1 }
                        count += 1
                        x += 2
                    }
                    y += 2
                }
            }
        }
        // Too few blocks (a face filling the frame) say nothing about the background.
        return count >= 50 ? Double(edges) / Double(count) : nil
    }
}
