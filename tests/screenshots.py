"""`make screenshots`: a PNG of every page type, in both languages, light and
dark, on a desktop (1280x800) and a phone (390x844), so reviewers look at the
site instead of imagining it.

    python -m tests.screenshots [--site site] [--out screenshots]

The page types and how each is opened are the reader tests' own
(tests/reader_pages.py); the untranslated page comes from the same small
fixture site, built into a temporary folder. The site is served over http on
loopback, as the 404 page needs.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from tests.browser import chromium_path, launch, serve
from tests.reader_pages import DESKTOP, KINDS, PHONE, SCHEMES, build_untranslated_site, open_kind

ROOT = Path(__file__).resolve().parent.parent
DEVICES = {"desktop": {"viewport": DESKTOP}, "phone": {"viewport": PHONE, "is_mobile": True, "has_touch": True}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").exists():
        print(f"make screenshots: no site in {args.site}; run make site first", file=sys.stderr)
        return 2
    if chromium_path() is None:
        print("make screenshots: no Chromium (install Debian's chromium or set $CHROMIUM)", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("*.png"):
        old.unlink()
    written = 0
    with tempfile.TemporaryDirectory() as tmp:
        fixture = build_untranslated_site(Path(tmp))
        with sync_playwright() as playwright, launch(playwright) as browser, serve(args.site) as base, serve(fixture) as fixture_base:
            for scheme in SCHEMES:
                for device, options in DEVICES.items():
                    context = browser.new_context(color_scheme=scheme, reduced_motion="reduce", **options)
                    page = context.new_page()
                    for kind, lang in KINDS:
                        shown = open_kind(page, kind, lang, base, fixture_base)
                        name = f"{kind}-{lang.replace('+', '-')}-{scheme}-{device}.png"
                        page.screenshot(path=args.out / name)
                        shown.leave()
                        written += 1
                    context.close()
    print(f"make screenshots: {written} PNGs in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
