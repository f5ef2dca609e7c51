"""Curated reference data (CSV files with sources); see pitboard.refdata."""
