"""`make bench`: build and search the FAQ at growing sizes, ours against plain Material.

    python -m benchmarks.run [--sizes S,M,L,2L] [--work DIR]

Sizes (questions per language): S is the real site (24), FAQ the whole real
MindSpore FAQ (190 on 10 pages, brought in by `make import`, tests/corpus.py),
M 10 pages x 100, L 100 x 100, 2L 200 x 100. For each size it prints, from one run:
build time with our hooks and plain (same site, no hooks, Material's search
with static-i18n) and their ratio, peak memory of each build, site size,
search bytes a reader downloads per question, and, in Chromium from file://
on our site: time to search ready, the longest main-thread task while the
page and index load, query p50/p95 over fixed queries, and tab memory.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.configs import ROOT, make_project
from benchmarks.generate import generate

SIZES = {"S": None, "FAQ": None, "M": (10, 100), "L": (100, 100), "2L": (200, 100)}
QUERIES = {
    "zh": ["导出", "ONNX模型", "混合精度", "检查点", "Graph模式", "分布式训练", "mindspore.export", "batch_size",
           "量化", "端侧设备", "ckpt文件", "推理服务", "报错", "CANN", "加载MindIR", "Docker容器", "学习率",
           "np.random.uniform", "梯度", "部署"],
    "en": ["export", "ONNX model", "mixed precision", "checkpoint", "Graph mode", "distributed training",
           "mindspore.export", "batch_size", "quantize", "edge devices", "ckpt", "inference service", "error",
           "CANN", "load MindIR", "Docker", "learning rate", "np.random.uniform", "gradient", "deploy"],
}

# Records main-thread tasks over 50 ms from the very start of the page, and
# the time from focusing the search box (on file:// Material loads the index
# then) to the first answer of the worker (the result meta text changes).
INSTRUMENT = """
window.__longTasks = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) window.__longTasks.push(entry.duration)
}).observe({ type: "longtask", buffered: true });
document.addEventListener("DOMContentLoaded", () => {
  const input = document.querySelector("input.md-search__input")
  const meta = document.querySelector(".md-search-result__meta")
  const initial = meta.textContent
  input.addEventListener("focus", () => {
    if (window.__focusAt) return
    window.__focusAt = performance.now()
    new MutationObserver((_, observer) => {
      if (meta.textContent !== initial) { window.__readyAt = performance.now(); observer.disconnect() }
    }).observe(meta, { childList: true, characterData: true, subtree: true })
  }, { once: true })
})
"""


@dataclass
class Build:
    seconds: float
    peak_mb: float


@dataclass
class Side:
    build: Build
    site_mb: float
    bytes_per_question: float
    browser: dict


@dataclass
class Row:
    size: str
    questions: int
    ours: Side
    plain: Side | None


def build(project: Path) -> Build:
    """Time one strict build and read its peak RSS (this child alone)."""
    out = project / "out"
    shutil.rmtree(out, ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(out)],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"build failed in {project}:\n{proc.stderr.read().decode()[-3000:]}")
    return Build(seconds, usage.ru_maxrss / 1024)


def folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def renderer_pss_mb() -> float:
    """Proportional set size of Chromium's renderer processes (the tab and its worker)."""
    total = 0
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if b"--type=renderer" not in (proc / "cmdline").read_bytes():
                continue
            for line in (proc / "smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def measure_browser(site: Path, page_name: str) -> dict:
    """Search metrics on the zh page from file:// in a fresh browser."""
    from playwright.sync_api import sync_playwright

    from tests.browser import launch, open_search, search

    with sync_playwright() as playwright, launch(playwright) as browser:
        context = browser.new_context()
        context.add_init_script(INSTRUMENT)
        page = context.new_page()
        page.goto((site / page_name).resolve().as_uri())
        page.wait_for_load_state("load")
        page.wait_for_timeout(300)  # let the page settle: ready is timed from the reader's focus
        page.click("input.md-search__input")
        page.wait_for_function("window.__readyAt !== undefined", timeout=60_000)
        ready_ms = page.evaluate("window.__readyAt - window.__focusAt")
        open_search(page)
        longest = max(page.evaluate("window.__longTasks"), default=0.0)
        times = [search(page, query)["ms"] for query in QUERIES["zh"]]
        page.wait_for_timeout(500)
        memory = renderer_pss_mb()
    return {"ready_ms": ready_ms, "longest_task_ms": longest, "p50": statistics.median(times),
            "p95": percentile(times, 95), "tab_mb": memory}


def index_bytes_per_question(site: Path) -> float:
    """Bytes of the largest language index over that language's questions."""
    import json

    worst = 0.0
    for root in (site, site / "en"):
        count = len(json.loads((root / "faq.json").read_text(encoding="utf-8"))["questions"])
        worst = max(worst, (root / "search" / "search_index.js").stat().st_size / max(count, 1))
    return worst


def plain_bytes_per_question(site: Path, questions: int) -> float:
    """Material's merged index (what a reader of either language downloads)
    over all the questions it holds, both languages."""
    return (site / "search" / "search_index.js").stat().st_size / (2 * questions)


def whole_faq(folder: Path) -> Path:
    """The docs of the whole real FAQ, imported as an author would (tests/corpus.py)."""
    from tests.corpus import import_corpus

    project = make_project(folder, ROOT / "docs", "ours")
    cwd = os.getcwd()
    os.chdir(project)
    try:
        *_, code, said = import_corpus(project)
    finally:
        os.chdir(cwd)
    if code != 0:
        raise SystemExit(f"importing the corpus failed:\n{said}")
    return project / "docs"


def run_size(size: str, work: Path, with_plain: bool) -> Row:
    if size == "S":
        docs, questions, page_name = ROOT / "docs", 24, "feature_advice.html"
    elif size == "FAQ":
        docs, questions, page_name = whole_faq(work / "FAQ-import"), 190, "feature_advice.html"
    else:
        pages, per_page = SIZES[size]
        docs = generate(work / f"corpus-{size}", pages, per_page)
        questions, page_name = pages * per_page, "faq-000.html"
    project = make_project(work / f"{size}-ours", docs, "ours")
    ours = Side(build(project), folder_mb(project / "out"), index_bytes_per_question(project / "out"),
                measure_browser(project / "out", page_name))
    plain = None
    if with_plain:
        project = make_project(work / f"{size}-plain", docs, "plain")
        plain = Side(build(project), folder_mb(project / "out"), plain_bytes_per_question(project / "out", questions),
                     measure_browser(project / "out", page_name))
    return Row(size, questions, ours, plain)


def table(rows: list[Row]) -> str:
    """Markdown table: each cell 'ours / plain', ratio of build times."""
    head = ["size (zh+en questions)", "build ours / plain", "ratio", "peak build MB", "site MB",
            "search bytes per question", "search ready", "longest main-thread task", "query p50", "query p95", "tab MB"]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join(["---"] * len(head)) + "|"]

    def pair(fn, fmt: str) -> str:
        return " / ".join(fmt.format(fn(side)) if side else "—" for side in (r.ours, r.plain))

    for r in rows:
        ratio = f"{r.ours.build.seconds / r.plain.build.seconds:.2f}x" if r.plain else "—"
        cells = [
            f"{r.size}: {r.questions:,}+{r.questions:,}",
            pair(lambda s: s.build.seconds, "{:.1f} s"), ratio,
            pair(lambda s: s.build.peak_mb, "{:.0f}"), pair(lambda s: s.site_mb, "{:.1f}"),
            pair(lambda s: s.bytes_per_question, "{:.0f}"),
            pair(lambda s: s.browser["ready_ms"] / 1000, "{:.2f} s"),
            pair(lambda s: s.browser["longest_task_ms"], "{:.0f} ms"),
            pair(lambda s: s.browser["p50"], "{:.0f} ms"), pair(lambda s: s.browser["p95"], "{:.0f} ms"),
            pair(lambda s: s.browser["tab_mb"], "{:.0f}"),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="S,FAQ,M,L,2L")
    parser.add_argument("--plain", default="S,FAQ,M,L,2L", help="sizes that also build plain Material")
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="faq-bench-"))
    sizes = [s for s in args.sizes.split(",") if s]
    with_plain = set(args.plain.split(","))
    rows = []
    for size in sizes:
        rows.append(run_size(size, work, size in with_plain))
        print(f"{size} done: ours {rows[-1].ours.build.seconds:.1f} s", file=sys.stderr, flush=True)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}")
    print(table(rows))
    by = {r.size: r for r in rows}
    if "L" in by and "2L" in by:
        print(f"\nlinearity: build 2L / L = {by['2L'].ours.build.seconds / by['L'].ours.build.seconds:.2f}x ours"
              + (f", {by['2L'].plain.build.seconds / by['L'].plain.build.seconds:.2f}x plain" if by["L"].plain and by["2L"].plain else ""))
    print("cells are ours / plain; plain = Material's search + static-i18n + offline plugin, no hooks")
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
