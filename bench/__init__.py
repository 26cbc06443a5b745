"""casebot benchmarks."""
