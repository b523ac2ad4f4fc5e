"""Building blocks of crawler.extract: decoding, body repair, page kinds, metadata.

crawler.extract is the public entry point; these modules each do one job and are pure functions.
"""
