"""Screens: the dashboard, the review session and the help screen."""
