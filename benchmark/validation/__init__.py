"""Schema and semantic validation of annotations, prediction files and other artifacts."""
