"""One router per resource: meta (health, version), lookup, text (resolve, render), entries,
export, styles; docs (the API reference) and page (the page for people at /, and /static)."""
