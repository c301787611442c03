"""Exchange formats: JSON, Excel ledgers and report forms, text intake."""
