"""HTML -> text that keeps the layout minutes rely on: lines, list items, table rows.

A segmenter finds agenda items by line starts and action tables by rows, so block
elements become line breaks, rows become "cell | cell | cell" lines and list items
start with "- ".  White space inside text is collapsed as a browser would show it.
"""
from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from kg.errors import InputError
from kg.read.text import Extracted, check_not_binary, check_text, decode_bytes, normalise_newlines

# Never visible as page text, or page furniture rather than minutes.  The form
# controls and embedded objects only add labels such as "Search" or "Go".
_DROP = frozenset({
    "script", "style", "noscript", "template", "nav", "header", "footer",
    "head", "iframe", "object", "embed", "svg", "canvas", "select", "button", "map",
})
# Blocks set off by a blank line, and blocks that only start a new line.
_PARAGRAPH = frozenset({
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote",
    "pre", "section", "article", "aside", "figure", "form", "fieldset", "address",
    "hr", "main",
})
_LINE = frozenset({
    "div", "ul", "ol", "dl", "li", "tr", "br", "dt", "dd", "caption", "figcaption", "legend", "center",
    "summary", "details", "option",
})
_CELL = frozenset({"td", "th"})
_SPACES = re.compile(r"[ \t\n\r\f\xa0]+")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
# Main content of ModernGov pages (mgAi.aspx, ieListDocuments.aspx, mgIssueHistory...)
_MODERNGOV_MAIN = ".mgContent"
_MODERNGOV_OUTER = "#modgov"


class _Lines:
    """Accumulates text with pending line breaks, so breaks never pile up or dangle."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pending = 0  # line breaks owed before the next visible text
        self.line_empty = True
        self.prefix = ""  # "- " owed to the next line (list item)

    def brk(self, n: int) -> None:
        self.pending = max(self.pending, n)

    def text(self, s: str, keep_spaces: bool = False) -> None:
        if self.line_empty or self.pending:
            if not keep_spaces:
                s = s.lstrip(" ")  # white space at a line start is not shown
            if not s.strip(" "):
                return
            if self.pending and self.parts:
                self._rstrip()
                self.parts.append("\n" * self.pending)
            self.pending = 0
            s = self.prefix + s
            self.prefix = ""
        elif not keep_spaces and s.startswith(" ") and self.parts[-1].endswith(" "):
            s = s[1:]
        if s:
            self.parts.append(s)
            self.line_empty = False

    def _rstrip(self) -> None:
        while self.parts:
            last = self.parts[-1].rstrip(" ")
            if last:
                self.parts[-1] = last
                return
            self.parts.pop()

    def value(self) -> str:
        self._rstrip()
        return "".join(self.parts)


class _Walker:
    """Depth-first walk without recursion (deeply nested pages must not overflow)."""

    def __init__(self) -> None:
        self.out: list[_Lines] = [_Lines()]
        self.rows: list[list[str]] = []
        self.pre = 0

    def walk(self, root: LexborNode) -> None:
        stack: list[tuple[LexborNode, bool]] = [(root, False)]
        while stack:
            node, leaving = stack.pop()
            if leaving:
                self._leave(node.tag)
                continue
            tag = node.tag
            if tag == "-text":
                self._text(node.text_content or "")
            elif tag in _DROP or not node.is_element_node:
                continue  # comments, doctype, dropped furniture
            else:
                self._enter(node)
                stack.append((node, True))
                children = list(node.iter(include_text=True))
                stack.extend((c, False) for c in reversed(children))

    def _text(self, s: str) -> None:
        if self.pre:
            for i, line in enumerate(normalise_newlines(s).split("\n")):
                if i:
                    self.out[-1].brk(1)
                self.out[-1].text(line.replace("\xa0", " "), keep_spaces=True)
        else:
            self.out[-1].text(_SPACES.sub(" ", s))

    def _enter(self, node: LexborNode) -> None:
        tag = node.tag
        cur = self.out[-1]
        if tag in _PARAGRAPH:
            cur.brk(2)
        elif tag in _LINE:
            cur.brk(1)
        if tag == "pre":
            self.pre += 1
        elif tag == "li":
            cur.prefix = "- "
        elif tag == "tr":
            self.rows.append([])
        elif tag in _CELL:
            self.out.append(_Lines())
        elif tag == "img":
            # Browsers copy alt text ("pdf icon"), and copied ModernGov pages carry it.
            alt = _SPACES.sub(" ", node.attributes.get("alt") or "").strip()
            if alt:
                cur.text(" " + alt + " ")

    def _leave(self, tag: str) -> None:
        cur = self.out[-1]
        if tag in _CELL and len(self.out) > 1:
            cell = _SPACES.sub(" ", self.out.pop().value()).strip()
            if self.rows:
                self.rows[-1].append(cell)
            else:  # a cell outside any row: keep its text
                self.out[-1].text(" " + cell + " ")
            return
        if tag == "tr" and self.rows:
            cells = self.rows.pop()
            if any(cells):
                cur.brk(1)
                cur.text(" | ".join(cells))
            cur.brk(1)
            return
        if tag == "pre":
            self.pre -= 1
        if tag in _PARAGRAPH:
            cur.brk(2)
        elif tag in _LINE:
            cur.brk(1)


# HTML parsers check the stack of open elements at every end tag, so a page nested n
# levels deep costs n**2 (200,000 nested <div>: minutes).  Browsers stop nesting at a
# few hundred levels; here tags deeper than this are dropped (their text kept) before
# parsing, in one pass.
MAX_DEPTH = 1000
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*>")
# elements that close themselves or whose end tag may be left out: they do not nest
_NOT_NESTING = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody",
    "tfoot", "colgroup", "caption", "rb", "rt", "rp", "html", "head", "body",
})


def flatten_deep(html: str, limit: int = MAX_DEPTH) -> str:
    """`html` with every tag nested deeper than `limit` removed (its text kept)."""
    if html.count("<") <= limit:
        return html  # cannot nest that deep
    out, last, depth = [], 0, 0
    for m in _TAG.finditer(html):
        name = m.group(2).lower()
        if name in _NOT_NESTING or m.group(0).endswith("/>"):
            continue
        closing = bool(m.group(1))
        if closing:
            deep = depth > limit
            depth = max(0, depth - 1)
        else:
            depth += 1
            deep = depth > limit
        if deep:
            out.append(html[last:m.start()])
            last = m.end()
    if not out:
        return html
    out.append(html[last:])
    return "".join(out)


def _main_nodes(tree: LexborHTMLParser) -> tuple[list[LexborNode], bool]:
    """The nodes holding the page's content, and whether it is a ModernGov page."""
    mains = tree.css(_MODERNGOV_MAIN)
    if mains:
        # Keep outermost containers only, so nested ones are not read twice.
        ids = {m.mem_id for m in mains}
        outer = [m for m in mains if not _has_ancestor(m, ids)]
        return outer, True
    modgov = tree.css_first(_MODERNGOV_OUTER)
    if modgov is not None:
        return [modgov], True
    root = tree.body if tree.body is not None else tree.root
    return ([root] if root is not None else []), False


def _has_ancestor(node: LexborNode, ids: set[int]) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.mem_id in ids:
            return True
        parent = parent.parent
    return False


def html_to_text(html: str) -> str:
    """Visible text of an HTML fragment or page (whole page: body only), laid out as lines."""
    tree = LexborHTMLParser(flatten_deep(html))
    root = tree.body if tree.body is not None else tree.root
    return _nodes_to_text([root] if root is not None else [])


def _nodes_to_text(nodes: list[LexborNode]) -> str:
    walker = _Walker()
    for node in nodes:
        walker.walk(node)
        walker.out[0].brk(2)
    return walker.out[0].value()


def page_title(tree: LexborHTMLParser) -> str | None:
    """The <title> text, else the first <h1>, with white space collapsed."""
    for selector in ("title", "h1"):
        node = tree.css_first(selector)
        if node is not None:
            title = _SPACES.sub(" ", node.text(deep=True)).strip()
            if title:
                return title
    return None


def read_html(data: bytes, path: str) -> Extracted:
    """HTML bytes -> Extracted text; ModernGov pages are cut to their main content."""
    check_not_binary(data, path)
    declared = _META_CHARSET.search(data[:4096])
    hint = declared.group(1).decode("ascii") if declared else None
    html, encoding = decode_bytes(data, hint)
    tree = LexborHTMLParser(flatten_deep(html))
    nodes, is_moderngov = _main_nodes(tree)
    text = _nodes_to_text(nodes)
    if not text.strip():
        raise InputError(path, "HTML page has no visible text (is its content loaded by "
                         "JavaScript?); save the page after it has loaded, or its printable version")
    check_text(text, path)
    meta = {"source_kind": "moderngov-html" if is_moderngov else "html", "encoding": encoding}
    return Extracted(text, page_title(tree), meta)
