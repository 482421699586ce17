#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The C library calls whose names, types or flags differ between Linux (Glibc) and macOS
/// (Darwin), in one place; the rest of the package calls POSIX through these or through names
/// both share. Only the Glibc branch is built and tested (on Linux); the Darwin branch follows
/// Darwin's headers but has not been compiled here (README, "Platforms").
public enum Platform {
    /// `SOCK_STREAM` as the `Int32` that `socket` and `addrinfo` take (an enum in Glibc).
    public static var streamSocket: Int32 {
        #if canImport(Glibc)
        Int32(SOCK_STREAM.rawValue)
        #else
        SOCK_STREAM
        #endif
    }

    /// Connects a socket (the module-qualified name differs, and a bare `connect` would be
    /// shadowed by a method of the same name).
    public static func connect(_ fd: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 {
        #if canImport(Glibc)
        Glibc.connect(fd, address, length)
        #else
        Darwin.connect(fd, address, length)
        #endif
    }

    /// Sends without raising SIGPIPE when the peer has closed: MSG_NOSIGNAL on Linux; Darwin has
    /// no such flag, so the socket gets SO_NOSIGPIPE before the first send.
    public static func send(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.send(fd, bytes, count, Int32(MSG_NOSIGNAL))
        #else
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        return Darwin.send(fd, bytes, count, 0)
        #endif
    }

    /// A file's modification time in whole seconds since 1970 (`st_mtim` in Glibc,
    /// `st_mtimespec` in Darwin).
    public static func modificationSeconds(_ st: stat) -> Int {
        #if canImport(Glibc)
        Int(st.st_mtim.tv_sec)
        #else
        Int(st.st_mtimespec.tv_sec)
        #endif
    }
}
