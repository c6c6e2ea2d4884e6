"""Fact identity: when two facts are one real-world fact (one article, two chunks, two outlets)."""
