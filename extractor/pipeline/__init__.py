"""One document (prompt → LLM → verify → reask) and many (concurrency, resume, JSONL)."""
