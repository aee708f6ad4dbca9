"""Detectors: PHI recognizers with health-context and role reading, advice and claim signals."""
