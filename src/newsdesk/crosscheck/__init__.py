"""Cross-checking stages: align claims, contradictions, sources and timeline."""
