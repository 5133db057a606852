"""The orders static-i18n 1.3.1 forces on the FAQ build (faqlib/upstream/static_i18n.py),
and the MkDocs 1.6.1 mechanism hooks/faq.py uses to sit on both sides of it.
Each test fails when upstream changes what the adapter names."""

from __future__ import annotations

import importlib.util
import inspect

from faqlib import build
from faqlib.upstream import static_i18n

from .conftest import ROOT


def _hook():
    spec = importlib.util.spec_from_file_location("faq_hook_under_test", ROOT / "hooks" / "faq.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_static_i18n_gives_files_their_place_at_its_on_files_priority():
    from mkdocs_static_i18n.plugin import I18n

    assert getattr(I18n.on_files, "mkdocs_priority", None) == static_i18n.FILES_PRIORITY
    assert "reconfigure_files" in inspect.getsource(I18n.on_files)
    assert static_i18n.AFTER_ITS_FILES < static_i18n.FILES_PRIORITY


def test_static_i18n_builds_the_other_languages_inside_its_post_build_and_keeps_the_last():
    """It builds every other language from its on_post_build, on the same config,
    and does not put the default language back (so the default language's own
    outputs come before it, and what needs every language after it)."""
    from mkdocs_static_i18n.plugin import I18n

    assert getattr(I18n.on_post_build, "mkdocs_priority", None) == static_i18n.POST_BUILD_PRIORITY
    source = inspect.getsource(I18n.on_post_build)
    assert "self.current_language = locale" in source and "build(config" in source
    assert "self.current_language = self.default_language" not in source
    assert static_i18n.AFTER_OTHER_LANGUAGES < static_i18n.POST_BUILD_PRIORITY < static_i18n.BEFORE_OTHER_LANGUAGES


def test_the_hook_runs_its_post_build_stages_on_either_side_of_static_i18n():
    """MkDocs registers each part of a CombinedEvent of a hook module by its own priority."""
    from mkdocs.plugins import CombinedEvent, PluginCollection

    hook = _hook()
    assert isinstance(hook.on_post_build, CombinedEvent)
    collection = PluginCollection()
    collection["faq"] = hook
    priorities = [getattr(m, "mkdocs_priority", 0) for m in collection.events["post_build"]]
    assert priorities == [static_i18n.BEFORE_OTHER_LANGUAGES, static_i18n.AFTER_OTHER_LANGUAGES]
    assert [m.__name__ for m in collection.events["post_build"]] == ["_language_done", "_all_done"]
    assert getattr(hook.on_files, "mkdocs_priority", None) == static_i18n.AFTER_ITS_FILES


def test_the_hook_calls_the_pipeline_in_stage_order():
    """hooks/faq.py reads in the order the build runs: each stage of faqlib/build.py
    is called once, in the order build.py's docstring (and file) lists them."""
    text = (ROOT / "hooks" / "faq.py").read_text(encoding="utf-8")
    stages = ["begin", "read", "order", "exclude", "questions", "checks", "page_html", "page_context",
              "release", "outputs", "site_outputs", "end"]
    at = [text.index(f"build.{stage}(") for stage in stages]
    assert at == sorted(at)
    source = inspect.getsource(build)
    assert [source.index(f"\ndef {stage}(") for stage in stages] == sorted(source.index(f"\ndef {stage}(") for stage in stages)
