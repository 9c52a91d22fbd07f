"""Code suggestions: a classifier per codebook, trained on the machine from the codings made so far.

``sentences`` cuts a transcript into sentences at code point offsets; ``features`` turns sentences into
character n-grams; ``dataset`` gathers the labelled sentences a person may learn from (consent respected);
``train`` fits and measures the classifier against a keyword baseline; ``predict`` stores and loads the model
and scores sentences; ``access`` says who trains and who decides. Nothing here talks to the network.
"""
