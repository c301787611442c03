"""Reports: the PDF and HTML summary and per-leader responsibility letters."""
