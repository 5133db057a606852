"""Pure FAQ logic shared by the MkDocs hooks in ../ (no MkDocs imports here).

Keeping it free of MkDocs makes it unit-testable and keeps a move to another
static-site engine cheap: only the thin hooks would change.
"""
