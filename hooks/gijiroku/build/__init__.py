"""The build machinery: what a build keeps between runs and reuses (the page cache, the
texts held for other pages, the keys of each page's inputs) and one build's state.
It knows nothing of MkDocs: the plugin drives it."""
