"""Package data: the prompts shipped with the extractor."""
