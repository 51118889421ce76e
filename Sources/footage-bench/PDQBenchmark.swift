import FootageMedia

/// A measurement entry point for `Benchmarks/`: how fast one hasher on one thread hashes frames of a size.
///
/// Timings belong in benchmarks that run side by side with the reference tools, never in unit tests.
enum PDQBenchmark {
    /// Hashes a synthetic RGB frame `iterations` times (after one warm-up) and returns hashes per second.
    static func hashesPerSecond(width: Int, height: Int, iterations: Int) -> Double {
        precondition(width > 0 && height > 0 && iterations > 0, "nothing to measure")
        let pixels = syntheticRGB(width: width, height: height)
        var hasher = PDQHasher()
        var checksum = 0
        let elapsed = pixels.withUnsafeBufferPointer { buffer in
            checksum &+= hasher.hash(rgb24: buffer, width: width, height: height, rowStride: width * 3).quality
            return ContinuousClock().measure {
                for _ in 0..<iterations {
                    checksum &+=
                        hasher.hash(rgb24: buffer, width: width, height: height, rowStride: width * 3)
                        .quality
                }
            }
        }
        precondition(checksum >= 0)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return Double(iterations) / seconds
    }

    /// Smooth gradients with a few edges: enough structure for every stage to do its real work.
    static func syntheticRGB(width: Int, height: Int) -> [UInt8] {
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        for row in 0..<height {
            for column in 0..<width {
                let offset = (row * width + column) * 3
                pixels[offset] = UInt8(truncatingIfNeeded: column * 255 / max(width - 1, 1))
                pixels[offset + 1] = UInt8(truncatingIfNeeded: row * 255 / max(height - 1, 1))
                pixels[offset + 2] = (row / 37 + column / 53) % 2 == 0 ? 40 : 220
            }
        }
        return pixels
    }
}
