import CFFmpeg

/// Owns an `AVIOContext` that feeds libavformat from our own file descriptor, never from a URL: FFmpeg's
/// protocols (file, http, …) are not involved in reading the file itself.
///
/// See https://ffmpeg.org/doxygen/5.1/avio_8h.html (`avio_alloc_context`, `AVSEEK_SIZE`).
final class FileIOContext {
    let file: MediaFile
    private let inputGuard: InputGuard
    private(set) var context: UnsafeMutablePointer<AVIOContext>!
    private var position: Int64 = 0

    init(file: MediaFile, inputGuard: InputGuard, bufferSize: Int32 = 64 * 1024) throws {
        self.file = file
        self.inputGuard = inputGuard
        guard let buffer = av_malloc(Int(bufferSize)) else {
            throw MediaError(.io, path: file.path, reason: "out of memory")
        }
        let opaque = Unmanaged.passUnretained(self).toOpaque()
        guard
            let context = avio_alloc_context(
                buffer.assumingMemoryBound(to: UInt8.self), bufferSize, 0, opaque, Self.readPacket, nil, Self.seek
            )
        else {
            av_free(buffer)
            throw MediaError(.io, path: file.path, reason: "out of memory")
        }
        self.context = context
    }

    deinit {
        // FFmpeg may have replaced the buffer it was given; free whichever it holds now.
        if context != nil {
            av_freep(&context.pointee.buffer)
            avio_context_free(&context)
        }
    }

    private static func from(_ opaque: UnsafeMutableRawPointer?) -> FileIOContext {
        Unmanaged<FileIOContext>.fromOpaque(opaque!).takeUnretainedValue()
    }

    private static let readPacket:
        @convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<UInt8>?, Int32)
            -> Int32 = { opaque, buffer, size in
                let io = FileIOContext.from(opaque)
                guard let buffer, size > 0 else { return cffmpeg_averror(EINVAL) }
                if io.inputGuard.checkDeadline() { return cffmpeg_averror_exit() }
                do {
                    let count = try io.file.read(into: buffer, count: Int(size), at: io.position)
                    if count == 0 { return cffmpeg_averror_eof() }
                    io.position += Int64(count)
                    return Int32(count)
                } catch let error as MediaError {
                    io.inputGuard.readErrno = error.errno
                    return cffmpeg_averror(error.errno ?? EIO)
                } catch {
                    return cffmpeg_averror(EIO)
                }
            }

    private static let seek: @convention(c) (UnsafeMutableRawPointer?, Int64, Int32) -> Int64 = {
        opaque, offset, whence in
        let io = FileIOContext.from(opaque)
        if whence & AVSEEK_SIZE != 0 { return io.file.size }
        let target: Int64
        switch whence & ~AVSEEK_FORCE {
        case SEEK_SET: target = offset
        case SEEK_CUR: target = io.position &+ offset
        case SEEK_END: target = io.file.size &+ offset
        default: return Int64(cffmpeg_averror(EINVAL))
        }
        guard target >= 0 else { return Int64(cffmpeg_averror(EINVAL)) }
        io.position = target
        return target
    }
}
