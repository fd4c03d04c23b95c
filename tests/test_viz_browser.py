"""The HTML view in a real browser: headless Chromium, driven by Playwright.

Playwright for Python drives Debian's (or any installed) Chromium through
`executable_path`, so no browser download is needed.  The tests read the node count the
page writes into the DOM once vis-network has drawn, collect console errors (a CSP
violation is one), uncaught exceptions and JavaScript dialogs (an `alert` would be one),
and save screenshots.

Skipped, saying why, where Playwright or a Chromium binary is missing.  Set GOVKG_CHROMIUM
to use another Chromium or Chrome binary.
"""
from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from kg.viz import write_graph_view, write_view

from tests.test_viz import HOSTILE_EVIDENCE, HOSTILE_NAME, big_graph, hostile_store

REPO = Path(__file__).resolve().parents[1]


def chromium_binary() -> str | None:
    for name in (os.environ.get("GOVKG_CHROMIUM"), "chromium", "chromium-browser", "google-chrome",
                 "google-chrome-stable", "chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


class Browser:
    """One page of a headless Chromium, through Playwright's synchronous API."""

    def __init__(self, playwright, binary: str, size=(1400, 900)):
        self._browser = playwright.chromium.launch(executable_path=binary, headless=True,
                                                   args=["--no-sandbox", "--disable-gpu"])
        self.page = self._browser.new_page(viewport={"width": size[0], "height": size[1]})
        self.events: list[str] = []
        self.page.on("console", lambda m: self.events.append(f"console.{m.type}: {m.text}")
                     if m.type in ("error", "assert", "warning") else None)
        self.page.on("pageerror", lambda e: self.events.append(f"exception: {e}"))

        def dialog(d):
            self.events.append(f"dialog {d.type}: {d.message}")
            d.dismiss()
        self.page.on("dialog", dialog)

    def evaluate(self, expression: str):
        """The value of a JavaScript expression in the page.  Playwright evaluates it over
        the DevTools protocol, which the page's Content-Security-Policy does not block."""
        return self.page.evaluate(expression)

    def open(self, url: str, ready: str, timeout: float = 60) -> float:
        """Navigate and wait until the JS expression `ready` is true; returns the seconds it took.
        (Polled from here: `wait_for_function` would evaluate a string inside the page,
        which its CSP forbids, rightly.)"""
        t = time.monotonic()
        self.page.goto(url)
        while not self.evaluate(ready):
            if time.monotonic() - t > timeout:
                raise TimeoutError(f"{url}: {ready} still false after {timeout} s")
            time.sleep(0.1)
        return time.monotonic() - t

    def mouse_move(self, x: float, y: float) -> None:
        self.page.mouse.move(x, y)

    def screenshot(self, *paths: Path) -> bytes:
        png = self.page.screenshot()
        for p in paths:
            try:
                p.parent.mkdir(parents=True, exist_ok=True)
                p.write_bytes(png)
            except OSError:
                pass
        return png

    def problems(self) -> list[str]:
        """Console errors, uncaught exceptions, CSP violations and dialogs seen so far."""
        return list(self.events)

    def close(self) -> None:
        self._browser.close()


@pytest.fixture(scope="module")
def _playwright():
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed "
                                   "(pip install -e '.[test]')")
    with sync_api.sync_playwright() as pw:
        yield pw


@pytest.fixture()
def browser(_playwright):
    binary = chromium_binary()
    if binary is None:
        pytest.skip("no Chromium or Chrome binary installed (apt-get install chromium, or set GOVKG_CHROMIUM)")
    try:
        b = Browser(_playwright, binary)
    except Exception as e:  # a browser that will not start is an environment, not a product, failure
        pytest.skip(f"Chromium at {binary} would not start headless: {e}")
    yield b
    b.close()


def _screens(tmp_path: Path, name: str) -> list[Path]:
    paths = [tmp_path / f"{name}.png"]
    out = REPO / "outputs" / "screenshots"
    if os.access(REPO, os.W_OK) and (not out.exists() or os.access(out, os.W_OK)):
        paths.append(out / f"{name}.png")
    return paths


READY = "window.govkgReady === true"


def _until(browser, expression: str, timeout: float = 10):
    """The first truthy value of expression, polled: a loaded machine is slow, not wrong."""
    end = time.monotonic() + timeout
    while True:
        value = browser.evaluate(expression)
        if value or time.monotonic() > end:
            return value
        time.sleep(0.1)


def _settle(browser, timeout: float = 10) -> None:
    """Wait until the view stops moving (an animated focus or zoom has ended)."""
    end = time.monotonic() + timeout
    last = None
    while time.monotonic() < end:
        now = browser.evaluate("JSON.stringify([govkg.network.getScale(), govkg.network.getViewPosition()])")
        if now == last:
            return
        last = now
        time.sleep(0.25)


def test_view_draws_hostile_text_as_text(browser, tmp_path):
    info = write_view(hostile_store(), tmp_path / "view.html")
    browser.open(info.path.as_uri(), READY)
    # the page says how many nodes vis drew, in the DOM
    assert browser.evaluate("document.getElementById('govkg-node-count').textContent") == str(info.nodes) == "10"
    assert browser.evaluate("document.body.getAttribute('data-govkg-ready')") == "true"
    assert browser.evaluate("govkg.network.body.nodeIndices.length") == 10
    # the legend lists the types, with their counts
    legend = browser.evaluate("document.getElementById('govkg-legend').textContent")
    for word in ("person", "organisation", "meeting", "agenda item", "decision", "action", "declaration"):
        assert word in legend

    # find the hostile name with the search box: it is shown as text in the details panel
    browser.evaluate(f"""(function () {{
        document.getElementById('govkg-query').value = {json.dumps(HOSTILE_NAME)};
        document.getElementById('govkg-search').requestSubmit();
    }})()""")
    _settle(browser)  # the focus animation
    details = browser.evaluate("document.getElementById('govkg-details').textContent")
    assert HOSTILE_NAME in details and HOSTILE_EVIDENCE in details
    assert browser.evaluate("govkg.network.getSelectedNodes().length") == 1
    # tooltips are DOM elements whose text is the literal name and sentence
    assert browser.evaluate(f"""govkg.nodes.get().some(function (n) {{
        return n.title instanceof Element && n.title.textContent.indexOf({json.dumps(HOSTILE_NAME)}) === 0; }})""")
    assert browser.evaluate(f"""govkg.edges.get().some(function (e) {{
        return e.title.textContent.indexOf({json.dumps(HOSTILE_EVIDENCE)}) >= 0; }})""")
    # hover the hostile node with the mouse: vis shows its tooltip, as text.  On a loaded
    # machine the view may still drift after the focus animation, so each try settles,
    # finds where the node is drawn now, and moves the mouse onto it
    tip = None
    for _ in range(5):
        _settle(browser)
        x, y = browser.evaluate(f"""(function () {{
            var n = govkg.nodes.get().filter(function (n) {{
                return n.title.textContent.indexOf({json.dumps(HOSTILE_NAME)}) === 0; }})[0];
            var p = govkg.network.canvasToDOM(govkg.network.getPosition(n.id));
            var r = document.getElementById('govkg-network').getBoundingClientRect();
            return [r.left + p.x, r.top + p.y];
        }})()""")
        for dx in (3, 0):
            browser.mouse_move(x + dx, y)
        tip = _until(browser, """(function () { var t = document.querySelector('div.vis-tooltip');
            return t && t.style.visibility === 'visible' ? [t.style.visibility, t.textContent,
            t.querySelectorAll('img').length] : null; })()""", timeout=4)
        if tip:
            break
    assert tip is not None and tip[0] == "visible" and HOSTILE_NAME in tip[1] and tip[2] == 0, tip
    # nothing ran: no image or extra script element, no flag, no dialog
    assert browser.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert browser.evaluate("document.scripts.length") == 3
    assert browser.evaluate("typeof window.__pwned") == "undefined"
    browser.screenshot(*_screens(tmp_path, "viz-hostile"))
    assert browser.problems() == []


def test_type_filter_hides_and_shows(browser, tmp_path):
    info = write_view(hostile_store(), tmp_path / "view.html")
    browser.open(info.path.as_uri(), READY)
    shown = "govkg.nodesView.length"
    assert browser.evaluate(shown) == 10
    browser.evaluate("document.querySelector('#govkg-legend input[data-type=person]').click()")
    assert browser.evaluate(shown) == 7
    assert browser.evaluate("govkg.edgesView.get().every(function (e) { "
                            "return govkg.nodesView.get(e.from) && govkg.nodesView.get(e.to); })")
    browser.evaluate("document.querySelector('#govkg-legend input[data-type=person]').click()")
    assert browser.evaluate(shown) == 10
    assert browser.problems() == []


def test_real_minutes_view(browser, founding, tmp_path):
    """The founding minutes (conftest's `founding` store), drawn and screenshotted."""
    info = write_view(founding, tmp_path / "wirral.html")
    browser.open(info.path.as_uri(), READY)
    assert browser.evaluate("document.getElementById('govkg-node-count').textContent") == str(info.nodes)
    png = browser.screenshot(*_screens(tmp_path, "viz-wirral"))
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20_000
    assert browser.problems() == []


def test_large_view_stays_usable(browser, tmp_path):
    """1,500 of 6,000 nodes: drawn within a minute, then physics stops so the page is idle."""
    info = write_graph_view(big_graph(), tmp_path / "big.html", max_nodes=1500)
    assert info.truncated and info.nodes == 1500
    took = browser.open(info.path.as_uri(), READY, timeout=90)
    assert took < 60, f"the large view took {took:.1f} s to draw"
    assert browser.evaluate("document.getElementById('govkg-node-count').textContent") == "1500"
    assert browser.evaluate("!document.getElementById('govkg-banner').hidden")
    assert "4500" in browser.evaluate("document.getElementById('govkg-banner').textContent")
    assert browser.evaluate("govkg.network.physics.physicsEnabled") is False
    browser.screenshot(*_screens(tmp_path, "viz-large"))
    assert browser.problems() == []


# -- readable views: labels apart, aliases, apologies, multi-body -------------------------------

OVERLAPS = """(function () {
    // the boxes vis drew for every visible label on screen, in canvas coordinates (vis
    // measures a label when it draws it, so only those in view are current)
    var boxes = [], c = document.getElementById('govkg-network').getBoundingClientRect();
    var tl = govkg.network.DOMtoCanvas({ x: 0, y: 0 }), br = govkg.network.DOMtoCanvas({ x: c.width, y: c.height });
    govkg.network.body.nodeIndices.forEach(function (id) {
        var n = govkg.network.body.nodes[id];
        if (!n.options.label || !n.labelModule || !n.labelModule.size) return;
        var s = n.labelModule.size;
        if (!s.width || !s.height) return;
        if (s.left < tl.x || s.top < tl.y || s.left + s.width > br.x || s.top + s.height > br.y) return;
        if (Math.abs(s.left + s.width / 2 - n.x) > 2) return;  // not drawn since the node moved into view
        boxes.push([s.left, s.top, s.left + s.width, s.top + s.height, n.options.label]);
    });
    var bad = [];
    for (var i = 0; i < boxes.length; i++) for (var j = i + 1; j < boxes.length; j++) {
        var a = boxes[i], b = boxes[j];
        if (a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]) bad.push([a[4], b[4]]);
    }
    var inView = 0, labelled = 0;
    govkg.nodes.get().forEach(function (d) {
        var p = govkg.network.getPosition(d.id);
        if (p.x < tl.x || p.y < tl.y || p.x > br.x || p.y > br.y) return;
        inView++; if (d.label) labelled++;
    });
    return [boxes.length, bad.slice(0, 5), bad.length, labelled / Math.max(inView, 1)];
})()"""


def _many_bodies_store(tmp_path):
    from tests.conftest import CORPUS, FOUNDING
    docs = [CORPUS / "series" / "stoke-ferry", CORPUS / "wtsb-2019-03-28.txt", CORPUS / "tintern-cc-2019-07-29.pdf"]
    if not all(d.exists() for d in docs):
        pytest.skip(f"{CORPUS} not present (the development corpus is not part of the project)")
    from kg.pipeline import build_into_store
    from kg.store import GraphStore
    path = tmp_path / "many"
    assert not build_into_store([str(FOUNDING)] + [str(d) for d in docs], str(path)).failed
    return GraphStore(str(path), read_only=True)


def test_150_nodes_no_label_on_top_of_another(browser, tmp_path):
    """A crowded view of several bodies: labels never overlap, and zooming in shows more."""
    st = _many_bodies_store(tmp_path)
    info = write_view(st, tmp_path / "crowded.html", max_nodes=150)
    assert info.nodes == 150
    browser.open(info.path.as_uri(), READY, timeout=90)
    _settle(browser)
    shown, bad, n_bad, share = browser.evaluate(OVERLAPS)
    assert shown >= 15, f"only {shown} labels drawn"
    assert n_bad == 0, bad
    browser.screenshot(*_screens(tmp_path, "viz-many-bodies"))
    # zoom in: labels keep their screen size, so more of the nodes in view show theirs
    browser.evaluate("govkg.network.moveTo({ scale: govkg.network.getScale() * 3 }); govkg.declutter(); true")
    _settle(browser)
    browser.evaluate("govkg.network.redraw(); true")  # vis measures a label when it draws it
    _settle(browser)
    _, bad, n_bad, zoomed_share = browser.evaluate(OVERLAPS)
    assert n_bad == 0, bad
    assert zoomed_share > share, (share, zoomed_share)
    assert browser.problems() == []


def test_search_finds_a_person_by_any_alias_and_actions_show_their_dates(browser, founding, tmp_path):
    info = write_view(founding, tmp_path / "wirral.html")
    browser.open(info.path.as_uri(), READY)
    for alias, full in (("J Hassall", "Julia Hassall"), ("DfE", "Department for Education"),
                        ("the Chair", "Cllr Smith"), ("hassall", "Julia Hassall")):
        found = browser.evaluate(f"(function () {{ var n = govkg.find({json.dumps(alias)}); "
                                 "return n ? n.full : null; })()")
        assert found == full, (alias, found)
    facts = browser.evaluate("""govkg.nodes.get().filter(function (n) { return n.group === 'action'; })
        .map(function (n) { return n.title.textContent; })""")
    assert facts and all("set " in f and ("open" in f or "done" in f or "progress" in f) for f in facts), facts[:3]
    assert browser.problems() == []


def test_apologies_are_drawn_apart_from_attendance(browser, founding, tmp_path):
    info = write_view(founding, tmp_path / "wirral.html")
    browser.open(info.path.as_uri(), READY)
    kinds = browser.evaluate("""(function () {
        var out = {};
        govkg.edges.get().forEach(function (e) {
            var rel = e.title.textContent;
            var k = / apologies \\u2192 /.test(rel) ? 'apologies' : / (present|chair|in_attendance) \\u2192 /.test(rel) ? 'there' : null;
            if (k) (out[k] = out[k] || []).push(!!e.dashes);
        });
        return out; })()""")
    assert kinds.get("apologies") and all(kinds["apologies"]), kinds
    assert kinds.get("there") and not any(kinds["there"]), kinds
    browser.screenshot(*_screens(tmp_path, "viz-wirral-focus"))


def _project_store(path):
    """The bundled minutes and the invented house-style fixtures: eleven bodies, none of
    them from the development corpus, so their pictures may go in the README (the
    session's `project_store`, tests/conftest.py)."""
    from kg.store import GraphStore
    return GraphStore(str(path), read_only=True)


def test_multi_body_and_focused_views(browser, project_store, tmp_path):
    st = _project_store(project_store)
    info = write_view(st, tmp_path / "bodies.html", max_nodes=150)
    browser.open(info.path.as_uri(), READY, timeout=90)
    _settle(browser)
    shown, bad, n_bad, _ = browser.evaluate(OVERLAPS)
    assert n_bad == 0 and shown >= 15, (shown, bad)
    browser.screenshot(*_screens(tmp_path, "viz-multi-body"))
    # a post finds its holders; several clerks: the page says so
    info = write_view(st, tmp_path / "clerk.html", focus="the Clerk", depth=1)
    assert "fits" in info.note
    browser.open(info.path.as_uri(), READY, timeout=90)
    assert "fits" in browser.evaluate("document.getElementById('govkg-banner').textContent")
    _settle(browser)
    assert browser.evaluate(OVERLAPS)[2] == 0
    browser.screenshot(*_screens(tmp_path, "viz-focus-clerk"))
    assert browser.problems() == []
