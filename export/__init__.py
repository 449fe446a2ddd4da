"""Output of a report (PDF). No Qt here."""
