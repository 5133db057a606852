"""mkdocs-static-i18n internals, read from version 1.3.1 (plugin.py, reconfigure.py, suffix.py).

static-i18n builds the default language, then, from inside that build's
on_post_build (priority -100), every other language on the same config. Its
plugin object knows which language it is building; a language's pages are
written under '<locale>/' (not under its 'link', which only the switcher uses).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: The releases this adapter was read from (tests/test_upstream.py pins them).
READ_FROM = {"mkdocs-static-i18n": "1.3.1"}

PLUGIN = "i18n"
#: The locale of a language-switcher entry that is never built (its fixed_link).
NULL_LOCALE = "null"
#: Priority of its on_post_build, inside which the other languages build.
POST_BUILD_PRIORITY = -100


@dataclass(frozen=True)
class I18nLanguage:
    code: str
    default: bool
    build: bool


def plugin(config: Any) -> Any | None:
    """The static-i18n plugin object, if configured."""
    return config.plugins.get(PLUGIN)


def languages(config: Any) -> list[I18nLanguage]:
    """The configured languages, default first."""
    langs = [I18nLanguage(lang.locale, bool(lang.default), bool(lang.build)) for lang in plugin(config).config.languages]
    return sorted(langs, key=lambda lang: not lang.default)


def language_site_urls(config: Any) -> list[tuple[str, str]]:
    """('languages[en].site_url', url) for each language that sets its own site_url
    (static-i18n puts it in config.site_url while that language builds)."""
    i18n = plugin(config)
    if i18n is None:
        return []
    return [(f"the i18n plugin's languages[{lang.locale}].site_url", lang.site_url)
            for lang in i18n.config.languages if lang.site_url]


def current_language(config: Any) -> str:
    """The language static-i18n is building now (its own record of it)."""
    i18n = plugin(config)
    return i18n.current_language or i18n.default_language


def setting(config: Any, name: str) -> Any:
    """One of the plugin's options (docs_structure, reconfigure_material, …)."""
    return plugin(config).config[name]


def output_folder(code: str, default: bool) -> str:
    """Where static-i18n writes a language's pages, relative to site_dir."""
    return "" if default else f"{code}/"


def file_language(file: Any, fallback: str) -> str:
    """The language a (reconfigured) file's content is written in."""
    return getattr(file, "locale", None) or fallback
