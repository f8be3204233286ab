"""A loopback stand-in for Eurostat/GISCO/GitHub: serves the mirror's files on 127.0.0.1, with faults on demand."""

from __future__ import annotations

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FAULTS = ("500", "503", "404", "413", "slow", "truncated", "html", "reset", "flaky503")


class Upstream:
    """``url_for(source)`` gives the loopback URL of a source; set ``fault`` to one of FAULTS (or None)."""

    def __init__(self, mirror: Path):
        self.mirror = mirror
        self.fault: str | None = None
        self.requests: list[str] = []
        upstream = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output clean
                pass

            def do_GET(self):
                upstream.requests.append(self.path)
                upstream.serve(self)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url_for(self, source) -> str:
        return f"http://127.0.0.1:{self.port}/{source.mirror_path}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def serve(self, handler) -> None:
        path = self.mirror / handler.path.lstrip("/").split("?")[0]
        fault = self.fault
        if fault == "flaky503" and len(self.requests) == 1:
            fault = "503"  # only the first request fails; the retry succeeds
        elif fault == "flaky503":
            fault = None
        if fault in ("500", "404", "413"):
            return self._status(handler, int(fault))
        if fault == "503":
            handler.send_response(503)
            handler.send_header("Retry-After", "1")
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        if fault == "reset":
            handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            handler.connection.close()
            return
        if not path.is_file():
            return self._status(handler, 404)
        body = path.read_bytes()
        if fault == "html":
            body = b"<!DOCTYPE html><html><body><h1>Service temporarily unavailable</h1></body></html>\n"
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html" if fault == "html" else "text/csv")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        if fault == "slow":
            time.sleep(3)
        if fault == "truncated":
            handler.wfile.write(body[: len(body) // 2])
            handler.wfile.flush()
            handler.connection.close()
            return
        handler.wfile.write(body)

    @staticmethod
    def _status(handler, code: int) -> None:
        handler.send_response(code)
        handler.send_header("Content-Length", "0")
        handler.end_headers()
