"""Loading the shipped dataset and exporting it for other tools."""
