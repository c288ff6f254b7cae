"""Numbered SQL migrations, one file per step and back end: ``NNN_name.<backend>.sql``."""
