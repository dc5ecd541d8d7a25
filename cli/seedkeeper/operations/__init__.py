"""The operations users call (one module each), and the findings they share (findings.py).

Operations build on `seedkeeper.corpus.survey` and never import each other."""
