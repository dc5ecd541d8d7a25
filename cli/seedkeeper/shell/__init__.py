"""The typer command line: options, the error boundary, rendering and output formats.

Nothing in the core imports this package; it is the only place that prints or exits."""
