"""The leaderboard: submissions as data, re-scored by CI.

``submission`` (the folder and its metadata), ``policy`` (what a folder may contain),
``escaping`` (untrusted text made inert), ``board`` (re-scoring into ranked rows),
``render`` (LEADERBOARD.md), ``plot`` (the SVG scatter), ``snapshot`` (pinned published
scores and the changelog entry), ``check`` (the CI regression check).
"""
