"""The words of a policy page: its HTML without markup, scripts or styles, a line per block.

The standard library's html.parser reads any HTML, however broken, without running anything; a
change of layout, an ad or a tracking script then never counts as a new version of the policy.
"""

from __future__ import annotations

from html.parser import HTMLParser

# Their content is not the policy's words.
SKIPPED = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe", "canvas"})
# Each starts a new line, so words of two paragraphs or cells never run together.
BLOCKS = frozenset(
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section",
        "article", "header", "footer", "nav", "main", "aside", "table", "tr", "td", "th",
        "blockquote", "pre", "dt", "dd", "hr", "form", "details", "summary", "figcaption",
    }
)  # fmt: skip


class _Words(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[list[str]] = [[]]
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED:
            self.skipping += 1
        elif tag in BLOCKS:
            self.lines.append([])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCKS:
            self.lines.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCKS:
            self.lines.append([])

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.lines[-1].extend(data.split())


def page_text(html: str) -> str:
    """The page's words, one line per block of text, blank lines dropped."""
    parser = _Words()
    parser.feed(html)
    parser.close()
    return "\n".join(" ".join(words) for words in parser.lines if words)
