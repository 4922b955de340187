"""Claims, citations, reference lists and transparency metadata (issue 4)."""
