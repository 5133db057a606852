"""The one reader of FAQ pages: a Python-Markdown extension that runs inside
MkDocs' own conversion of every page.

It decides what a question is on the rendered tree (after attr_list has set
the authors' {#id}s, before toc adds slugs and permalinks), so that the page,
the home-page lists, faq.json, JSON-LD, search and short links can never
disagree: a heading whose text starts with 'Q:' is a question, wherever and
however it was written. What merely looks like a question (a paragraph that
starts with '## Q:', a question line swallowed by a code block) is a finding
at its file:line. Remote resources and script links are findings too.
"""

from __future__ import annotations

import html
import re
import unicodedata
import xml.etree.ElementTree as etree
from collections import Counter
from collections.abc import Iterator
from html.parser import HTMLParser

from markdown import Markdown, util
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from .ids import id_problem, legacy_slug, new_id
from . import linemarks
from .locate import Locator
from .model import ALMOST_QUESTION, ANSWER_PREFIX, QUESTION_PREFIX, Finding, PageQuestions, Question
from .text import element_lines, inline_html, resolve_placeholders, strip_tags
from .upstream import markdown as upstream

_HEADINGS = {f"h{n}": n for n in range(1, 7)}
#: Text that an author meant as a question heading but did not render as one.
_LOOKS_LIKE_QUESTION = re.compile(r"^\s*#{1,6}\s*Q\s*[:：]")
#: A literal attribute list left in a heading: '文本{#id}' (no space before '{').
_LITERAL_ATTRS = re.compile(r"\{:?\s*#[^{}\s]+[^{}]*\}\s*$")
#: An opening fence with a language, the telltale of a fence closed wrongly.
_FENCE_WITH_INFO = re.compile(r"^\s*(`{3,}|~{3,})\s*[\w.+-]+")
_FENCE_START = re.compile(r"^\s*(`{3,}|~{3,})")
#: Attributes that make the browser load something.
_LOADING = {"img": "src", "source": "src", "script": "src", "iframe": "src", "video": "src", "audio": "src",
            "embed": "src", "object": "data", "link": "href", "input": "src", "track": "src"}
_REMOTE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)""", re.IGNORECASE)
_SCRIPT_URL = re.compile(r"^[\s\x00-\x1f]*(?:javascript|vbscript)\s*:", re.IGNORECASE)
#: Raw HTML that is only line breaks: the '<br/>' MindSpore's sources put
#: between questions.
_ONLY_BREAKS = re.compile(r"^(?:\s*<br\s*/?>)+\s*$", re.IGNORECASE)
#: The class of a paragraph that is only line breaks (faq.css hides it).
SPACER_CLASS = "faq-spacer"

REMOTE_FIX = (
    "the site must open with no network: save the file under docs/assets/ and use it from there, "
    "or turn it into a plain link such as [label]({url})"
)


def remote_problem(tag: str, url: str) -> str:
    return f"<{tag}> loads {url} from another machine; " + REMOTE_FIX.format(url=url)


def script_link_problem(url: str) -> str:
    short = url if len(url) <= 40 else url[:37] + "…"
    return f"the link '{short}' runs a script; link to a page or an address instead"


class _Attrs(HTMLParser):
    """Element ids, loaded URLs and link targets of a raw HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.loads: list[tuple[str, str]] = []
        self.links: list[str] = []
        self.headings: list[str] = []  # text of raw <h1>…<h6>
        self.in_heading = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if values.get("id"):
            self.ids.append(values["id"])
        if tag in _LOADING and values.get(_LOADING[tag]):
            self.loads.append((tag, values[_LOADING[tag]]))
        for candidate in values.get("srcset", "").split(","):
            if candidate.strip():
                self.loads.append((tag, candidate.split()[0]))
        for url in _CSS_URL.findall(values.get("style", "")):
            self.loads.append((tag, url))
        if tag in ("a", "area") and values.get("href"):
            self.links.append(values["href"])
        if tag in _HEADINGS:
            self.headings.append("")
            self.in_heading = True

    def handle_endtag(self, tag: str) -> None:
        if tag in _HEADINGS and self.headings:
            self.headings[-1] = " ".join(self.headings[-1].split())
            self.in_heading = False

    def handle_data(self, data: str) -> None:
        if self.in_heading:
            self.headings[-1] += data
        if self.lasttag == "style":
            self.loads.extend(("style", url) for url in _CSS_URL.findall(data))


#: Markup that _Attrs can find loads, links or headings in: a heading or
#: style element, or an attribute it reads; with ids, an id too.
#: Highlighted code (most of the stash) has only ids (`<pre id="__code_0">`),
#: and parsing it is most of a code-heavy page's conversion.
_MAYBE_ATTRS = re.compile(r"<(?:h[1-6]|style)\b|<[a-z][^>]*?[\s/](?:src|srcset|data|href|style)\s*=", re.IGNORECASE)
_MAYBE_IDS = re.compile(r"<[a-z][^>]*?[\s/]id\s*=", re.IGNORECASE)


def _attrs(markup: str, ids: bool) -> _Attrs:
    """What a raw HTML fragment holds; with *ids* False, its ids may be left out."""
    parser = _Attrs()
    if _MAYBE_ATTRS.search(markup) or (ids and _MAYBE_IDS.search(markup)):
        parser.feed(markup)
        parser.close()
    return parser


def _walk(parent: etree.Element) -> Iterator[tuple[etree.Element, int, etree.Element]]:
    """(parent, index, child) for every element below *parent*, in reading order."""
    for index, child in enumerate(list(parent)):
        yield parent, index, child
        yield from _walk(child)


def _normal(text: str) -> str:
    """Question text as compared for repeats: '？' and '?' are one question."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


class _Conversion:
    """What is known while one page converts."""

    def __init__(self, lines: list[str]) -> None:
        self.locator = Locator(lines)
        self.result = PageQuestions()


class _SourcePreprocessor(Preprocessor):
    """Keeps the page's lines as the author wrote them, for file:line."""

    def __init__(self, md: Markdown, sink: QuestionExtension) -> None:
        super().__init__(md)
        self.sink = sink

    def run(self, lines: list[str]) -> list[str]:
        self.sink.conversion = _Conversion(list(lines))
        return linemarks.mark_lines(lines)


class _UnmarkPostprocessor(Postprocessor):
    """The last step of the conversion: no line mark is left in the page's HTML."""

    def run(self, text: str) -> str:
        return linemarks.strip_html(text)


class _QuestionTreeprocessor(Treeprocessor):
    """Decide the page's questions; add an anchor for each legacy slug."""

    def __init__(self, md: Markdown, sink: QuestionExtension) -> None:
        super().__init__(md)
        self.sink = sink

    def _stash(self, index: int) -> str:
        return linemarks.strip(upstream.stashed_html(self.md, index))

    @staticmethod
    def _unmark(root: etree.Element) -> dict[int, int]:
        """Remove the line marks from the tree; return the 0-based source line
        of each heading and paragraph that held one (by id() of the element):
        the line its text starts on."""
        starts: dict[int, int] = {}
        for el in root.iter():
            if el.tag in _HEADINGS or el.tag == "p":
                text = "".join(el.itertext())
                if found := linemarks.marks(text):
                    offset, index = found[0]
                    starts[id(el)] = index - linemarks.strip(text)[:offset].count("\n")
        for el in root.iter():
            for name in ("text", "tail"):
                value = getattr(el, name)
                if value:
                    clean = linemarks.strip(value)
                    if clean != value:
                        setattr(el, name, util.AtomicString(clean) if isinstance(value, util.AtomicString) else clean)
            for key, value in el.attrib.items():
                if value and linemarks.strip(value) != value:
                    el.set(key, linemarks.strip(value))
        return starts

    def _text(self, elements: list[etree.Element]) -> str:
        lines = (" ".join(resolve_placeholders(line, self._stash).split()) for line in element_lines(elements))
        return "\n".join(line for line in lines if line)

    def run(self, root: etree.Element) -> None:
        conversion = self.sink.conversion or _Conversion([])
        self.sink.conversion = conversion
        locate, found = conversion.locator, conversion.result
        starts = self._unmark(root)  # exact lines, from the marks of _SourcePreprocessor
        last = -1  # index of the last source line known, to search in reading order
        after: dict[int, int] = {}  # stash index -> the last line known before its placeholder
        taken = {el.get("id") for el in root.iter() if el.get("id")}
        seen: dict[str, Question] = {}
        inside: dict[int, tuple[int, str, int]] = {}  # a question in another's answer -> (line, label, level) of that one
        for parent, index, el in _walk(root):
            for text in (el.text, el.tail):
                for match in upstream.HTML_PLACEHOLDER.finditer(text or ""):
                    after.setdefault(int(match.group(1)), last)
            last = self._loads(el, locate, found, last)
            level = _HEADINGS.get(el.tag)
            if level is None:
                if el.tag == "p":
                    last = self._paragraph(el, locate, found, last, starts.get(id(el)))
                    self._mark_spacer(el)
                continue
            heading = " ".join(self._text([el]).split())
            own = starts.get(id(el))
            if not QUESTION_PREFIX.match(heading):
                if ALMOST_QUESTION.match(heading):
                    at = own if own is not None else locate.heading(heading, last)
                    last = max(last, at)
                    found.findings.append(Finding(locate.number(at), heading, "this heading starts like a question but has no ':' after 'Q'; write 'Q: …' if it is one, or reword it", "structure"))
                continue
            last = own if own is not None else locate.heading(heading, last)
            line = locate.number(last)
            text = QUESTION_PREFIX.sub("", heading, count=1)
            qid = el.get("id") or ""
            literal = _LITERAL_ATTRS.search(text)
            if literal:
                text = text[: literal.start()].rstrip()
            label = text if len(text) <= 60 else text[:57] + "…"
            if literal:
                found.findings.append(Finding(line, label, f"'{literal.group(0).strip()}' is shown as text: put a space before '{{' so that it sets the id", "structure"))
            if not text:
                found.findings.append(Finding(line, qid, "the question text is empty (an image or markup alone is no question); write the question after 'Q:'"))
            if not qid:
                hint = new_id(text, taken)
                taken.add(hint)
                if not literal:
                    found.findings.append(Finding(line, label, f"the question has no id; end the heading with a stable id such as {{#{hint}}}, or run make ids (it writes one into every language, made from the English question)", "no-id"))
            elif why := id_problem(qid):
                found.findings.append(Finding(line, label, f"{why}; use e.g. {{#{new_id(text, taken)}}}", "structure"))
            if outer := inside.get(id(el)):
                found.findings.append(Finding(line, label, (
                    f"this question is inside the answer of the question at line {outer[0]} ('{outer[1]}'): an answer runs "
                    "to the next heading of its level or higher, so this question and its answer would be read as part of "
                    f"that answer (faq.json, search); give it the same level as the questions around it ({'#' * outer[2]} Q:), "
                    "or make the outer heading a topic without 'Q:'"), "structure"))
            body = self._answer(parent, index, level)
            for child in body:
                if child.tag in _HEADINGS and self._is_question(child):
                    inside.setdefault(id(child), (line, label, level))
            answer = ANSWER_PREFIX.sub("", self._text(body), count=1)
            if not answer.strip():
                found.findings.append(Finding(line, label, "the question has no answer; write 'A: …' below the heading"))
            if text and (first := seen.get(_normal(text))):
                found.findings.append(Finding(line, label, f"the same question is already asked at line {first.line}; remove or merge the duplicate", "duplicate"))
            markup = QUESTION_PREFIX.sub("", inline_html(el, self._stash), count=1)
            if literal:
                markup = _LITERAL_ATTRS.sub("", markup).rstrip()
            alias = legacy_slug(heading)
            # A question without an id fails the build; an alias would only
            # collide with the slug toc gives its heading.
            aliases = (alias,) if qid and alias and alias != qid else ()
            for name in aliases:
                anchor = etree.Element("span", {"id": name, "class": "faq-alias", "data-faq-alias-of": qid})
                anchor.tail, el.text = el.text, None
                el.insert(0, anchor)
            el.set("class", " ".join(filter(None, [el.get("class"), "faq-question"])))
            question = Question(qid, text, answer, aliases, level, line, markup)
            seen.setdefault(_normal(text), question)
            found.questions.append(question)
        self._stashed(locate, found, after)

    def _is_question(self, el: etree.Element) -> bool:
        return QUESTION_PREFIX.match(" ".join(self._text([el]).split())) is not None

    def _answer(self, parent: etree.Element, index: int, level: int) -> list[etree.Element]:
        """The siblings after a question, up to the next heading of its level or
        higher, or up to a block (an admonition, <details>, a list) that holds a question."""
        body: list[etree.Element] = []
        for sibling in list(parent)[index + 1 :]:
            sibling_level = _HEADINGS.get(sibling.tag)
            if sibling_level and sibling_level <= level:
                break
            if not sibling_level and any(el.tag in _HEADINGS and self._is_question(el) for el in sibling.iter()):
                break
            body.append(sibling)
        return body

    def _mark_spacer(self, el: etree.Element) -> None:
        """A paragraph of line breaks only (the sources' '<br/>' between
        questions) is empty space, about a line and a half on screen: mark it,
        so the stylesheet can drop it while the source keeps it."""
        if len(el) or not el.text or not upstream.HTML_PLACEHOLDER.search(el.text):
            return
        raw = upstream.HTML_PLACEHOLDER.sub(lambda m: self._stash(int(m.group(1))), el.text)
        if _ONLY_BREAKS.match(raw):
            el.set("class", " ".join(filter(None, [el.get("class"), SPACER_CLASS])))

    def _paragraph(self, el: etree.Element, locate: Locator, found: PageQuestions, last: int, line: int | None) -> int:
        """A paragraph that an author meant as a question heading, or as a code fence.
        *line* is the paragraph's first line when a mark in it says so."""
        start = (el.text or "").lstrip()
        # Only the paragraph's own words: a code block or raw HTML waits in
        # the stash behind a placeholder paragraph of its own.
        own = "\n".join(" ".join(upstream.HTML_PLACEHOLDER.sub("", line).split()) for line in element_lines([el]))
        first_line = resolve_placeholders(own.strip(), self._stash).split("\n", 1)[0]
        if _LOOKS_LIKE_QUESTION.match(first_line):
            at = line if line is not None else locate.text(first_line.lstrip("# "), last)
            found.findings.append(Finding(
                locate.number(at), QUESTION_PREFIX.sub("", first_line.lstrip("# ")),
                "this line looks like a question but is not a heading; start the line with '## ' "
                "(no spaces before it) and leave a blank line above it", "structure"))
            return at
        # A fence that never closes is a paragraph: its backticks are text, or
        # (with backticks further down) open an inline code span over lines.
        first = el[0] if len(el) else None
        spans_lines = not start and first is not None and first.tag == "code" and "\n" in (first.text or "")
        if _FENCE_START.match(start) or spans_lines:
            start = start or f"```{(first.text or '').split(chr(10), 1)[0]}"
            at = line if line is not None else locate.block(start.split("\n", 1)[0], "".join(el.itertext()).split("\n")[1:], last)
            found.findings.append(Finding(
                locate.number(at), "",
                f"the code block opened with '{start.split(chr(10), 1)[0].strip()}' is never closed; "
                "end it with a line of ``` alone", "structure"))
            return at
        return last

    @staticmethod
    def _loads(el: etree.Element, locate: Locator, found: PageQuestions, last: int) -> int:
        """A remote image or a script link written in markdown, at its line."""
        if el.tag == "img" and _REMOTE.match(el.get("src", "")):
            url = el.get("src", "")
            at = locate.text(url, last - 1)
            found.findings.append(Finding(locate.number(at), "", remote_problem("img", url)))
            return max(last, at)
        if el.tag == "a" and _SCRIPT_URL.match(el.get("href", "")):
            url = el.get("href", "")
            at = locate.text(url, last - 1)
            found.findings.append(Finding(locate.number(at), "", script_link_problem(url)))
            return max(last, at)
        return last

    def _stashed(self, locate: Locator, found: PageQuestions, after: dict[int, int]) -> None:
        """Raw HTML and code blocks wait in the stash: check what they load and link,
        and find question lines that a wrongly closed code fence swallowed. A
        question line keeps its mark in the stash; a URL is searched for from
        the last line known before the block's place in the page."""

        def line_of(raw: str, needle: str, last: int) -> int:
            marked = linemarks.marks(raw)
            return marked[0][1] if marked else locate.text(needle, last)

        for index in range(upstream.stash_size(self.md)):
            raw = upstream.stashed_html(self.md, index)
            markup = linemarks.strip(raw)
            last = after.get(index, -1)
            attrs = _attrs(markup, ids=False)
            for tag, url in attrs.loads:
                if _REMOTE.match(url):
                    found.findings.append(Finding(locate.number(locate.text(url, last)), "", remote_problem(tag, url)))
            for text in _attrs(raw, ids=False).headings if attrs.headings else ():
                clean = linemarks.strip(text)
                if QUESTION_PREFIX.match(clean):
                    found.findings.append(Finding(
                        locate.number(line_of(text, clean, last)), QUESTION_PREFIX.sub("", clean),
                        "a question written as a raw HTML heading is not read as one; write it in markdown: '## Q: … {#id}'", "structure"))
            for url in attrs.links:
                if _SCRIPT_URL.match(url):
                    found.findings.append(Finding(locate.number(locate.text(url, last)), "", script_link_problem(url)))
            if "<code" not in markup:
                continue
            code_lines = html.unescape(strip_tags(raw)).split("\n")
            if not any(_FENCE_WITH_INFO.match(linemarks.strip(line)) for line in code_lines):
                continue
            for line in code_lines:
                clean = linemarks.strip(line)
                if _LOOKS_LIKE_QUESTION.match(clean):
                    text = QUESTION_PREFIX.sub("", clean.lstrip("# "))
                    found.findings.append(Finding(
                        locate.number(line_of(line, clean.strip(), last)), text,
                        "this question is inside a code block: a fence above it is closed with a language "
                        "(such as ```python); a closing fence is ``` alone", "structure"))


class _IdTreeprocessor(Treeprocessor):
    """After toc: every id on the page, and the ones given twice."""

    def __init__(self, md: Markdown, sink: QuestionExtension) -> None:
        super().__init__(md)
        self.sink = sink

    def run(self, root: etree.Element) -> None:
        conversion = self.sink.conversion
        if conversion is None:
            return
        found = conversion.result
        ids = [el.get("id") for el in root.iter() if el.get("id")]
        for index in range(upstream.stash_size(self.md)):
            ids += _attrs(upstream.stashed_html(self.md, index), ids=True).ids
        found.element_ids = ids
        counts = Counter(ids)
        toc_renamed = {re.sub(r"_\d+$", "", i) for i in ids if re.search(r"_\d+$", i)}
        # Two questions with one id, or one legacy anchor (the same question
        # twice), have their own messages at the later one's line.
        same_kind = {"id": Counter(q.id for q in found.questions if q.id),
                     "legacy anchor": Counter(a for q in found.questions for a in q.aliases)}
        for q in found.questions:
            for name, what in [(q.id, "id"), *((alias, "legacy anchor") for alias in q.aliases)]:
                if not name:
                    continue
                if counts[name] > 1 and counts[name] == same_kind[what][name]:
                    continue
                if counts[name] > 1:
                    found.findings.append(Finding(q.line, q.label, f"its {what} '{name}' is also the id of another element on this page (a question's id or legacy anchor, or an HTML id); each id must be unique on its page: choose another id", "structure"))
                elif name in toc_renamed:
                    found.findings.append(Finding(q.line, q.label, f"its {what} '{name}' is also the anchor of another heading on this page; choose another id", "structure"))


class QuestionExtension(Extension):
    """Registers the reader; `take()` hands over what the last conversion found."""

    def __init__(self) -> None:
        super().__init__()
        self.conversion: _Conversion | None = None

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown API)
        self.conversion = None
        md.preprocessors.register(_SourcePreprocessor(md, self), "faq_source", upstream.FIRST_PREPROCESSOR_PRIORITY)
        md.postprocessors.register(_UnmarkPostprocessor(md), "faq_unmark", upstream.LAST_POSTPROCESSOR_PRIORITY)
        # Between attr_list (authors' ids set) and toc (slugs, permalinks added).
        md.treeprocessors.register(_QuestionTreeprocessor(md, self), "faq_questions", (upstream.ATTR_LIST_PRIORITY + upstream.TOC_PRIORITY) / 2)
        # After toc: every heading has its final id.
        md.treeprocessors.register(_IdTreeprocessor(md, self), "faq_ids", upstream.TOC_PRIORITY - 1)

    def take(self) -> PageQuestions:
        """What the last conversion found (empty if none ran)."""
        conversion, self.conversion = self.conversion, None
        return conversion.result if conversion else PageQuestions()
