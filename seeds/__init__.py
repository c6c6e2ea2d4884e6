"""Package data: the seeds shipped with the extractor."""
