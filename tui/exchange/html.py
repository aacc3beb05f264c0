"""The bank's light Markdown as HTML for Anki: every text character escaped, MathJax math."""

from __future__ import annotations

from html import escape

from tui.core.blocks import Block, BlockKind, Span, SpanKind, parse_blocks


def markdown_html(text: str) -> str:
    """HTML for an answer: paragraphs, bullet lists, `\\(…\\)` and `\\[…\\]` math, code."""
    parts: list[str] = []
    bullets: list[str] = []
    for block in parse_blocks(text):
        if block.kind is BlockKind.BULLET:
            bullets.append(f"<li>{spans_html(block.spans)}</li>")
            continue
        if bullets:
            parts.append("<ul>" + "".join(bullets) + "</ul>")
            bullets = []
        parts.append(_block_html(block))
    if bullets:
        parts.append("<ul>" + "".join(bullets) + "</ul>")
    return "".join(parts)


def inline_html(text: str) -> str:
    """HTML for one short line (a question, a key point): inline Markdown and math only."""
    return markdown_html(text).removeprefix("<p>").removesuffix("</p>")


def list_html(items: tuple[str, ...]) -> str:
    """A bullet list of short items, or an empty string when there are none."""
    if not items:
        return ""
    return "<ul>" + "".join(f"<li>{inline_html(item)}</li>" for item in items) + "</ul>"


def _block_html(block: Block) -> str:
    """One paragraph, display formula or fenced code block."""
    if block.kind is BlockKind.DISPLAY:
        return f"<div>\\[{escape(block.latex.strip(), quote=False)}\\]</div>"
    if block.kind is BlockKind.FENCE:
        language = f' class="language-{escape(block.language)}"' if block.language else ""
        code = escape("\n".join(block.lines), quote=False)
        return f"<pre><code{language}>{code}</code></pre>"
    return f"<p>{spans_html(block.spans)}</p>"


def spans_html(spans: list[Span]) -> str:
    """Inline runs: escaped text, <b>, <code> and `\\(…\\)` math."""
    out = []
    for span in spans:
        text = escape(span.text, quote=False)
        if span.kind is SpanKind.BOLD:
            out.append(f"<b>{text}</b>")
        elif span.kind is SpanKind.CODE:
            out.append(f"<code>{text}</code>")
        elif span.kind is SpanKind.MATH:
            out.append(f"\\({escape(span.text.strip(), quote=False)}\\)")
        else:
            out.append(text)
    return "".join(out)
