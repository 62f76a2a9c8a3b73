"""Extract stages: mentions, quantities, dates, quotes, citations, claims over one Article."""
