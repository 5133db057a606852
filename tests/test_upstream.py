"""The private upstream APIs behind hooks/faqlib/upstream/ still have the shape we read.

Each test fails loudly, naming the adapter, when a new release of Python-Markdown,
mkdocs-static-i18n or Material changes what the adapter relies on.
"""

from __future__ import annotations

import inspect
from importlib.metadata import version
from pathlib import Path

import markdown
from faqlib.upstream import markdown as md_adapter
from faqlib.upstream import material, static_i18n

from tests.conftest import ROOT



def test_versions_are_the_ones_the_adapters_were_read_from():
    assert "Markdown 3.11.3" in md_adapter.__doc__ and version("Markdown") == "3.11.3"
    assert "pymdown-extensions 13.1" in md_adapter.__doc__ and version("pymdown-extensions") == "13.1"
    assert "version 1.3.1" in static_i18n.__doc__ and version("mkdocs-static-i18n") == "1.3.1"
    assert "version 9.8.1" in material.__doc__ and version("mkdocs-material") == "9.8.1"


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


def test_project_pins_the_versions_of_the_adapters():
    pins = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    for pin in ("mkdocs-material==9.8.1", "mkdocs-static-i18n==1.3.1", "Markdown==3.11.3", "pymdown-extensions==13.1"):
        assert pin in pins
