import CFFmpeg

extension DisplayOrientation {
    /// Writes `source` (RGB24, GRAY8 or an 8-bit planar YUV format) turned upright into `destination`.
    func apply(_ source: FrameBuffer, into destination: FrameBuffer) throws {
        let format = source.format
        let size = outputSize(width: source.width, height: source.height)
        try destination.allocate(format: format, width: size.width, height: size.height)
        guard let descriptor = av_pix_fmt_desc_get(format) else { return }
        let packed = format == AV_PIX_FMT_RGB24 || format == AV_PIX_FMT_BGR24
        let planes = packed ? 1 : Int(av_pix_fmt_count_planes(format))
        for plane in 0..<planes {
            let isChroma = plane == 1 || plane == 2
            let shiftX = isChroma ? Int(descriptor.pointee.log2_chroma_w) : 0
            let shiftY = isChroma ? Int(descriptor.pointee.log2_chroma_h) : 0
            // Quarter turns of subsampled chroma keep 4:2:0 and 4:4:4 valid; the callers use only those.
            let width = -((-source.width) >> shiftX)
            let height = -((-source.height) >> shiftY)
            let from = source.plane(plane)
            let to = destination.plane(plane)
            apply(source: from.data, sourceStride: from.stride, width: width, height: height,
                  bytesPerPixel: packed ? 3 : 1, destination: to.data, destinationStride: to.stride)
        }
    }
}
