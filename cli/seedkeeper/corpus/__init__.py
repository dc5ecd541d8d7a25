"""The pass over a seeds folder: discovery, safe reading, content checks, per-document analysis,
the process pool and cache that run it, the survey that ties them together, and quarantine."""
