"""The FAQ logic behind the MkDocs hook in ../faq.py, unit-tested.

build.py is the FAQ build of one language as one pipeline, its stages in the
order they run; it and setup.py (configuration checks) are the modules that
speak MkDocs (its config, files, pages and errors). The rest (the question
reader and model, checks, lists, JSON-LD, search, related questions, the id
lock) is pure. The private APIs of Python-Markdown, static-i18n and Material
are reached through upstream/ only. Keeping most of it free of MkDocs keeps a
move to another site engine cheap: the hook and build.py would change, the
model and faq.json would not.
"""
