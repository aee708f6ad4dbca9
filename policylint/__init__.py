"""policylint: a compliance linter for healthcare social-media drafts."""

__version__ = "0.1.0"
