// See include/CProcess.h for what each helper is for.

#define _GNU_SOURCE
#include "CProcess.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

int cprocess_become_subreaper(void) { return prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0); }

int cprocess_pipe_cloexec(int fds[2]) { return pipe2(fds, O_CLOEXEC); }

// Room for the descriptors of one worker (its stdin and stdout) and a few more.
enum { MAX_FDS = 8 };

ssize_t cprocess_send_with_descriptors(int socket, const void *bytes, size_t length, const int *fds, int count) {
    if (count < 0 || count > MAX_FDS || length == 0) { errno = EINVAL; return -1; }
    struct iovec data = {.iov_base = (void *)bytes, .iov_len = length};
    union {
        char buffer[CMSG_SPACE(MAX_FDS * sizeof(int))];
        struct cmsghdr align;
    } control;
    memset(&control, 0, sizeof control);
    struct msghdr message = {.msg_iov = &data, .msg_iovlen = 1};
    if (count > 0) {
        message.msg_control = control.buffer;
        message.msg_controllen = CMSG_SPACE(count * sizeof(int));
        struct cmsghdr *header = CMSG_FIRSTHDR(&message);
        header->cmsg_level = SOL_SOCKET;
        header->cmsg_type = SCM_RIGHTS;
        header->cmsg_len = CMSG_LEN(count * sizeof(int));
        memcpy(CMSG_DATA(header), fds, count * sizeof(int));
    }
    ssize_t sent;
    do { sent = sendmsg(socket, &message, MSG_NOSIGNAL); } while (sent < 0 && errno == EINTR);
    return sent;
}

ssize_t cprocess_receive_with_descriptors(int socket, void *bytes, size_t length, int *fds, int capacity,
                                          int *received) {
    struct iovec data = {.iov_base = bytes, .iov_len = length};
    union {
        char buffer[CMSG_SPACE(MAX_FDS * sizeof(int))];
        struct cmsghdr align;
    } control;
    struct msghdr message = {.msg_iov = &data, .msg_iovlen = 1, .msg_control = control.buffer,
                             .msg_controllen = sizeof control.buffer};
    *received = 0;
    ssize_t got;
    // MSG_CMSG_CLOEXEC: a descriptor received for one worker must not leak into a process exec'd later.
    do { got = recvmsg(socket, &message, MSG_CMSG_CLOEXEC); } while (got < 0 && errno == EINTR);
    if (got < 0) return got;
    for (struct cmsghdr *header = CMSG_FIRSTHDR(&message); header; header = CMSG_NXTHDR(&message, header)) {
        if (header->cmsg_level != SOL_SOCKET || header->cmsg_type != SCM_RIGHTS) continue;
        int n = (int)((header->cmsg_len - CMSG_LEN(0)) / sizeof(int));
        for (int i = 0; i < n; i++) {
            int fd;
            memcpy(&fd, CMSG_DATA(header) + i * sizeof(int), sizeof fd);
            if (*received < capacity) fds[(*received)++] = fd; else close(fd);
        }
    }
    return got;
}

int cprocess_send_descriptors(int socket, const int *fds, int count) {
    char byte = 0;  // a message must carry at least one byte of data for its descriptors to travel
    return cprocess_send_with_descriptors(socket, &byte, 1, fds, count) == 1 ? 0 : -1;
}

int cprocess_receive_descriptors(int socket, int *fds, int count) {
    char byte;
    int received;
    ssize_t got = cprocess_receive_with_descriptors(socket, &byte, 1, fds, count, &received);
    return got <= 0 ? (int)got : received;
}

int cprocess_fork_orphan(void) {
    // Intermediates of earlier workers: exited at once, reaped here rather than waited for (that would hold up
    // the next request for the time an exit takes: a few milliseconds, unmapping the whole address space).
    while (waitpid(-1, NULL, WNOHANG) > 0) {}
    pid_t intermediate = fork();
    if (intermediate != 0) return intermediate < 0 ? -1 : 1;
    pid_t self = getpid();
    pid_t worker = fork();
    if (worker != 0) _exit(worker < 0);
    // Until the intermediate has exited, the worker is not yet the subreaper's child: the footage process could
    // not wait for it, and a parent watch would take the intermediate's exit for the footage process's.
    while (getppid() == self) usleep(50);
    return 0;
}

int cprocess_thread_count(void) {
    DIR *tasks = opendir("/proc/self/task");
    if (!tasks) return -1;
    int count = 0;
    struct dirent *entry;
    while ((entry = readdir(tasks)) != NULL) {
        if (entry->d_name[0] != '.') count++;
    }
    closedir(tasks);
    return count;
}

int cprocess_fork_child(int stdin_fd, int stdout_fd) {
    pid_t child = fork();
    if (child != 0) return child;
    int null = open("/dev/null", O_RDWR);
    if (dup2(stdin_fd, 0) < 0 || dup2(stdout_fd >= 0 ? stdout_fd : null, 1) < 0 || dup2(null, 2) < 0) _exit(127);
    closefrom(3);
    const int crashes[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP};
    for (unsigned i = 0; i < sizeof crashes / sizeof crashes[0]; i++) signal(crashes[i], SIG_DFL);
    return 0;
}
