#ifndef FOOTAGE_CPROCESS_H
#define FOOTAGE_CPROCESS_H

#include <sys/types.h>

// What the media workers and their fork server need from the C library and Swift cannot call: `fork` (unavailable
// in Swift), `prctl` (variadic), `pipe2` (not in Swift's Glibc module) and the CMSG macros of descriptor passing
// (the fork server receives each worker's pipes so; each worker, the file of each task). See
// Sources/FootageWorkers/ForkServer.swift and MessageFrames.swift for the protocols these serve.

/// Makes this process the reaper of its orphaned descendants (PR_SET_CHILD_SUBREAPER): a worker forked by the fork
/// server's short-lived intermediate child becomes this process's child, to be waited for and killed as if it had
/// been spawned directly. Returns 0, or -1 with errno.
int cprocess_become_subreaper(void);

/// `pipe2(fds, O_CLOEXEC)`: both ends close-on-exec from the start, so no process started meanwhile by another
/// thread inherits them. Returns 0, or -1 with errno.
int cprocess_pipe_cloexec(int fds[2]);

/// Sends up to `length` bytes (at least 1) over a Unix socket with `count` descriptors attached to them (SCM_RIGHTS;
/// none when 0), without SIGPIPE. Returns the number of bytes sent (a stream socket may take fewer than `length`:
/// send the rest without descriptors), or -1 with errno.
ssize_t cprocess_send_with_descriptors(int socket, const void *bytes, size_t length, const int *fds, int count);

/// Receives up to `length` bytes from a Unix socket, and into `fds` (room for `capacity`) the descriptors that came
/// with them, close-on-exec; `*received` is set to their number (any beyond `capacity` are closed). On a stream
/// socket, descriptors come with the first bytes of the message they were sent with. Returns the number of bytes
/// received, 0 at the end of the stream, or -1 with errno.
ssize_t cprocess_receive_with_descriptors(int socket, void *bytes, size_t length, int *fds, int capacity,
                                          int *received);

/// Sends one byte with `count` descriptors attached (SCM_RIGHTS) over a Unix socket. Returns 0, or -1 with errno.
int cprocess_send_descriptors(int socket, const int *fds, int count);

/// Receives one message sent by `cprocess_send_descriptors` into `fds` (room for `count`). Returns the number of
/// descriptors received (any beyond `count` are closed), 0 at the end of the stream, or -1 with errno.
int cprocess_receive_descriptors(int socket, int *fds, int count);

/// Starts a worker as a grandchild that is no child of the caller: forks an intermediate child, which forks the
/// worker and exits at once. The worker is reparented to the nearest subreaper (the footage process, see
/// `cprocess_become_subreaper`), and this returns in it only once that has happened. Returns 0 in the worker; in
/// the caller 1, or -1 when the first fork failed (a failed second fork leaves no worker either).
int cprocess_fork_orphan(void);

/// The number of threads of this process (entries of /proc/self/task), or -1 when it cannot be read.
int cprocess_thread_count(void);

/// Forks a worker or fork server of this process: in the child, `stdin_fd` becomes descriptor 0, `stdout_fd` (or
/// /dev/null when it is -1) descriptor 1, /dev/null descriptor 2, every other descriptor is closed (the catalogue's
/// among them: a process that decodes hostile files must not hold it), and the crash signals are back to their
/// default action (no backtracer: a crash ends the child at once). Call only from a single-threaded process.
/// Returns 0 in the child, the child's pid in the caller, or -1 with errno.
int cprocess_fork_child(int stdin_fd, int stdout_fd);

#endif
