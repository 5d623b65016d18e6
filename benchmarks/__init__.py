"""Benchmark sphinxcontrib-cookies against hand-written tables and its nearest peer.

Each case builds two (or more) sides in turn, A B A B, from scratch in a fresh child process,
after one uncounted warm-up round, and prints medians, their ratio, peak memory and whether the
case meets its target. See benchmarks/README.md.

Usage::

    python -m benchmarks [--case N]... [--runs N] [--clock cpu|wall]
"""
