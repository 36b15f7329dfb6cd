/// An 8-bit luminance picture, upright (EXIF orientation applied), as decoded at reduced scale for looking at what a
/// photo shows.
public struct GreyImage: Sendable, Equatable {
    public var width: Int
    public var height: Int
    /// Row after row, `width` bytes each.
    public var pixels: [UInt8]

    /// An image of `width` × `height` pixels; nil when `pixels` does not hold exactly that many.
    public init?(width: Int, height: Int, pixels: [UInt8]) {
        guard width > 0, height > 0, width.multipliedReportingOverflow(by: height) == (pixels.count, false) else {
            return nil
        }
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The image mirrored left to right (a profile detector trained on one side finds the other side so).
    public var mirrored: GreyImage {
        var flipped = pixels
        for row in 0..<height {
            let start = row * width
            for column in 0..<width { flipped[start + column] = pixels[start + width - 1 - column] }
        }
        return GreyImage(unchecked: width, height, flipped)
    }

    private init(unchecked width: Int, _ height: Int, _ pixels: [UInt8]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The whole picture as a rectangle.
    public var bounds: PixelRect { PixelRect(x: 0, y: 0, width: width, height: height) }
}

/// What the reduced-scale decode should also give: the luminance, at a scale that keeps the shorter side at least
/// `minimumShortSide` pixels where the photo has them.
public struct GreyRequest: Sendable, Equatable {
    public var minimumShortSide: Int
    public init(minimumShortSide: Int) { self.minimumShortSide = minimumShortSide }
}

/// A rectangle of pixels: `x`, `y` of its top-left corner, its size.
public struct PixelRect: Sendable, Equatable, Codable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var centreX: Double { Double(x) + Double(width) / 2 }
    public var centreY: Double { Double(y) + Double(height) / 2 }

    /// Whether the point (`pointX`, `pointY`) lies inside.
    public func contains(_ pointX: Double, _ pointY: Double) -> Bool {
        pointX >= Double(x) && pointX < Double(maxX) && pointY >= Double(y) && pointY < Double(maxY)
    }

    /// The part of this rectangle inside `bounds` (empty when none).
    public func clamped(to bounds: PixelRect) -> PixelRect {
        let left = max(x, bounds.x), top = max(y, bounds.y)
        let right = min(maxX, bounds.maxX), bottom = min(maxY, bounds.maxY)
        return PixelRect(x: left, y: top, width: max(0, right - left), height: max(0, bottom - top))
    }

    /// The same rectangle seen in the image mirrored left to right (of width `imageWidth`).
    public func mirrored(inWidth imageWidth: Int) -> PixelRect {
        PixelRect(x: imageWidth - maxX, y: y, width: width, height: height)
    }
}
