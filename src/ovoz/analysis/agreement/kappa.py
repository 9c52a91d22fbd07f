"""Cohen's kappa and percentage agreement from a contingency table, computed exactly (fractions).

``table[i][j]`` counts the units coder A put in category i and coder B in category j.
Kappa = (p_o - p_e) / (1 - p_e), where p_o is the share of units on the diagonal and p_e the agreement
expected by chance, the sum over categories of (A's share) × (B's share) (Cohen 1960).
"""

from fractions import Fraction


def observed(table: list[list[int]]) -> Fraction | None:
    n = sum(map(sum, table))
    if n == 0:
        return None
    return Fraction(sum(table[i][i] for i in range(len(table))), n)


def expected(table: list[list[int]]) -> Fraction | None:
    n = sum(map(sum, table))
    if n == 0:
        return None
    rows = [sum(r) for r in table]
    cols = [sum(table[i][j] for i in range(len(table))) for j in range(len(table))]
    return Fraction(sum(r * c for r, c in zip(rows, cols, strict=True)), n * n)


def cohen_kappa(table: list[list[int]]) -> Fraction | None:
    """None when undefined: no units, or chance agreement of 1 (both coders put every unit in one and the same
    category, so there is nothing beyond chance to measure)."""
    p_o, p_e = observed(table), expected(table)
    if p_o is None or p_e == 1:
        return None
    return (p_o - p_e) / (1 - p_e)


def table_from_pairs(pairs, categories) -> list[list[int]]:
    """A contingency table from (A's value, B's value) pairs."""
    index = {c: i for i, c in enumerate(categories)}
    table = [[0] * len(categories) for _ in categories]
    for x, y in pairs:
        table[index[x]][index[y]] += 1
    return table
