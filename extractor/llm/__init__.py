"""LLM backends behind one OpenAI-protocol client: embedded llama.cpp or any endpoint."""
