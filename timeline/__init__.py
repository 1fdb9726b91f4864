"""An Arabic-first desktop timeline of news articles."""

__version__ = "0.1.0"
