"""The FAQ logic behind the MkDocs hooks in ../, unit-tested.

Only setup.py (configuration checks) speaks MkDocs; the private APIs of
Python-Markdown, static-i18n and Material are reached through upstream/.
Keeping the rest free of MkDocs keeps a move to another site engine cheap:
the thin hooks would change, the model and faq.json would not.
"""
