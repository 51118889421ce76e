import Testing

@testable import FootageMedia

@Suite struct BorderDetectorTests {
    /// A frame of textured content (a diagonal ramp with a checker) at `content`, surrounded by `border`.
    private func frame(
        width: Int, height: Int, rowStride: Int? = nil, content: (x: Int, y: Int, width: Int, height: Int),
        border: UInt8 = 16, brightness: ClosedRange<Int> = 30...220
    ) -> [UInt8] {
        let stride = rowStride ?? width
        var pixels = [UInt8](repeating: 77, count: stride * height)
        let span = brightness.upperBound - brightness.lowerBound
        for y in 0..<height {
            for x in 0..<width {
                let inside =
                    (content.x..<content.x + content.width).contains(x)
                    && (content.y..<content.y + content.height).contains(y)
                let textured =
                    brightness.lowerBound + ((x * 7 + y * 3) % 97) * span / 97
                    + ((x / 8 + y / 8) % 2 == 0 ? 0 : -span / 4)
                pixels[y * stride + x] = inside ? UInt8(clamping: textured) : border
            }
        }
        return pixels
    }

    private func contentRect(_ pixels: [UInt8], width: Int, height: Int, rowStride: Int? = nil)
        -> (x: Int, y: Int, width: Int, height: Int)
    {
        pixels.withUnsafeBufferPointer {
            BorderDetector.contentRect(luma: $0, width: width, height: height, rowStride: rowStride ?? width)
        }
    }

    @Test func letterboxBarsAreCropped() {
        let pixels = frame(width: 320, height: 180, content: (0, 23, 320, 134), border: 0)
        #expect(contentRect(pixels, width: 320, height: 180) == (0, 23, 320, 134))
    }

    @Test func pillarboxBarsOfAnyFlatColourAreCroppedWithAPaddedStride() {
        let pixels = frame(width: 320, height: 180, rowStride: 336, content: (40, 0, 240, 180), border: 200)
        #expect(contentRect(pixels, width: 320, height: 180, rowStride: 336) == (40, 0, 240, 180))
    }

    @Test func windowboxBarsAreCroppedOnEverySide() {
        let pixels = frame(width: 320, height: 240, content: (30, 20, 260, 200))
        #expect(contentRect(pixels, width: 320, height: 240) == (30, 20, 260, 200))
    }

    @Test func aFrameWithoutBarsIsKeptWhole() {
        let pixels = frame(width: 320, height: 180, content: (0, 0, 320, 180))
        #expect(contentRect(pixels, width: 320, height: 180) == (0, 0, 320, 180))
    }

    @Test func barsThinnerThanTwoPercentAreLeftAlone() {
        let pixels = frame(width: 320, height: 180, content: (0, 2, 320, 176), border: 0)
        #expect(contentRect(pixels, width: 320, height: 180) == (0, 0, 320, 180))
    }

    @Test func aDarkButTexturedSceneIsNotCropped() {
        let pixels = frame(width: 320, height: 180, content: (0, 0, 320, 180), brightness: 0...45)
        #expect(contentRect(pixels, width: 320, height: 180) == (0, 0, 320, 180))
    }

    @Test func aFrameFlatEverywhereIsReturnedWhole() {
        for level: UInt8 in [0, 16, 128, 255] {
            let pixels = [UInt8](repeating: level, count: 320 * 180)
            #expect(contentRect(pixels, width: 320, height: 180) == (0, 0, 320, 180))
        }
    }

    @Test func aFlatBandWiderThanAThirdIsContentNotABar() {
        // A night sky over the top 40 % of the frame.
        let pixels = frame(width: 320, height: 180, content: (0, 72, 320, 108), border: 5)
        #expect(contentRect(pixels, width: 320, height: 180) == (0, 0, 320, 180))
    }

    @Test func degenerateInputIsReturnedWhole() {
        let pixels = [UInt8](repeating: 0, count: 4)
        #expect(contentRect(pixels, width: 2, height: 2) == (0, 0, 2, 2))
        #expect(contentRect(pixels, width: 0, height: 0) == (0, 0, 0, 0))
        // A stride the buffer cannot hold is refused rather than read past.
        #expect(contentRect(pixels, width: 2, height: 3) == (0, 0, 2, 3))
    }
}
