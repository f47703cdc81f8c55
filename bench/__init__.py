"""The benchmark of the live workshop: `make bench` or `python -m bench.run` (see README.md)."""
