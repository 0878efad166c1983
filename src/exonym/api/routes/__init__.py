"""One router per resource: meta (health, version, docs), lookup, text (resolve, render),
entries, export, styles."""
