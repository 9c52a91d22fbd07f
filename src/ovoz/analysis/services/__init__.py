"""Every change to the analysis goes through these services, each writing its audit row.

One module per noun: codes (the codebook), codings, memos; agreement, sessions and suggestions have theirs.
"""
