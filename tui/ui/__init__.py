"""The Textual user interface. It receives a Study service and never opens files itself."""
