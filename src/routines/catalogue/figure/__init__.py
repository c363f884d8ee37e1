"""Figures: a drawn pose for every exercise, from the ``[figure]`` table of its file."""
