import CFFmpeg

/// Owns one `AVFrame`: a decoded picture, or pixels we allocated to scale, rotate or encode.
///
/// Reused from frame to frame so that a long clip does not allocate per frame: `allocate` keeps the
/// existing buffers when format and size are unchanged.
final class FrameBuffer {
    private(set) var pointer: UnsafeMutablePointer<AVFrame>

    init() {
        guard let frame = av_frame_alloc() else { fatalError("out of memory allocating an AVFrame") }
        pointer = frame
    }

    deinit {
        var frame: UnsafeMutablePointer<AVFrame>? = pointer
        av_frame_free(&frame)
    }

    var width: Int { Int(pointer.pointee.width) }
    var height: Int { Int(pointer.pointee.height) }
    var format: AVPixelFormat { AVPixelFormat(rawValue: pointer.pointee.format) }

    /// Gives the frame writable buffers for `format` at `width`×`height`, reusing the current ones when they
    /// fit and nobody else references them.
    func allocate(format: AVPixelFormat, width: Int, height: Int) throws {
        let frame = pointer
        if frame.pointee.format == format.rawValue, Int(frame.pointee.width) == width,
            Int(frame.pointee.height) == height, frame.pointee.buf.0 != nil, av_frame_is_writable(frame) != 0
        {
            return
        }
        av_frame_unref(frame)
        frame.pointee.format = format.rawValue
        frame.pointee.width = Int32(width)
        frame.pointee.height = Int32(height)
        let code = av_frame_get_buffer(frame, 0)
        if code < 0 {
            throw MediaError(.io, path: "", reason: "out of memory for a \(width)×\(height) picture", ffmpegCode: code)
        }
    }

    func unref() { av_frame_unref(pointer) }

    /// Takes over `other`'s picture (no copy: its buffers are reference-counted), leaving `other` empty.
    func take(from other: FrameBuffer) {
        av_frame_unref(pointer)
        av_frame_move_ref(pointer, other.pointer)
    }

    /// Plane `plane`'s first byte and its row stride.
    func plane(_ plane: Int) -> (data: UnsafeMutablePointer<UInt8>, stride: Int) {
        let frame = pointer.pointee
        let data: UnsafeMutablePointer<UInt8>?
        let stride: Int32
        switch plane {
        case 0: (data, stride) = (frame.data.0, frame.linesize.0)
        case 1: (data, stride) = (frame.data.1, frame.linesize.1)
        case 2: (data, stride) = (frame.data.2, frame.linesize.2)
        default: (data, stride) = (frame.data.3, frame.linesize.3)
        }
        return (data!, Int(stride))
    }
}
