"""Passive panes: each shows what its screen hands it and posts messages up."""
