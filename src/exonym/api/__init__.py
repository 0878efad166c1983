"""The HTTP API (FastAPI): build it with `exonym.api.app.create_app()` or run `exonym serve`."""
