"""Agreement statistics checked against values computed by hand and against published examples."""

import random
from fractions import Fraction

from ovoz.analysis.agreement import compare, units
from ovoz.analysis.agreement.alpha import krippendorff_alpha_nominal
from ovoz.analysis.agreement.kappa import cohen_kappa, expected, observed, table_from_pairs

TWENTY = "abcdefghijklmnopqrst"
X = 7  # a code id


def test_cohens_kappa_of_the_textbook_table_is_0_4():
    """Table [[20, 5], [10, 15]], n = 50.

    p_o = (20 + 15) / 50 = 0.7. Coder A's marginals 25 / 25, coder B's 30 / 20, so
    p_e = (25·30 + 25·20) / 50² = 1250 / 2500 = 0.5 and kappa = (0.7 − 0.5) / (1 − 0.5) = 0.4.
    """
    table = [[20, 5], [10, 15]]
    assert observed(table) == Fraction(7, 10)
    assert expected(table) == Fraction(1, 2)
    assert cohen_kappa(table) == Fraction(2, 5)


def test_krippendorffs_alpha_matches_his_published_two_coder_binary_example():
    """Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", binary data, two observers, no missing
    data, ten units:

        A: 0 1 0 0 0 0 0 0 1 0
        B: 1 1 1 0 0 1 0 0 0 0

    Pairs: (1,1) once, (0,0) five times, disagreeing four times. Coincidences: o00 = 10, o11 = 2, o01 = o10 = 4;
    n0 = 14, n1 = 6, n = 20. alpha = 1 − (n − 1) · o01 / (n0 · n1) = 1 − 19 · 4 / 84 = 8/84 = 2/21 ≈ 0.095,
    the value he publishes (0.095).
    """
    a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    table = table_from_pairs(zip(a, b, strict=True), [1, 0])
    assert table == [[1, 1], [3, 5]]
    alpha = krippendorff_alpha_nominal(table)
    assert alpha == Fraction(2, 21)
    assert round(float(alpha), 3) == 0.095


def test_alpha_for_three_categories_follows_the_coincidence_matrix():
    """Units coded (A, B): (x,x) (x,y) (y,y) (z,z) (z,x). Coincidences: o_xx = 2, o_yy = 2, o_zz = 2,
    o_xy = o_yx = 1, o_xz = o_zx = 1; n_x = 4, n_y = 3, n_z = 3, n = 10. Off-diagonal coincidences 4;
    Σ_{c≠k} n_c·n_k = 2·(4·3 + 4·3 + 3·3) = 66. alpha = 1 − 9·4/66 = 30/66 = 5/11."""
    table = table_from_pairs([("x", "x"), ("x", "y"), ("y", "y"), ("z", "z"), ("z", "x")], ["x", "y", "z"])
    assert krippendorff_alpha_nominal(table) == Fraction(5, 11)


def test_a_twenty_character_worked_example_at_character_and_segment_level():
    """Text "abcdefghijklmnopqrst" (20 characters). Coder A applied code X to [0, 8) and [14, 17); coder B
    to [2, 10).

    Character level: both [2, 8) = 6; only A [0, 2) + [14, 17) = 5; only B [8, 10) = 2; neither 20 − 13 = 7.
    p_o = 13/20. A applied 11 / not 9, B applied 8 / not 12: p_e = (11·8 + 9·12) / 400 = 196/400 = 49/100.
    kappa = (65/100 − 49/100) / (51/100) = 16/51 ≈ 0.314.
    alpha: 7 disagreeing units give 14 off-diagonal coincidences; n1 = 2·6 + 7 = 19, n0 = 2·7 + 7 = 21, n = 40.
    alpha = 1 − 39·14 / (2·19·21) = 1 − 546/798 = 6/19 ≈ 0.316.

    Segment level: edges 0, 2, 8, 10, 14, 17, 20 give six units: [0,2) A only, [2,8) both, [8,10) B only,
    [10,14) neither, [14,17) A only, [17,20) neither. p_o = 3/6; A 3 / 3, B 2 / 4: p_e = (3·2 + 3·4)/36 = 1/2,
    so kappa = 0. alpha: 3 disagreeing units, 6 coincidences; n1 = 2 + 3 = 5, n0 = 4 + 3 = 7, n = 12:
    alpha = 1 − 11·6 / (2·5·7) = 4/70 = 2/35.
    """
    rows, pooled = compare.agreement(TWENTY, [(X, 0, 8), (X, 14, 17)], [(X, 2, 10)])
    (row,) = rows
    chars = row.characters
    assert (chars.both, chars.only_a, chars.only_b, chars.neither) == (6, 5, 2, 7)
    assert chars.percent == 65
    assert chars.expected == Fraction(49, 100)
    assert chars.kappa == Fraction(16, 51)
    assert chars.alpha == Fraction(6, 19)
    segs = row.segments
    assert (segs.both, segs.only_a, segs.only_b, segs.neither) == (1, 2, 1, 2)
    assert segs.kappa == 0
    assert segs.alpha == Fraction(2, 35)
    assert pooled.characters == chars and pooled.segments == segs


def test_the_pooled_figure_adds_the_tables_of_every_code_either_coder_used():
    """Code 1: A [0,10), B [0,10) (10 both, 10 neither). Code 2: only B applied it, to [10,20) (10 only B,
    10 neither). Pooled over 40 (character, code) units: both 10, only A 0, only B 10, neither 20.
    p_o = 30/40; A applied 10 / not 30, B applied 20 / not 20: p_e = (10·20 + 30·20)/1600 = 1/2; kappa = 1/2."""
    rows, pooled = compare.agreement(TWENTY, [(1, 0, 10)], [(1, 0, 10), (2, 10, 20)])
    assert [r.code_id for r in rows] == [1, 2]
    assert rows[0].characters.kappa == 1
    assert rows[1].characters.kappa == 0
    assert (pooled.characters.both, pooled.characters.only_b, pooled.characters.neither) == (10, 10, 20)
    assert pooled.characters.kappa == Fraction(1, 2)


def test_kappa_and_alpha_are_undefined_when_every_unit_got_one_and_the_same_judgement():
    """Both coders applied the code to the whole text: p_o = 1 and p_e = 1, so kappa = 0/0; alpha has no
    variation (D_e = 0). Both are reported as undefined (None), percentage agreement as 100."""
    rows, _ = compare.agreement(TWENTY, [(X, 0, 20)], [(X, 0, 20)])
    stats = rows[0].characters
    assert stats.percent == 100
    assert stats.expected == 1
    assert stats.kappa is None and stats.alpha is None
    _, pooled = compare.agreement(TWENTY, [], [])
    assert pooled.characters.units == 0 and pooled.characters.kappa is None and pooled.characters.percent is None
    assert cohen_kappa([[0, 0], [0, 0]]) is None


def test_whitespace_only_segments_are_not_units():
    """"ab cd": A applied X to "ab" [0,2), B to "ab " [0,3). The only difference is the space [2,3), which is
    not a unit at segment level: units [0,2) both and [3,5) neither agree fully. At character level the space
    counts, so the coders differ on one character of five."""
    text = "ab cd"
    rows, _ = compare.agreement(text, [(X, 0, 2)], [(X, 0, 3)])
    assert rows[0].segments.units == 2 and rows[0].segments.percent == 100
    assert rows[0].characters.only_b == 1 and rows[0].characters.percent == 80


def test_a_coders_overlapping_stretches_of_one_code_count_once():
    rows, _ = compare.agreement(TWENTY, [(X, 0, 10), (X, 5, 15), (X, 15, 16)], [(X, 0, 16)])
    assert rows[0].characters.both == 16 and rows[0].characters.only_a == 0
    assert rows[0].segments.units == 2


def _brute(n, a, b):
    """Character by character, for checking the interval arithmetic."""
    in_a = [any(s <= i < e for s, e in a) for i in range(n)]
    in_b = [any(s <= i < e for s, e in b) for i in range(n)]
    pairs = list(zip(in_a, in_b, strict=True))
    return [[sum(x and y for x, y in pairs), sum(x and not y for x, y in pairs)],
            [sum(y and not x for x, y in pairs), sum(not x and not y for x, y in pairs)]]


def test_interval_arithmetic_agrees_with_counting_character_by_character():
    rng = random.Random(5)
    for _ in range(300):
        n = rng.randint(1, 60)
        a = [tuple(sorted(rng.sample(range(n + 1), 2))) for _ in range(rng.randint(0, 5))] if n > 1 else []
        b = [tuple(sorted(rng.sample(range(n + 1), 2))) for _ in range(rng.randint(0, 5))] if n > 1 else []
        rows, pooled = compare.agreement("x" * n, [(X, s, e) for s, e in a], [(X, s, e) for s, e in b])
        if rows:
            assert rows[0].characters.table == _brute(n, a, b)
        ma, mb = units.merge(a), units.merge(b)
        assert units.length(units.subtract(ma, mb)) == units.length(ma) - units.length(units.intersect(ma, mb))


def test_disagreements_name_the_coder_and_the_other_coders_codes_there():
    """A: X on [0,10); B: X on [5,15) and Y (8) on [0,4). Disagreements on X: [0,5) by A (B has Y over [0,4)),
    [10,15) by B (A has nothing there); on Y: [0,4) by B, where A has X."""
    found = compare.disagreements(TWENTY, [(X, 0, 10)], [(X, 5, 15), (8, 0, 4)])
    assert [(d.code_id, d.start, d.end, d.coder, d.text, d.other_codes) for d in found] == [
        (8, 0, 4, "b", "abcd", [X]),
        (X, 0, 5, "a", "abcde", [8]),
        (X, 10, 15, "b", "klmno", []),
    ]


def test_reconciled_keeps_agreements_and_the_disagreements_chosen():
    a, b = [(X, 0, 10)], [(X, 5, 15), (8, 0, 4)]
    assert compare.reconciled(a, b, keep=set()) == {X: [(5, 10)]}
    assert compare.reconciled(a, b, keep={f"{X}-0-5", "8-0-4"}) == {X: [(0, 10)], 8: [(0, 4)]}
    assert compare.reconciled(a, b, keep={f"{X}-0-5", f"{X}-10-15"}) == {X: [(0, 15)]}


def test_the_other_coders_codes_on_a_disagreement_match_a_plain_scan():
    rng = random.Random(11)
    for _ in range(200):
        n = rng.randint(2, 50)

        def some(n=n):
            return [(rng.randrange(4), *sorted(rng.sample(range(n + 1), 2))) for _ in range(rng.randint(0, 6))]

        a, b = some(), some()
        for d in compare.disagreements("y" * n, a, b):
            other = b if d.coder == "a" else a
            assert d.other_codes == sorted({c for c, s, e in other if s < d.end and e > d.start})
