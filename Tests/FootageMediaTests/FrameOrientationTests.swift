import Testing

@testable import FootageMedia

/// Display matrices to upright pictures: every quarter turn and mirror image, checked pixel by pixel.
@Suite struct FrameOrientationTests {
    /// A 3×2 plane whose pixels are their own index: 0 1 2 / 3 4 5.
    static let plane: [UInt8] = [0, 1, 2, 3, 4, 5]

    static func turned(_ orientation: DisplayOrientation) -> (width: Int, height: Int, pixels: [UInt8]) {
        let size = orientation.outputSize(width: 3, height: 2)
        var out = [UInt8](repeating: 255, count: 6)
        plane.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { destination in
                orientation.apply(
                    source: source.baseAddress!, sourceStride: 3, width: 3, height: 2, bytesPerPixel: 1,
                    destination: destination.baseAddress!, destinationStride: size.width)
            }
        }
        return (size.width, size.height, out)
    }

    static func matrix(_ a: Int32, _ b: Int32, _ c: Int32, _ d: Int32) -> [Int32] {
        [a * 65536, b * 65536, 0, c * 65536, d * 65536, 0, 0, 0, 1 << 30]
    }

    @Test func theRotatedSampleMatrixTurnsCounterClockwise() throws {
        // handheld-rotated.mov: ffprobe says "rotation=90"; ffmpeg shows it with transpose=cclock.
        let orientation = try #require(DisplayOrientation(matrix: Self.matrix(0, -1, 1, 0)))
        #expect(orientation.degrees == 90)
        let out = Self.turned(orientation)
        #expect((out.width, out.height) == (2, 3))
        #expect(out.pixels == [2, 5, 1, 4, 0, 3])
    }

    @Test func halfTurnAndClockwiseTurn() throws {
        let half = Self.turned(try #require(DisplayOrientation(matrix: Self.matrix(-1, 0, 0, -1))))
        #expect(half.pixels == [5, 4, 3, 2, 1, 0])
        let clockwise = Self.turned(try #require(DisplayOrientation(matrix: Self.matrix(0, 1, -1, 0))))
        #expect((clockwise.width, clockwise.height) == (2, 3))
        #expect(clockwise.pixels == [3, 0, 4, 1, 5, 2])
    }

    @Test func mirrorImagesFromNegativeDeterminants() throws {
        let flipX = Self.turned(try #require(DisplayOrientation(matrix: Self.matrix(-1, 0, 0, 1))))
        #expect(flipX.pixels == [2, 1, 0, 5, 4, 3])
        let flipY = Self.turned(try #require(DisplayOrientation(matrix: Self.matrix(1, 0, 0, -1))))
        #expect(flipY.pixels == [3, 4, 5, 0, 1, 2])
        let transpose = Self.turned(try #require(DisplayOrientation(matrix: Self.matrix(0, 1, 1, 0))))
        #expect(transpose.pixels == [0, 3, 1, 4, 2, 5])
    }

    @Test func identityAndOddAnglesLeaveThePictureAlone() {
        #expect(Self.turned(.upright).pixels == Self.plane)
        // 45°: not a quarter turn, so not applied.
        #expect(DisplayOrientation(matrix: [46341, 46341, 0, -46341, 46341, 0, 0, 0, 1 << 30]) == nil)
    }
}
