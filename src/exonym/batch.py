"""`exonym.batch`: resolve collections and archives on Dask (the dask extra). The code lives in
exonym.integrations.dask; this name is the one users import."""

from __future__ import annotations

from exonym.integrations.dask import BatchReport, connect, resolve_bag, resolve_dataframe, run_batch

__all__ = ["BatchReport", "connect", "resolve_bag", "resolve_dataframe", "run_batch"]
