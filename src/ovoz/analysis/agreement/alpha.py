"""Krippendorff's alpha for nominal data, two coders, every unit coded by both (no missing values).

From the coincidence matrix (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"): each unit
coded (x, y) adds 1 to o[x][y] and 1 to o[y][x] (one pair per unit, weight 1/(m_u - 1) = 1 with m_u = 2).
n_c are the matrix's marginals and n = 2 × units the number of pairable values. Then

    alpha = 1 - D_o / D_e = 1 - (n - 1) × Σ_{c≠k} o[c][k] / Σ_{c≠k} n_c × n_k

so with a contingency table (rows A, columns B) Σ_{c≠k} o[c][k] = 2 × (off-diagonal units).
"""

from fractions import Fraction


def coincidences(table: list[list[int]]) -> list[list[int]]:
    k = len(table)
    return [[table[c][j] + table[j][c] for j in range(k)] for c in range(k)]


def krippendorff_alpha_nominal(table: list[list[int]]) -> Fraction | None:
    """None when undefined: no units, or no variation at all (every value in one category, D_e = 0)."""
    o = coincidences(table)
    k = len(o)
    n = sum(map(sum, o))
    if n == 0:
        return None
    marg = [sum(row) for row in o]
    disagree = sum(o[c][j] for c in range(k) for j in range(k) if c != j)
    chance = sum(marg[c] * marg[j] for c in range(k) for j in range(k) if c != j)
    if chance == 0:
        return None
    return 1 - Fraction((n - 1) * disagree, chance)
