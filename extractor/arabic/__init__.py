"""Pure Arabic text functions: normalization with offsets, sentences, numbers, names,
countries and dates. No model, no I/O."""
