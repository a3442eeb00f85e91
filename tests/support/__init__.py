"""What the tests share and `make bench` reuses: the project copied and built, a folder served,
page weight, the accessibility engines. Imported as tests.support (pyproject's pythonpath)."""
