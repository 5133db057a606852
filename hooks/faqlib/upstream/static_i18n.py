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
#: Priority of its on_files (reconfigure_files: each file's language, dest_uri
#: and alternates) and of its on_post_build, inside which the other languages build.
FILES_PRIORITY = -100
POST_BUILD_PRIORITY = -100

# The orders it forces on the FAQ build (hooks/faq.py), each with its reason:

#: The FAQ reads a language's files after static-i18n has given them their
#: language and place (a page's dest_uri under '<locale>/').
AFTER_ITS_FILES = FILES_PRIORITY - 100
#: A language's own outputs (faq.json, short links) are written before
#: static-i18n's on_post_build: that handler builds the other languages on the
#: same config and leaves it configured for the last one (its site_url,
#: theme language), so after it the default language's config is gone.
BEFORE_OTHER_LANGUAGES = POST_BUILD_PRIORITY + 100
#: What needs every language (the search indexes hold each other's words) is
#: written after it: in the default language's on_post_build, once the other
#: languages are built. An inner language's build passes here too (static-i18n
#: returns at once while it is building) and only leaves.
AFTER_OTHER_LANGUAGES = POST_BUILD_PRIORITY - 100


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
