import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A TCP socket listening on 127.0.0.1 with a background thread that accepts and counts connections, to
/// prove that probing a hostile file contacted no server.
public final class LocalListener: Sendable {
    public let port: UInt16
    private let socketDescriptor: Int32
    private struct State {
        var accepted = 0
        var stopping = false
    }
    private let state = Mutex(State())
    private let finished = DispatchSemaphore(value: 0)

    public init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && listen(fd, 16) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else {
            close(fd)
            throw POSIXError(.EADDRNOTAVAIL)
        }
        socketDescriptor = fd
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// Connections accepted so far.
    public var connections: Int { state.withLock { $0.accepted } }

    /// Stops the accept thread, drains connections still queued, and returns the total.
    public func stop() -> Int {
        state.withLock { $0.stopping = true }
        finished.wait()
        close(socketDescriptor)
        return connections
    }

    private func acceptLoop() {
        defer { finished.signal() }
        while true {
            var poller = pollfd(fd: socketDescriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 20)
            if ready > 0 {
                let client = accept(socketDescriptor, nil, nil)
                if client >= 0 {
                    close(client)
                    state.withLock { $0.accepted += 1 }
                    continue
                }
            }
            if state.withLock({ $0.stopping }) && ready <= 0 { return }
        }
    }
}
