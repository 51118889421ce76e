"""A small HTTP server on 127.0.0.1 for the tests of `footage fetch`: it serves the files of one folder and a few
paths that behave as hostile or broken servers do. It prints its port on the first line of its output.

    /NAME             the file NAME of the folder (404 when there is none)
    /moved/NAME       302 to /NAME (a page that redirects a download elsewhere)
    /page/NAME        an HTML page whose <video> plays /NAME
    /truncated/NAME   says the file's length plus 1 MiB, sends the file, then closes the connection
    /stalled/NAME     sends the headers and the first bytes of NAME, then nothing for an hour
    /unsized/NAME     sends NAME without saying its length, and closes the connection at its end

Usage: python3 serve.py FOLDER
"""

import http.server
import os
import sys
import time

FOLDER = os.path.abspath(sys.argv[1])


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def file(self, name):
        path = os.path.join(FOLDER, os.path.basename(name))
        if not name or not os.path.isfile(path):
            return None
        with open(path, "rb") as handle:
            return handle.read()

    def not_found(self):
        body = b"no such file\n"
        self.send_response(404)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def media_type(self, name):
        if name.endswith(".mp4"):
            return "video/mp4"
        if name.endswith(".webm"):
            return "video/webm"
        return "application/octet-stream"

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        parts = self.path.split("?")[0].lstrip("/").split("/", 1)
        kind, name = (parts[0], parts[1]) if len(parts) == 2 else ("", parts[0])
        if kind == "moved":
            self.send_response(302)
            self.send_header("Location", "/" + name)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if kind == "page":
            body = (
                "<!DOCTYPE html><html><head><title>A page with a video</title></head><body>"
                f'<video controls src="/{name}"></video></body></html>'
            ).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command == "GET":
                self.wfile.write(body)
            return
        data = self.file(name)
        if data is None or kind not in ("", "truncated", "stalled", "unsized"):
            self.not_found()
            return
        self.send_response(200)
        self.send_header("Content-Type", self.media_type(name))
        extra = (1 << 20) if kind == "truncated" else 0
        if kind == "unsized":
            self.send_header("Connection", "close")
            self.close_connection = True
        else:
            self.send_header("Content-Length", str(len(data) + extra))
        self.end_headers()
        if self.command != "GET":
            return
        if kind == "stalled":
            self.wfile.write(data[:1000])
            self.wfile.flush()
            time.sleep(3600)
            return
        self.wfile.write(data)
        self.wfile.flush()
        if kind == "truncated":
            self.close_connection = True


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a client that went away (a download stopped on purpose) is what these tests do


server = Server(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
