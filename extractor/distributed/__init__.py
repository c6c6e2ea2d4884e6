"""The same extraction on Ray Data (optional extra `ray`): actors holding one Extractor each,
records identical to `extractor run`'s."""

from extractor.distributed.dataset import extract_dataset

__all__ = ["extract_dataset"]
