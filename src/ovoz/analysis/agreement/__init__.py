"""Inter-coder agreement statistics, independent of Django: interval arithmetic over code point offsets
(``units``), Cohen's kappa (``kappa``), Krippendorff's alpha (``alpha``) and the comparison of two coders'
codings of one transcript (``compare``)."""
