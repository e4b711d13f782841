"""Tools for developing gijiroku, not shipped with it: a synthetic-archive generator and
the benchmarks. Run from the repository with `hooks` on the path:

    PYTHONPATH=hooks .venv/bin/python -m devtools.synth /tmp/archive/minutes --meetings 1000
    PYTHONPATH=hooks .venv/bin/python -m devtools.benchmark build
"""
