import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One HTTP/1.1 POST over a plain TCP connection, bounded in time and size: all `seal --tsa` needs.
///
/// Not URLSession: on Linux it brings FoundationNetworking and libcurl into every footage process (and a static
/// release build would need libcurl's development files), for one request made by one command. Connecting, sending
/// and reading share one deadline; the answer is read up to `limit` bytes of body. See RFC 9112 for the message
/// syntax read here: a status line, header fields, then a body delimited by Content-Length, chunked transfer coding
/// or the end of the connection.
enum PlainHTTP {
    struct Answer {
        var status: Int
        var body: [UInt8]
    }

    static func post(
        _ url: URL, body: [UInt8], headers: [String: String], timeout: TimeInterval, limit: Int
    ) throws(TimestampError) -> Answer {
        guard url.scheme?.lowercased() == "http", let host = url.host, !host.isEmpty else {
            throw TimestampError("is not an http:// address")
        }
        let deadline = Date().addingTimeInterval(timeout)
        let port = url.port ?? 80
        let socket = try connect(host: host, port: port, deadline: deadline, timeout: timeout)
        defer { close(socket) }
        var target = url.path.isEmpty ? "/" : url.path
        if let query = url.query { target += "?" + query }
        let hostField = url.port.map { "\(host):\($0)" } ?? host
        var head = "POST \(target) HTTP/1.1\r\nHost: \(hostField)\r\nUser-Agent: footage\r\nConnection: close\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(body.count)\r\n\r\n"
        try send(Array(head.utf8) + body, on: socket, deadline: deadline, timeout: timeout)
        // Header fields are bounded too: 64 KiB is far beyond any real answer's.
        let raw = try receive(on: socket, limit: limit + 65536, deadline: deadline, timeout: timeout)
        return try whole(raw, limit: limit)
    }

    private static func connect(host: String, port: Int, deadline: Date, timeout: TimeInterval)
        throws(TimestampError) -> Int32
    {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let resolved = getaddrinfo(host, String(port), &hints, &list)
        guard resolved == 0, let list else {
            throw TimestampError("cannot be reached (\(host): \(String(cString: gai_strerror(resolved))))")
        }
        defer { freeaddrinfo(list) }
        var failure = "no address"
        var entry: UnsafeMutablePointer<addrinfo>? = list
        while let info = entry {
            entry = info.pointee.ai_next
            let socket = Glibc.socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            guard socket >= 0 else { continue }
            _ = fcntl(socket, F_SETFL, fcntl(socket, F_GETFL) | O_NONBLOCK)
            if Glibc.connect(socket, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 { return socket }
            guard errno == EINPROGRESS else {
                failure = String(cString: strerror(errno))
                close(socket)
                continue
            }
            guard try wait(socket, for: Int16(POLLOUT), deadline: deadline, timeout: timeout) else {
                close(socket)
                throw TimestampError("did not answer within \(TimestampAuthority.seconds(timeout))")
            }
            var code: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(socket, SOL_SOCKET, SO_ERROR, &code, &length)
            if code == 0 { return socket }
            failure = String(cString: strerror(code))
            close(socket)
        }
        throw TimestampError("cannot be reached (\(failure))")
    }

    /// Waits until `socket` is ready for `events`; false when the deadline passed first.
    private static func wait(
        _ socket: Int32, for events: Int16, deadline: Date, timeout: TimeInterval
    ) throws(TimestampError) -> Bool {
        while true {
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { return false }
            var descriptor = pollfd(fd: socket, events: events, revents: 0)
            let ready = poll(&descriptor, 1, Int32(min(left * 1000, 60_000).rounded(.up)))
            if ready > 0 { return true }
            if ready < 0 && errno != EINTR {
                throw TimestampError("connection failed (\(String(cString: strerror(errno))))")
            }
        }
    }

    private static func send(_ bytes: [UInt8], on socket: Int32, deadline: Date, timeout: TimeInterval)
        throws(TimestampError)
    {
        var sent = 0
        while sent < bytes.count {
            guard try wait(socket, for: Int16(POLLOUT), deadline: deadline, timeout: timeout) else {
                throw TimestampError("did not answer within \(TimestampAuthority.seconds(timeout))")
            }
            let count = bytes[sent...].withUnsafeBytes {
                Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if count < 0 {
                if errno == EAGAIN || errno == EINTR { continue }
                throw TimestampError("connection failed while sending (\(String(cString: strerror(errno))))")
            }
            sent += count
        }
    }

    private static func receive(on socket: Int32, limit: Int, deadline: Date, timeout: TimeInterval)
        throws(TimestampError) -> [UInt8]
    {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            guard try wait(socket, for: Int16(POLLIN), deadline: deadline, timeout: timeout) else {
                throw TimestampError("did not answer within \(TimestampAuthority.seconds(timeout))")
            }
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count == 0 { return received }
            if count < 0 {
                if errno == EAGAIN || errno == EINTR { continue }
                throw TimestampError("connection failed while reading (\(String(cString: strerror(errno))))")
            }
            received += buffer[..<count]
            if received.count > limit {
                throw TimestampError("answered more than \(limit - 65536) bytes, more than any token needs")
            }
            // Once the header and a Content-Length body are complete, the answer is whole even if the connection
            // stays open.
            if let answer = try? read(received, limit: Int.max), answer.complete { return received }
        }
    }

    /// Reads status, header fields and body; `complete` is false while a delimited body is still short.
    private static func whole(_ raw: [UInt8], limit: Int) throws(TimestampError) -> Answer {
        let parsed = try read(raw, limit: limit)
        guard parsed.complete else { throw TimestampError("closed the connection in the middle of its answer") }
        return parsed.answer
    }

    private static func read(_ raw: [UInt8], limit: Int) throws(TimestampError) -> (answer: Answer, complete: Bool) {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = raw.firstRange(of: separator) else {
            throw TimestampError("answered something that is not HTTP (\(raw.count) bytes)")
        }
        let head = String(decoding: raw[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ", maxSplits: 2)
        guard statusParts.count >= 2, statusParts[0].hasPrefix("HTTP/1."), let status = Int(statusParts[1]) else {
            throw TimestampError("answered something that is not HTTP")
        }
        var fields: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let rest = Array(raw[end.upperBound...])
        if fields["transfer-encoding"]?.lowercased().contains("chunked") == true {
            return try dechunk(rest, status: status, limit: limit)
        }
        if let text = fields["content-length"] {
            guard let length = Int(text), length >= 0 else {
                throw TimestampError("answered a malformed Content-Length (\(TimestampAuthority.printable(text)))")
            }
            guard length <= limit else {
                throw TimestampError("announced an answer of \(length) bytes, more than any token needs")
            }
            return (Answer(status: status, body: Array(rest.prefix(length))), rest.count >= length)
        }
        return (Answer(status: status, body: rest), false)
    }

    private static func dechunk(_ bytes: [UInt8], status: Int, limit: Int) throws(TimestampError) -> (
        answer: Answer, complete: Bool
    ) {
        var body: [UInt8] = []
        var index = 0
        let lineEnd: [UInt8] = [13, 10]
        while let range = bytes[index...].firstRange(of: lineEnd) {
            let sizeText =
                String(decoding: bytes[index..<range.lowerBound], as: UTF8.self)
                .split(separator: ";").first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
            guard let size = Int(sizeText, radix: 16), size >= 0, size <= limit else {
                throw TimestampError("answered a malformed chunked body")
            }
            if size == 0 { return (Answer(status: status, body: body), true) }
            let start = range.upperBound
            guard start + size + 2 <= bytes.count else { break }
            body += bytes[start..<start + size]
            guard body.count <= limit else { throw TimestampError("answered more than \(limit) bytes") }
            index = start + size + 2
        }
        return (Answer(status: status, body: body), false)
    }
}
