"""SCORM packages of the participant handbook (``servefirst build --lms``)."""
