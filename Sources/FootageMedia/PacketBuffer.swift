import CFFmpeg

/// Owns one `AVPacket`, reused for every packet read or encoded.
final class PacketBuffer {
    private(set) var pointer: UnsafeMutablePointer<AVPacket>

    init() {
        guard let packet = av_packet_alloc() else { fatalError("out of memory allocating an AVPacket") }
        pointer = packet
    }

    deinit {
        var packet: UnsafeMutablePointer<AVPacket>? = pointer
        av_packet_free(&packet)
    }

    func unref() { av_packet_unref(pointer) }
}
