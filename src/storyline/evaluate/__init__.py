"""Benchmarks against public data sets and peers, used by `storyline evaluate` and bench/."""
