"""Arabic fact extractor: verified meetings, delegates, arms deals and embargoes from news."""

__version__ = "0.1.0"
