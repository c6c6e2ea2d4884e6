"""Many documents: the inputs of a run (files, stdin, corpora), their doc_ids, the worker pool,
the JSONL sink and `--resume`, for the CLI and the Ray engine."""
