"""Forms of the evidence pages, one module per noun."""
