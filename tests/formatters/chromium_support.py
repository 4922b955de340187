"""Driving a real headless Chromium for the HTML report tests.

``dump_dom(url)`` runs ``chromium --headless --dump-dom``; ``DevTools`` speaks
the Chrome DevTools Protocol over ``--remote-debugging-pipe`` (file
descriptors 3 and 4, NUL-terminated JSON), so no websocket library is needed.
Chromium missing is a test failure with instructions, never a silent skip.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from typing import Any

import pytest

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--no-default-browser-check",
)

TRAMPOLINE = (
    "import os, sys\n"
    "commands, replies = int(sys.argv[1]), int(sys.argv[2])\n"
    "if replies == 3:\n"
    "    replies = os.dup(replies)\n"
    "os.dup2(commands, 3)\n"
    "os.dup2(replies, 4)\n"
    "os.set_inheritable(3, True)\n"
    "os.set_inheritable(4, True)\n"
    "os.execvp(sys.argv[3], sys.argv[3:])\n"
)


def chromium_binary() -> str:
    configured = os.environ.get("HEELLINT_CHROMIUM")
    if configured:
        found = shutil.which(configured)
        if found:
            return found
        pytest.fail(f"HEELLINT_CHROMIUM={configured!r} is not an executable Chromium", pytrace=False)
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    pytest.fail(
        "Chromium is needed for the HTML report tests and was not found on PATH. "
        "Install it (Debian/Ubuntu: `apt-get install -y chromium`) or set HEELLINT_CHROMIUM to a Chrome/Chromium binary.",
        pytrace=False,
    )


def chromium_version() -> str:
    result = subprocess.run([chromium_binary(), "--version"], capture_output=True, text=True, timeout=60)
    return result.stdout.strip()


def dump_dom(url: str, timeout: float = 90) -> str:
    with tempfile.TemporaryDirectory(prefix="heellint-chromium-") as profile:
        result = subprocess.run(
            [chromium_binary(), *FLAGS, f"--user-data-dir={profile}", "--dump-dom", url],
            capture_output=True,
            timeout=timeout,
        )
    if result.returncode != 0 or not result.stdout.strip():
        pytest.fail(f"chromium --dump-dom failed ({result.returncode}): {result.stderr.decode(errors='replace')[-2000:]}")
    return result.stdout.decode("utf-8")


class DevTools:
    """A page in headless Chromium, driven over the DevTools pipe."""

    def __init__(self, url: str, timeout: float = 60) -> None:
        self.timeout = timeout
        self._profile = tempfile.TemporaryDirectory(prefix="heellint-chromium-")
        to_browser_read, self._to_browser = os.pipe()
        self._from_browser, from_browser_write = os.pipe()
        command = [chromium_binary(), *FLAGS, f"--user-data-dir={self._profile.name}", "--remote-debugging-pipe",
                   "about:blank"]
        # Chromium reads commands on fd 3 and writes replies on fd 4; a small
        # Python trampoline puts the pipe ends there (whatever their numbers).
        self.process = subprocess.Popen(
            [sys.executable, "-c", TRAMPOLINE, str(to_browser_read), str(from_browser_write), *command],
            pass_fds=(to_browser_read, from_browser_write),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_browser_read)
        os.close(from_browser_write)
        self._buffer = b""
        self._next_id = 0
        self.session: str | None = None
        targets = self.send("Target.getTargets")["targetInfos"]
        page = next(target for target in targets if target["type"] == "page")
        self.session = self.send("Target.attachToTarget", targetId=page["targetId"], flatten=True)["sessionId"]
        self.send("Page.enable")
        self.send("Runtime.enable")
        self.send("Page.navigate", url=url)
        self.wait_for("document.body && document.body.dataset.ready === 'true'")

    def send(self, method: str, **params: Any) -> dict:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if self.session and not method.startswith("Target."):
            message["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(message).encode("utf-8") + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def _read(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("no reply from Chromium")
            ready, _, _ = select.select([self._from_browser], [], [], remaining)
            if ready:
                chunk = os.read(self._from_browser, 1 << 16)
                if not chunk:
                    raise RuntimeError("Chromium closed the DevTools pipe")
                self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(message)

    def evaluate(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression: str) -> None:
        deadline = time.monotonic() + self.timeout
        while not self.evaluate(f"Boolean({expression})"):
            if time.monotonic() > deadline:
                raise TimeoutError(f"waiting for {expression}")
            time.sleep(0.05)

    def click(self, selector: str) -> None:
        """A real mouse click in the middle of the element."""
        box = self.evaluate(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)}); e.scrollIntoView({{block: 'center'}});"
            " const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()"
        )
        x, y = box
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def type_text(self, selector: str, text: str) -> None:
        self.click(selector)
        self.send("Input.insertText", text=text)

    def close(self) -> None:
        try:
            try:
                self.send("Browser.close")
            except Exception:
                pass
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        finally:
            os.close(self._to_browser)
            os.close(self._from_browser)
            self._profile.cleanup()

    def __enter__(self) -> "DevTools":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class FindingCollector(HTMLParser):
    """The findings of a dumped DOM: id, data attributes, hidden or not, text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[dict[str, Any]] = []
        self.sections: list[dict[str, Any]] = []
        self.shown_text = ""
        self._depth = 0
        self._current: dict[str, Any] | None = None
        self._in_shown = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag == "section" and "file" in classes:
            self.sections.append({"path": attributes.get("data-path"), "hidden": "hidden" in attributes})
        if tag == "output" and attributes.get("id") == "shown":
            self._in_shown = True
        if self._current is not None and tag == "li":
            self._depth += 1
        if tag == "li" and "finding" in classes:
            self._current = {**attributes, "hidden": "hidden" in attributes, "text": ""}
            self._depth = 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "output":
            self._in_shown = False
        if self._current is not None and tag == "li":
            self._depth -= 1
            if self._depth == 0:
                self.findings.append(self._current)
                self._current = None

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current["text"] += data
        if self._in_shown:
            self.shown_text += data


def collect(dom: str) -> FindingCollector:
    collector = FindingCollector()
    collector.feed(dom)
    collector.close()
    return collector
