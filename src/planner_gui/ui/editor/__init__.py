"""The detail editor: task and area forms, indicator and milestone tables, history."""
