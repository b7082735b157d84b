"""Materials: the catalogue, the checks of references to it, and the guide's totals."""
