import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A plain HTTP/1.1 client over a socket to 127.0.0.1, so that a test sends exactly the Host, Origin and cookies it
/// means to (and follows no redirect).
enum RawHTTP {
    struct Response {
        var status: Int
        var headers: [(String, String)]
        var body: String
        /// The body's bytes, as sent.
        var bytes: [UInt8] = []

        func header(_ name: String) -> String? {
            headers.first { $0.0.lowercased() == name.lowercased() }?.1
        }
    }

    struct Failure: Error { var what: String }

    /// Sends one request on a thread of its own: a blocking read on the test's task would hold a thread of the
    /// pool that the in-process server's handlers need.
    static func send(
        port: Int, method: String = "GET", target: String, host: String? = nil, headers: [String: String] = [:],
        body: String = "", contentType: String = "application/x-www-form-urlencoded", bytes: [UInt8]? = nil
    ) async throws -> Response {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(
                    with: Result {
                        try sendBlocking(
                            port: port, method: method, target: target, host: host, headers: headers, body: body,
                            contentType: contentType, bytes: bytes)
                    })
            }.start()
        }
    }

    static func sendBlocking(
        port: Int, method: String, target: String, host: String?, headers: [String: String], body: String,
        contentType: String = "application/x-www-form-urlencoded", bytes payload: [UInt8]? = nil
    ) throws -> Response {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(what: "socket") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw Failure(what: "connect") }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var text = "\(method) \(target) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        if method == "POST" {
            text += "Content-Type: \(contentType)\r\nContent-Length: \(payload?.count ?? body.utf8.count)\r\n"
        }
        text += "\r\n" + (payload == nil ? body : "")
        let bytes = Array(text.utf8) + (payload ?? [])
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { throw Failure(what: "send") }
            sent += count
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        // Until the peer closes, or the body is whole (chromedriver keeps the connection open).
        while !isWhole(received) {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            received += buffer[0..<count]
        }
        guard let end = received.firstRange(of: Array("\r\n\r\n".utf8)) else {
            throw Failure(what: "no response: \(String(decoding: received, as: UTF8.self))")
        }
        let lines = String(decoding: received[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        let headers = lines.dropFirst().compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var content = Array(received[end.upperBound...])
        if headers.contains(where: { $0.0.lowercased() == "transfer-encoding" && $0.1.lowercased() == "chunked" }) {
            content = dechunk(content)
        }
        return Response(
            status: status, headers: headers, body: String(decoding: content, as: UTF8.self), bytes: content)
    }

    /// Whether `bytes` hold a whole response: headers, and a body as long as Content-Length says, or a chunked
    /// body's last chunk.
    static func isWhole(_ bytes: [UInt8]) -> Bool {
        guard let end = bytes.firstRange(of: Array("\r\n\r\n".utf8)) else { return false }
        let head = String(decoding: bytes[..<end.lowerBound], as: UTF8.self).lowercased()
        if let match = head.firstMatch(of: #/content-length:\s*(\d+)/#), let length = Int(match.1) {
            return bytes.count - end.upperBound >= length
        }
        if head.contains("transfer-encoding: chunked") {
            return bytes[end.upperBound...].firstRange(of: Array("0\r\n\r\n".utf8)) != nil
        }
        return false
    }

    /// The body of a chunked response.
    static func dechunk(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var index = 0
        while let lineEnd = bytes[index...].firstRange(of: [13, 10]) {
            let size = Int(String(decoding: bytes[index..<lineEnd.lowerBound], as: UTF8.self), radix: 16) ?? 0
            guard size > 0, lineEnd.upperBound + size <= bytes.count else { break }
            result += bytes[lineEnd.upperBound..<lineEnd.upperBound + size]
            index = lineEnd.upperBound + size + 2
            guard index < bytes.count else { break }
        }
        return result
    }
}
