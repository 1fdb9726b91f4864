"""Everything Qt: the application, main window, timeline view, models and detail pane."""
