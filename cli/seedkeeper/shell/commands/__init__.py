"""One module per command: a plain function that the app registers (commands never import the app)."""
