"""Text intake: turn a plan document's text into a proposed plan."""
