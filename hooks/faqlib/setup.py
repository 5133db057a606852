"""The configuration the FAQ hooks need, checked once at on_config.

A setting we cannot serve fails here with what to change (PluginError), before
any page is built, rather than as a site with a feature silently missing.
With build.py (the pipeline's stages), the module of faqlib that speaks
MkDocs (its config and errors).
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit
from typing import Any

from mkdocs.exceptions import Abort, PluginError

from .extract import QuestionExtension
from .state import KEY, SiteState
from .upstream import material, static_i18n

#: The FAQ's stylesheet and script, which every page needs.
ASSET_JS = "assets/javascripts/faq.js"
ASSET_CSS = "assets/stylesheets/faq.css"
_REMOTE_URL = re.compile(r"^\s*([a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)


def config_problems(config: Any) -> list[str]:
    """What in mkdocs.yml the FAQ hooks cannot serve, each with the fix."""
    problems: list[str] = []
    if static_i18n.plugin(config) is None:
        problems.append("the FAQ needs the 'i18n' plugin (mkdocs-static-i18n); add it under 'plugins:'")
    else:
        if static_i18n.setting(config, "docs_structure") != "suffix":
            problems.append("set the i18n plugin's docs_structure to 'suffix' (page.md and page.en.md side by side)")
        if not static_i18n.setting(config, "reconfigure_material"):
            problems.append("set the i18n plugin's reconfigure_material to true: without it Material's interface stays in one language on every site")
        problems += language_problems(config)
    if config.theme.name != "material":
        problems.append("the FAQ's templates extend Material for MkDocs: set theme.name to 'material'")
    if not material.has_search(config):
        problems.append("add Material's 'search' plugin under 'plugins:': its search box and result list show our index")
    if config.get("use_directory_urls"):
        problems.append("set use_directory_urls to false: the site must open from disk, where folder addresses show a file listing instead of the page")
    if config.theme.get("font") is not False:
        problems.append("set theme.font to false: Material would load its web fonts from Google's servers")
    if "offline" in config.plugins or "material/offline" in config.plugins:
        problems.append("remove the 'offline' plugin: the site already works from disk, and it would load a worker shim from a CDN")
    remote = [entry for entry in [*map(str, config.get("extra_javascript") or []), *map(str, config.get("extra_css") or []), *map(str, config.extra.get("polyfills") or [])] if _REMOTE_URL.match(entry)]
    for entry in remote:
        problems.append(f"'{entry}' loads from another machine; ship the file under docs/assets/ instead")
    for entry in (ASSET_JS, ASSET_CSS):
        if entry not in [*map(str, config.get("extra_javascript") or []), *map(str, config.get("extra_css") or [])]:
            kind = "extra_javascript" if entry.endswith(".js") else "extra_css"
            problems.append(f"add '{entry}' to {kind}: the question tools (copy link, language switch, highlight) need it")
    if not any((Path(folder) / "short_link.html").is_file() for folder in config.theme.dirs):
        problems.append("set theme.custom_dir to the project's overrides/ folder: the FAQ's templates live there")
    if re.match(r"^https?://(www\.)?(github|gitlab)\.com/", str(config.get("repo_url") or "")):
        problems.append("remove repo_url: Material would ask GitHub's or GitLab's servers for the repository's facts on every page; link the repository in the text instead")
    extensions = set(config.get("markdown_extensions") or [])
    if "toc" in extensions and not (config.mdx_configs.get("toc") or {}).get("permalink"):
        problems.append("set 'permalink: true' under the toc extension: every question shows its permanent link")
    for name in ("attr_list", "toc"):
        if name not in extensions:
            problems.append(f"add '{name}' to markdown_extensions: questions need it ({'their ids' if name == 'attr_list' else 'their permalinks'})")
    for where, url in [("site_url (SITE_URL)", config.get("site_url")), *static_i18n.language_site_urls(config)]:
        if why := site_url_problem(url):
            problems.append(f"{where} is '{url}': {why}")
    allowed = config.extra.get("untranslated_ok") or []
    if not isinstance(allowed, list):
        problems.append("extra.untranslated_ok must be a list of pages, such as [new_page.md]")
        allowed = []
    for entry in allowed:
        if not isinstance(entry, str) or not (Path(config.docs_dir) / entry).is_file():
            problems.append(f"extra.untranslated_ok lists '{entry}', which is not a page in {config.docs_dir}; remove it or fix the name")
    return problems


def site_url_problem(url: str | None) -> str | None:
    """Why *url* cannot be the site's public address (every absolute URL we write
    starts with it, followed by a page path and '#id'), if it cannot."""
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "give the site's public address as http(s)://host/path/, or leave it unset for relative links"
    if parts.query or parts.fragment or "?" in url or "#" in url:
        return ("a site's address has no query ('?…') or fragment ('#…'): page addresses and '#question' are added to it; "
                f"use {urlunsplit(parts._replace(query='', fragment=''))}")
    if re.search(r"[\s\"'<>\\^`{|}]", url):
        return "it holds a space or a character that is not allowed in an address; write it percent-encoded (%20)"
    return None


def language_problems(config: Any) -> list[str]:
    """What in the i18n plugin's languages the FAQ cannot serve; static-i18n would
    stop on some with a traceback and build a wrong site with others."""
    if only := static_i18n.setting(config, "build_only_locale"):
        return [f"remove the i18n plugin's build_only_locale ('{only}'): the FAQ builds every language at once, "
                "and a site of one language links to the others"]
    problems: list[str] = []
    langs = [lang for lang in static_i18n.languages(config) if lang.code != static_i18n.NULL_LOCALE]
    codes = [lang.code for lang in langs]
    for code in dict.fromkeys(c for c in codes if codes.count(c) > 1):
        problems.append(f"the i18n plugin lists the language '{code}' {codes.count(code)} times under 'languages:'; keep one")
    defaults = [lang.code for lang in langs if lang.default]
    if len(defaults) > 1:
        problems.append(f"the i18n plugin's languages {', '.join(map(repr, defaults))} each have 'default: true'; "
                        "exactly one language is the default: the one written in the files without a language suffix (page.md)")
    for lang in langs:
        if not lang.build:
            problems.append(f"the i18n plugin's language '{lang.code}' has 'build: false': the FAQ builds every language it "
                            "lists (the language selector and the search of the other language lead to it); set 'build: true', "
                            f"or remove '{lang.code}' from 'languages:' for a site in fewer languages")
    if not static_i18n.setting(config, "fallback_to_default"):
        problems.append("set the i18n plugin's fallback_to_default to true: a page not yet translated is then shown in the "
                        "default language with a notice, instead of missing from the other language's site")
    if len(defaults) == 1 and static_i18n.setting(config, "docs_structure") == "suffix":
        default = defaults[0]
        clash = _suffixed_twins(config, default)
        if clash:
            other = [c for c in codes if c != default]
            problems.append(
                f"the default language is '{default}' ('default: true'), but {clash} are both written in it with a suffix: "
                f"the files without a suffix (page.md) are the default language's. Move 'default: true' to the language "
                f"those files are written in{' (' + ' or '.join(map(repr, other)) + ')' if other else ''}")
    return problems


def _suffixed_twins(config: Any, code: str) -> str | None:
    """'index.md and index.en.md' when a page exists both without a suffix and with the suffix *code*."""
    docs = Path(config.docs_dir)
    exclude = config.get("exclude_docs")
    for path in sorted(docs.rglob(f"*.{code}.md")):
        rel = path.relative_to(docs).as_posix()
        if any(part.startswith(".") for part in rel.split("/")) or (exclude is not None and exclude.match_file(rel)):
            continue
        twin = rel[: -len(f".{code}.md")] + ".md"
        if (docs / twin).is_file():
            return f"{twin} and {rel}"
    return None


def site_state(config: Any) -> SiteState:
    """This build's state, made (with its markdown extension) on the first call;
    raises PluginError when the configuration cannot be served."""
    state = config.get(KEY)
    if state is None:
        if problems := config_problems(config):
            raise PluginError("mkdocs.yml: " + "\n  ".join(["the FAQ cannot be built with this configuration:", *problems]))
        state = SiteState(QuestionExtension())
        config[KEY] = state
    if not any(ext is state.extension for ext in config.markdown_extensions):
        config.markdown_extensions.append(state.extension)
    return state


#: Why a --dirty build is refused (mkdocs build --dirty, mkdocs serve --dirty).
DIRTY = (
    "the FAQ cannot be built with --dirty: faq.json, the search index, the short links and the id "
    "checks read every page, and a dirty build reads only the changed ones (it would report false "
    "mistakes and write a partial index). Build without --dirty; `mkdocs serve` rebuilds in full"
)


def refuse_dirty(dirty: bool) -> None:
    """Stop a --dirty build before it starts, saying why (PluginError: no traceback)."""
    if dirty:
        raise PluginError(DIRTY)


def stop_unheard_mistakes(config: Any, mistakes: list[str]) -> None:
    """Stop a strict build whose author mistakes logging did not let through.

    MkDocs counts warnings for --strict with a logging handler, and -q raises
    the 'mkdocs' logger to ERROR, so our warnings are dropped before they are
    counted and the site ships with them (mkdocs#4126, open in MkDocs 1.6.1).
    Then the mistakes are said here, each at its file:line, and the build
    stops. Otherwise MkDocs has heard them and stops the build itself."""
    if not config.get("strict") or not mistakes or logging.getLogger("mkdocs").isEnabledFor(logging.WARNING):
        return
    listed = "\n".join(f"  {m}" for m in mistakes)
    raise Abort(f"Aborted with {len(mistakes)} FAQ mistake(s) in strict mode:\n{listed}")
