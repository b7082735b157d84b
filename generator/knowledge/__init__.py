"""Knowledge checks: loading ``checks/*.yml``, the encoded answer key, the SCORM score."""
