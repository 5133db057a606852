"""The FAQ markdown files of a docs folder, by language (static-i18n suffix layout:
'page.md' in the default language, 'page.<lang>.md' in the others)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .source import SourceQuestion, decode_source, scan_questions


@dataclass(frozen=True)
class SourcePage:
    """One markdown file and the questions written in it."""

    path: str
    base: str
    lang: str
    questions: tuple[SourceQuestion, ...]


@lru_cache(maxsize=4096)
def _questions(path: str, rel: str, mtime_ns: int, size: int) -> tuple[SourceQuestion, ...]:
    # Keyed by mtime and size, so `mkdocs serve` rescans only edited files.
    return tuple(scan_questions(decode_source(Path(path).read_bytes(), rel)))


def load_page(docs_dir: Path, rel: str, base: str, lang: str) -> SourcePage:
    """Read one source file (raises SourceError when it is not UTF-8)."""
    path = docs_dir / rel
    stat = path.stat()
    return SourcePage(rel, base, lang, _questions(str(path), rel, stat.st_mtime_ns, stat.st_size))


@dataclass(frozen=True)
class FaqSources:
    """All markdown pages, by language and logical name ('feature_advice.md')."""

    by_lang: dict[str, dict[str, SourcePage]]

    def pages(self, lang: str) -> list[SourcePage]:
        """Pages of *lang* that hold questions, by path."""
        return [p for _, p in sorted(self.by_lang.get(lang, {}).items()) if p.questions]

    def page(self, lang: str, base: str) -> SourcePage | None:
        """The page *base* written in *lang*, if there is one."""
        return self.by_lang.get(lang, {}).get(base)

    def translation(self, page: SourcePage, lang: str) -> SourcePage | None:
        """The *lang* version of a default-language page, if written."""
        return self.page(lang, page.base)


def split_language(rel: str, languages: list[str]) -> tuple[str, str | None]:
    """'a/page.en.md' -> ('a/page.md', 'en'); 'a/page.md' -> ('a/page.md', None)."""
    stem, _, _ = rel.rpartition(".md")
    head, dot, suffix = stem.rpartition(".")
    if dot and suffix in languages:
        return head + ".md", suffix
    return rel, None


def faq_sources(docs_dir: Path, default: str, others: list[str]) -> FaqSources:
    """Read every markdown file under *docs_dir*."""
    by_lang: dict[str, dict[str, SourcePage]] = {lang: {} for lang in [default, *others]}
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        base, lang = split_language(rel, [default, *others])
        by_lang[lang or default][base] = load_page(docs_dir, rel, base, lang or default)
    return FaqSources(by_lang)
