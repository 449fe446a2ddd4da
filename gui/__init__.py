"""Everything Qt: the main window, grids, editors and dialogs."""
