"""One document: prompt → LLM → verify → repair and recall questions → Document."""
