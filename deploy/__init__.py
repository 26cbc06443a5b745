"""Deployment files (nginx, systemd) and the helpers the tests and the benchmark use to run them."""
