"""Domain rules of IMSA timing data: names, classes, sessions, flags and time formats.

Pure functions and constants only: nothing here touches the database or the file system.
"""
