"""Pure key-point grading: what a grader found in a typed answer, and the rating it suggests."""
