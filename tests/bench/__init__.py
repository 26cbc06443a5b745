"""Tests that keep the benchmark (bench/) from rotting."""
