"""Remark search: a static, sharded index that a browser queries a few small files at a time.

The engine is kept behind this package and its twin, theme/assets/gjsearch.js: the
tokenizer (`tokenize`) and the file layout (`build`) are all either side knows of the
other. docs/dev/en/search-engine.md records why this engine and not Material's or Pagefind.
"""
