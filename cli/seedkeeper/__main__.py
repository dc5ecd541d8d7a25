"""`python -m seedkeeper` runs the CLI."""

from seedkeeper.shell.app import main

if __name__ == "__main__":  # pragma: no cover
    main()
