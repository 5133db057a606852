"""The private upstream APIs behind hooks/faqlib/upstream/ still have the shape we read.

Each test fails loudly, naming the adapter, when a new release of Python-Markdown,
mkdocs-static-i18n or Material changes what the adapter relies on.
"""

from __future__ import annotations

import importlib
import inspect
import re
from importlib.metadata import version
from pathlib import Path

import markdown
import pytest
from faqlib.upstream import markdown as md_adapter
from faqlib.upstream import material, static_i18n

from tests.conftest import ROOT



ADAPTERS = ["jieba", "markdown", "material", "mkdocs", "static_i18n"]


@pytest.mark.parametrize("adapter", ADAPTERS)
def test_versions_are_the_ones_the_adapters_were_read_from(adapter):
    """A new release of any of them fails here first: read its code again,
    mend the adapter, then its READ_FROM."""
    module = importlib.import_module(f"faqlib.upstream.{adapter}")
    for package, read in module.READ_FROM.items():
        assert version(package) == read, f"{package} is {version(package)}; faqlib/upstream/{adapter}.py was read from {read}"


def test_markdown_stash_and_priorities():
    md = markdown.Markdown(extensions=["attr_list", "toc", "pymdownx.superfences"])
    tree_html = md.convert("<div>raw</div>\n\n```python\nx\n```\n\n\\*escaped\\*\n")
    assert "raw" in tree_html
    assert md_adapter.stash_size(md) >= 2, "htmlStash.rawHtmlBlocks moved (faqlib/upstream/markdown.py)"
    stashed = [md_adapter.stashed_html(md, i) for i in range(md_adapter.stash_size(md))]
    assert any("raw" in block for block in stashed) and any("<code" in block for block in stashed)
    placeholder = md.htmlStash.store("<b>x</b>")
    assert md_adapter.HTML_PLACEHOLDER.fullmatch(placeholder), "the raw HTML placeholder format changed"
    assert md_adapter.ESCAPE_PLACEHOLDER.fullmatch(f"{markdown.util.STX}42{markdown.util.ETX}")
    assert md.treeprocessors.get_index_for_name("attr_list") < md.treeprocessors.get_index_for_name("toc")
    priorities = {item.name: item.priority for item in md.treeprocessors._priority}
    assert priorities["attr_list"] == md_adapter.ATTR_LIST_PRIORITY
    assert priorities["toc"] == md_adapter.TOC_PRIORITY
    pre = {item.name: item.priority for item in md.preprocessors._priority}
    assert max(pre.values()) < md_adapter.FIRST_PREPROCESSOR_PRIORITY


def test_static_i18n_plugin_shape():
    from mkdocs_static_i18n.plugin import I18n
    from mkdocs_static_i18n.reconfigure import ExtendedPlugin

    plugin = I18n()
    for name in ("current_language", "building"):
        assert hasattr(plugin, name), f"static-i18n lost '{name}' (faqlib/upstream/static_i18n.py)"
    assert isinstance(inspect.getattr_static(ExtendedPlugin, "default_language"), property)
    assert getattr(I18n.on_post_build, "mkdocs_priority", None) == static_i18n.POST_BUILD_PRIORITY
    # It writes a language's pages under '<locale>/' (suffix.create_i18n_file).
    source = inspect.getsource(__import__("mkdocs_static_i18n.suffix", fromlist=["x"]).create_i18n_file)
    assert "locale_site_dir = current_language if current_language != default_language else \"\"" in source
    assert static_i18n.output_folder("en", False) == "en/" and static_i18n.output_folder("zh", True) == ""


def test_material_search_plugin_templates_and_icon():
    from importlib.metadata import entry_points

    names = {ep.name for ep in entry_points(group="mkdocs.plugins")}
    assert "material/search" in names and "material/search" in material.SEARCH_PLUGINS
    theme = Path(__import__("material").__file__).parent / "templates"
    assert (theme / material.ICON).is_file(), "Material moved its icons (faqlib/upstream/material.py)"
    base = (theme / "base.html").read_text(encoding="utf-8")
    for block in ("extrahead", "content", "scripts"):
        assert f"{{% block {block} %}}" in base, f"Material's base.html lost block '{block}' (overrides/main.html)"
    assert 'id="__config"' in base or "__config" in base
    from material.plugins.search import plugin as search_plugin

    assert 'search.get("exclude")' in inspect.getsource(search_plugin), "Material no longer reads page.meta search.exclude"
    for folder in material.SEARCH_WORKER_FILES:  # what the build leaves out is still there to leave out
        assert list((theme / folder).glob("*.js")) or list((theme / folder).rglob("*.min.js")), \
            f"Material no longer ships {folder} (faqlib/upstream/material.py SEARCH_WORKER_FILES)"


def test_material_search_worker_files_are_the_themes_never_an_authors(tmp_path):
    """What the build leaves out: Material's worker and lunr files, not an
    author's file of the same folder (MkDocs joins its path onto docs_dir)."""
    from types import SimpleNamespace as File

    docs = tmp_path / "docs"
    theme = File(src_uri="assets/javascripts/lunr/min/lunr.ja.min.js", abs_src_path=str(tmp_path / "material" / "assets/javascripts/lunr/min/lunr.ja.min.js"))
    author = File(src_uri="assets/javascripts/workers/mine.js", abs_src_path=str(docs / "assets/javascripts/workers/mine.js"))
    ours = File(src_uri="assets/javascripts/faq.js", abs_src_path=str(tmp_path / "material" / "assets/javascripts/faq.js"))
    assert material.search_worker_files([theme, author, ours], str(docs)) == [theme]


def test_jieba_reads_its_cache_through_the_adapter():
    """faqlib/upstream/jieba.py: jieba 0.42.1 reads its dictionary's cache with
    its module's marshal.load, which the adapter stands in for while a
    tokenizer initializes; the tokenizer then holds the whole dictionary."""
    import jieba
    from faqlib.tokenizer import _jieba
    from faqlib.upstream import jieba as jieba_adapter

    _jieba()  # the cache exists from here on (jieba writes it on first use)
    fresh = jieba.Tokenizer()
    assert jieba_adapter.initialize(fresh) == 1, "jieba no longer reads its cache with marshal.load (faqlib/upstream/jieba.py)"
    assert fresh.initialized and jieba.marshal is __import__("marshal")
    assert len(fresh.FREQ) > 300_000 and fresh.FREQ["梯度"] > 0
    assert fresh.lcut("请问是否支持梯度截断") == ["请问", "是否", "支持", "梯度", "截断"]  # without our user dictionary


def canonical(name: str) -> str:
    """A distribution's name as pip compares names (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(*files: str) -> dict[str, str]:
    """The exact pins (name==version, extras allowed) of the requirement
    *files*: {canonical name: version}."""
    found = {}
    for name in files:
        for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
            if match := re.fullmatch(r"([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?==(\S+)", line.strip()):
                found[canonical(match.group(1))] = match.group(2)
    return found


def test_project_pins_the_versions_of_the_adapters():
    """requirements.txt pins exactly the release each adapter was read from (its READ_FROM)."""
    pinned = pins("requirements.txt")
    for adapter in ADAPTERS:
        for package, read in importlib.import_module(f"faqlib.upstream.{adapter}").READ_FROM.items():
            assert pinned.get(canonical(package)) == read, f"requirements.txt does not pin {package}=={read} (faqlib/upstream/{adapter}.py)"


def test_every_installed_package_is_pinned():
    """Every distribution in this environment is pinned exactly in a
    requirement file (a release pulled in unpinned, as python-dateutil 4's
    tzdata was, is a different site on the next machine). The benchmark's
    file counts only where `make bench` has installed it."""
    from importlib.metadata import distributions

    pinned = pins("requirements.txt", "requirements-test.txt", "requirements-bench.txt")
    # The venv's own installers: pip (the Makefile pins it), and the setuptools
    # that Python 3.11's venv brings with it.
    installed = {canonical(d.metadata["Name"]): d.version for d in distributions()}
    unpinned = {name: v for name, v in installed.items() if pinned.get(name) != v and name not in ("pip", "setuptools")}
    assert not unpinned, f"installed but not pinned as installed (name: version): {unpinned}"


def test_mkdocs_anchor_ids_and_generated_files():
    """faqlib/upstream/mkdocs.py: MkDocs 1.6.1 checks anchors against page.present_anchor_ids
    after on_env, and a File.generated's dest_uri can be set."""
    import mkdocs
    from faqlib.upstream import mkdocs as mk_adapter
    from mkdocs.commands import build
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

    assert "MkDocs 1.6.1" in mk_adapter.__doc__ and mkdocs.__version__ == "1.6.1"
    assert "anchor in page.present_anchor_ids" in inspect.getsource(Page.validate_anchor_links)
    source = inspect.getsource(build.build)
    assert source.index("on_env(") < source.index("copy_static_files(") < source.index("validate_anchor_links(")
    config = MkDocsConfig()
    config.load_dict({"site_name": "x", "docs_dir": str(ROOT / "docs")})
    config.validate()
    config.plugins._current_plugin = "short_links"  # set by MkDocs while an event runs
    file = mk_adapter.generated_file(config, "q/a.html", "en/q/a.html")
    assert (file.src_uri, file.dest_uri, file.url) == ("q/a.html", "en/q/a.html", "en/q/a.html")


def test_markdown_postprocessor_order_and_static_i18n_language_options():
    md = markdown.Markdown(extensions=["attr_list", "toc"])
    priorities = {item.name: item.priority for item in md.postprocessors._priority}
    assert min(priorities.values()) > md_adapter.LAST_POSTPROCESSOR_PRIORITY, "a postprocessor runs after faq_unmark"
    from mkdocs_static_i18n.config import I18nPluginLanguage

    assert "site_url" in dict(I18nPluginLanguage._schema) and static_i18n.NULL_LOCALE == "null"
    assert 'self.locale == "null"' in inspect.getsource(I18nPluginLanguage.validate)
