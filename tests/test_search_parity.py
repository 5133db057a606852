"""The worker tokenizes as faqlib/search.py does (same words in, same terms out)."""

from __future__ import annotations

import json

from faqlib.search import normalize, stem

from tests.conftest import lang_root

WORDS = [
    "checkpoints", "checkpoint", "clipping", "clip", "exporting", "exported", "export", "devices", "device",
    "quantized", "quantization", "models", "computing", "compute", "supports", "using", "parallel",
    "parallelism", "libraries", "classes", "boxes", "matches", "wishes", "status", "analysis", "glass",
    "running", "stopped", "filled", "buzzing", "np.zeros", "save_checkpoint", "200", "a", "ckpt", "mindir",
]

# Runs the worker's function in the page with a stand-in worker scope, to call
# its tokenizer directly.
LOAD = """
words => {
  const source = window.faqSearchWorkerSource.replace(/\\(self\\)$/, "")
  window.WorkerGlobalScope = function () {}
  const scope = Object.create(WorkerGlobalScope.prototype)
  scope.addEventListener = () => {}
  new Function("return " + source)()(scope)
  return { stems: words.map(scope.faqSearch.stem), normal: scope.faqSearch.normalize("ＯＭ模型 PyNative Ⅻ") }
}
"""


def test_stem_and_normalize_match(site, page):
    page.goto((lang_root(site, "en") / "index.html").resolve().as_uri())
    result = page.evaluate(LOAD, WORDS)
    assert result["stems"] == [stem(w) for w in WORDS]
    assert result["normal"] == normalize("ＯＭ模型 PyNative Ⅻ")


def test_worker_reads_the_index_format(site):
    index = json.loads((lang_root(site, "en") / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert index["version"] == 2 and index["stem"] is True
    assert all(len(doc) == 3 for doc in index["docs"])
    assert sum(count for _, count in index["pages"]) == len(index["docs"])
