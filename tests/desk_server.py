"""A real HTTP server on 127.0.0.1 serving the fictional reports as pages and a feed, and
pages that misbehave (redirect loops, huge or slow bodies, images), for fetch and desk tests."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

from desk_reports import COUNCIL, FIRE, STALKING, page


def rss(base: str) -> str:
    inline = "".join(f"<p>{p}</p>" for p in (COUNCIL["text"] + "\n\n" + COUNCIL["text"]).split("\n\n"))
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Test Wire</title><link>{base}/</link>
<item><title>{STALKING["title"]}</title><link>{base}/stalking.html</link>
  <pubDate>Tue, 25 Jan 2022 09:00:00 GMT</pubDate><description>A teaser.</description></item>
<item><title>{FIRE["title"]}</title><link>/fire.html</link></item>
<item><title>{COUNCIL["title"]}</title><link>{base}/council-not-served.html</link>
  <content:encoded><![CDATA[{inline}]]></content:encoded></item>
</channel></rss>"""


class Handler(BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _send(self, status: int, body: bytes, content_type: str, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        Handler.requests.append(self.path)
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        pages = {"/stalking.html": STALKING, "/fire.html": FIRE}
        if self.path in pages:
            self._send(200, page(pages[self.path]).encode(), "text/html; charset=utf-8")
        elif self.path == "/feed.xml":
            self._send(200, rss(base).encode(), "application/rss+xml")
        elif self.path == "/moved":
            self._send(301, b"", "text/plain", Location="/fire.html")
        elif self.path == "/to-file":
            self._send(302, b"", "text/plain", Location="file:///etc/passwd")
        elif self.path == "/loop":
            self._send(302, b"", "text/plain", Location="/loop")
        elif self.path == "/big":
            self._send(200, b"word " * 100_000, "text/plain")
        elif self.path == "/big-chunked":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(100):
                self.wfile.write(b"word " * 1000)
            self.close_connection = True
        elif self.path == "/slow":
            time.sleep(4)
            self._send(200, b"late", "text/plain")
        elif self.path == "/image.png":
            self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(100), "image/png")
        else:
            self._send(404, b"not here", "text/plain")


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients that give up (time-outs, size limits) are what some tests do


def serve() -> Iterator[str]:
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
