"""A minimal SMTP server that can be told to be slow: the mail server of ``bench/fault_bench.py``.

It speaks just enough SMTP for Django's SMTP backend (``smtplib``: greeting,
EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT), waits ``delay`` seconds
before greeting each connection, as an overloaded mail server does, and
counts the messages it accepted (it keeps nothing else). Standard library
only, 127.0.0.1 only.
"""

import socketserver
import threading
import time


class _Session(socketserver.StreamRequestHandler):
    timeout = 60

    def _reply(self, text: str) -> None:
        self.wfile.write(text.encode() + b"\r\n")

    def handle(self) -> None:
        owner: SlowSMTPServer = self.server.owner
        time.sleep(owner.delay)
        self._reply("220 bench.invalid ESMTP")
        while line := self.rfile.readline():
            verb = line.split(b" ", 1)[0].strip().upper()
            if verb == b"EHLO":
                self._reply("250-bench.invalid\r\n250 8BITMIME")
            elif verb == b"DATA":
                self._reply("354 End data with <CR><LF>.<CR><LF>")
                while self.rfile.readline() not in (b".\r\n", b""):
                    pass
                owner.accepted()
                self._reply("250 OK")
            elif verb == b"QUIT":
                self._reply("221 Bye")
                return
            else:  # HELO, MAIL, RCPT, RSET, NOOP: accept everything
                self._reply("250 OK")


class SlowSMTPServer:
    """A threaded SMTP server on 127.0.0.1; set ``delay`` at any time to make new connections wait."""

    def __init__(self, delay: float = 0.0):
        self.delay = delay
        self.messages = 0
        self._lock = threading.Lock()
        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Session)
        self._server.daemon_threads = True
        self._server.owner = self
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    def accepted(self) -> None:
        """Count one accepted message."""
        with self._lock:
            self.messages += 1

    def __enter__(self) -> "SlowSMTPServer":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()
