"""The video wall: cameras and uploaded videos on a grid, each decoded by its own capture thread.

Pure logic (layouts, wall assignments, tours, feed status and its words, failure diagnosis) has no Qt; the
FeedWorker has no Qt either (OpenCV and threads); the widgets (`tile`, `wall_grid`, `camera_list`,
`playback_bar`, `panel`) only paint and forward the operator's gestures.
"""
