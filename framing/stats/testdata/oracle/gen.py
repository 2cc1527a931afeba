#!/usr/bin/python3
"""Reference values for the tests of package framing/stats.

Run from anywhere with Debian's Python and its SciPy, statsmodels and NumPy
(apt-get install python3-scipy python3-statsmodels):

    /usr/bin/python3 framing/stats/testdata/oracle/gen.py

It writes vectors.json beside itself. The Go tests read that file; they never
run Python. NaN is written as null and infinities as the strings "+Inf" and
"-Inf".

Sources of the numbers, by section:
  tables[].chisq, .gtest   scipy.stats.chi2_contingency(correction=False),
                           lambda_="log-likelihood" for G, on the table with
                           its all-zero rows and columns dropped (G itself is
                           re-summed in long double, see contingency())
  tables[].chisq.cramers_v X²/(n(k-1)) in exact rational arithmetic, then
                           the square root; checked against
                           scipy.stats.contingency.association(method="cramer")
  tables[].chisq.cramers_v_corrected
                           Bergsma (2013) in exact rational arithmetic up
                           to the final square root
  tables[].logodds, tables[].ca
                           direct NumPy transcriptions of the published
                           formulas (Monroe et al. 2008;
                           Greenacre 2017); the CA transcription is checked
                           below against Greenacre's smoking table
  tables[].js              scipy.spatial.distance.jensenshannon(base=2)
  fisher                   scipy.stats.fisher_exact (two-sided)
  poisson                  scipy.stats.chi2.ppf (Garwood), checked against
                           scipy.stats.poisson.cdf/sf
  wilson, framing_index    statsmodels proportion_confint(method="wilson")
  bh                       statsmodels multipletests(method="fdr_bh")
  monte_carlo              exact conditional p-value of Pearson's X² by
                           enumerating every table with the observed margins
  spearman                 scipy.stats.spearmanr (average ranks for ties,
                           t-distribution p-value), on the pairs without NaN
  rate_tests               scipy.stats.chisquare(f_obs, f_exp) and
                           scipy.stats.power_divergence(lambda_="log-likelihood")
                           of the counts against K n_i / N, groups without
                           exposure left out; the exact p-value by summing
                           scipy.stats.multinomial.pmf over every outcome
"""

import itertools
import json
import math
import os
from fractions import Fraction

import numpy as np
import scipy
import statsmodels
from scipy import stats
from scipy.spatial.distance import jensenshannon
from scipy.stats.contingency import association
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportion_confint

TABLES = {
    "tiny_2x2": [[8, 2], [1, 5]],
    "zeros_2x3": [[10, 0, 3], [4, 7, 0]],
    "zero_row_3x3": [[5, 3, 2], [0, 0, 0], [7, 1, 9]],
    "zero_col_3x3": [[4, 0, 6], [3, 0, 9], [8, 0, 2]],
    "unbalanced_3x3": [[1200, 40, 15], [3, 2, 0], [60, 9, 4]],
    "outlets_5x6": [
        [120, 35, 8, 0, 14, 60],
        [45, 80, 22, 5, 9, 31],
        [10, 12, 95, 40, 3, 7],
        [66, 20, 18, 2, 41, 25],
        [5, 3, 7, 1, 2, 30],
    ],
    "near_independent_2x3": [[100, 200, 300], [101, 199, 302]],
    "large_3x2": [
        [1200000000, 340000000],
        [990000000, 281000000],
        [205000000, 58020000],
    ],
    "smoking_5x4": [
        [4, 2, 3, 2],
        [4, 3, 7, 4],
        [25, 10, 12, 4],
        [18, 24, 33, 13],
        [10, 6, 7, 2],
    ],
    "row_1x3": [[4, 5, 6]],
    "col_3x1": [[4], [5], [6]],
    "all_zero_2x2": [[0, 0], [0, 0]],
    # Perfect association: V and the corrected V are 1 exactly, where the
    # floating-point formulas land a rounding error above it.
    "perfect_2x2": [[1, 0], [0, 2]],
    "perfect_3x3": [[1, 0, 0], [0, 1, 0], [0, 0, 35]],
}

JS_ALPHAS = [0.0, 0.5]
LOGODDS_A0 = [500.0, 0.0]  # 0 selects the default a0 = N/G


def nan_to_none(x):
    """Replace NaN by None for JSON."""
    if isinstance(x, (list, tuple)):
        return [nan_to_none(v) for v in x]
    if isinstance(x, dict):
        return {k: nan_to_none(v) for k, v in x.items()}
    if isinstance(x, (float, np.floating)):
        x = float(x)
        if math.isinf(x):
            return "+Inf" if x > 0 else "-Inf"
        return None if math.isnan(x) else x
    if isinstance(x, (np.integer,)):
        return int(x)
    return x


def reduce(t):
    """Drop all-zero rows and columns; return the kept table and indices."""
    t = np.asarray(t, dtype=np.int64)
    rows = [i for i in range(t.shape[0]) if t[i].sum() > 0]
    cols = [j for j in range(t.shape[1]) if t[:, j].sum() > 0]
    return t[np.ix_(rows, cols)], rows, cols


def exact_x2(t):
    """Pearson's X² of a table of whole counts in exact rational arithmetic."""
    t = [[Fraction(int(x)) for x in row] for row in t]
    rs = [sum(row) for row in t]
    cs = [sum(col) for col in zip(*t)]
    n = sum(rs)
    return sum((o - rs[i] * cs[j] / n) ** 2 / (rs[i] * cs[j] / n) for i, row in enumerate(t) for j, o in enumerate(row))


def cramer(red):
    """Cramér's V, sqrt(X²/(n (min(r, c) - 1))), with X²/(n (k - 1)) exact,
    so that a perfect association gives 1 exactly; checked against
    scipy.stats.contingency.association(method="cramer") to 1e-12."""
    n = int(red.sum())
    v = math.sqrt(exact_x2(red) / (n * (min(red.shape) - 1)))
    assert math.isclose(v, association(red, method="cramer", correction=False), rel_tol=1e-12)
    return v


def bergsma(red):
    """Bias-corrected Cramér's V, Bergsma (2013) eqs. for phi~, r~, k~, in
    exact rational arithmetic up to the final square root."""
    r, c = red.shape
    n = Fraction(int(red.sum()))
    phi2 = exact_x2(red) / n
    phi2c = max(Fraction(0), phi2 - Fraction((r - 1) * (c - 1)) / (n - 1))
    rc = r - Fraction((r - 1) ** 2) / (n - 1)
    cc = c - Fraction((c - 1) ** 2) / (n - 1)
    return math.sqrt(phi2c / min(rc - 1, cc - 1))


def contingency(t):
    red, rows, cols = reduce(t)
    full = np.asarray(t, dtype=float)
    out = {
        "dropped_rows": [i for i in range(full.shape[0]) if i not in rows],
        "dropped_cols": [j for j in range(full.shape[1] if full.ndim == 2 else 0) if j not in cols],
    }
    if len(rows) < 2 or len(cols) < 2:
        out.update(defined=False)
        return out, None
    x2, p, dof, exp = stats.chi2_contingency(red, correction=False)
    g, gp, gdof, _ = stats.chi2_contingency(red, correction=False, lambda_="log-likelihood")
    assert dof == gdof
    # SciPy sums 2 O ln(O/E) in double precision; with counts in the
    # billions and a weak association the terms cancel and its G keeps only
    # about nine digits. The reference is the same sum in extended precision
    # (long double), which must agree with SciPy's value to 1e-8, and its
    # p-value from scipy.stats.chi2.sf.
    O = red.astype(np.longdouble)
    E = np.outer(O.sum(axis=1), O.sum(axis=0)) / O.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(O > 0, O * np.log(O / E), 0)
    g_ext = float(2 * terms.sum())
    assert math.isclose(g_ext, g, rel_tol=1e-8), (g_ext, g)
    g, gp = g_ext, stats.chi2.sf(g_ext, dof)
    expected = np.zeros_like(full)
    expected[np.ix_(rows, cols)] = exp
    n = red.sum()
    out.update(
        defined=True,
        stat=x2,
        p=p,
        df=dof,
        n=n,
        g_stat=g,
        g_p=gp,
        cramers_v=cramer(red),
        cramers_v_corrected=bergsma(red),
        expected=expected.tolist(),
        min_expected=exp.min(),
        below5=int((exp < 5).sum()),
    )
    return out, (red, rows, cols)


def js_matrix(t, alpha):
    t = np.asarray(t, dtype=float)
    k = t.shape[0]
    d = np.full((k, k), np.nan)
    for i in range(k):
        for j in range(k):
            if t[i].sum() == 0 or t[j].sum() == 0:
                continue
            d[i, j] = jensenshannon(t[i] + alpha, t[j] + alpha, base=2)
    return d.tolist()


def logodds(t, a0):
    """Monroe, Colaresi & Quinn (2008) eqs. 16, 20, 22, group vs rest, with
    the informative prior alpha_w = a0 * n_w / N (a0 = 0: a0 = N/G)."""
    t = np.asarray(t, dtype=float)
    G, W = t.shape
    N = t.sum()
    col = t.sum(axis=0)
    nan = np.full(W, np.nan)
    if N == 0:
        return {"a0": None, "prior": nan.tolist(), "groups": [[nan.tolist()] * 3] * G}
    if a0 == 0:
        a0 = N / G
    alpha = a0 * col / N
    A0 = alpha.sum()
    groups = []
    for i in range(G):
        yi = t[i]
        yj = col - yi
        ni, nj = yi.sum(), yj.sum()
        if (col > 0).sum() < 2 or ni == 0 or nj == 0:
            groups.append([nan.tolist()] * 3)
            continue
        with np.errstate(divide="ignore", invalid="ignore"):
            delta = np.log((yi + alpha) / (ni + A0 - yi - alpha)) - np.log(
                (yj + alpha) / (nj + A0 - yj - alpha)
            )
            var = 1.0 / (yi + alpha) + 1.0 / (yj + alpha)
            z = delta / np.sqrt(var)
        groups.append([delta.tolist(), var.tolist(), z.tolist()])
    return {"a0": A0, "prior": alpha.tolist(), "groups": groups}


def ca(t):
    """Simple correspondence analysis by SVD of the standardized residuals
    (Greenacre 2017, ch. 28), with the sign of each axis fixed so that the
    column of largest absolute principal coordinate is positive."""
    red, rows, cols = reduce(t)
    if len(rows) < 2 or len(cols) < 2:
        return {"defined": False}
    P = red / red.sum()
    r = P.sum(axis=1)
    c = P.sum(axis=0)
    S = (P - np.outer(r, c)) / np.sqrt(np.outer(r, c))
    U, sv, Vt = np.linalg.svd(S, full_matrices=False)
    tol = max(S.shape) * np.finfo(float).eps * sv[0]
    k = 0
    while k < min(S.shape) - 1 and sv[k] > tol:
        k += 1
    F = (U[:, :k] * sv[:k]) / np.sqrt(r)[:, None]
    Gc = (Vt.T[:, :k] * sv[:k]) / np.sqrt(c)[:, None]
    for ax in range(k):
        best = int(np.argmax(np.abs(Gc[:, ax])))
        if Gc[best, ax] < 0:
            F[:, ax] *= -1
            Gc[:, ax] *= -1
    inertia = sv[:k] ** 2
    full = np.asarray(t)
    rc = np.full((full.shape[0], k), np.nan)
    cc = np.full((full.shape[1], k), np.nan)
    rc[rows] = F
    cc[cols] = Gc
    return {
        "defined": k > 0,
        "inertia": inertia.tolist(),
        "share": (inertia / inertia.sum()).tolist(),
        "total_inertia": inertia.sum(),
        "row_coords": rc.tolist(),
        "col_coords": cc.tolist(),
    }


def check_ca_against_greenacre():
    """Greenacre (2017, Exhibit 8.x; 1984) smoking data: principal inertias
    0.07476, 0.01002, 0.00041, total 0.08519, first-axis principal
    coordinates of the columns none -0.393, light 0.099, medium 0.196,
    heavy 0.294 (up to the sign of the axis)."""
    res = ca(TABLES["smoking_5x4"])
    assert np.allclose(res["inertia"], [0.07476, 0.01002, 0.00041], atol=5e-6), res["inertia"]
    assert abs(res["total_inertia"] - 0.08519) < 5e-6
    first = [abs(row[0]) for row in res["col_coords"]]
    assert np.allclose(first, [0.393, 0.099, 0.196, 0.294], atol=5e-4), first


def fisher_cases():
    tables = [
        [[8, 2], [1, 5]],
        [[3, 1], [1, 3]],
        [[0, 5], [5, 0]],
        [[10, 10], [10, 10]],
        [[1, 9], [11, 3]],
        [[100, 50], [30, 120]],
        [[2, 7], [8, 2]],
        [[1, 0], [0, 30]],
        [[20000, 19500], [19000, 20100]],
        [[0, 0], [3, 4]],
        [[0, 3], [0, 4]],
    ]
    out = []
    for t in tables:
        c = np.asarray(t)
        odds, p = stats.fisher_exact(c)
        # The Go code counts a table as no more probable than the observed
        # one within a relative 1e-7 (as R), SciPy within 1e-14: make sure
        # no probability falls between the two, so the references apply.
        if c.sum(axis=0).min() > 0 and c.sum(axis=1).min() > 0:
            M, n, N = c.sum(), c[0].sum(), c[:, 0].sum()
            lo, hi = max(0, N - (M - n)), min(n, N)
            pmf = stats.hypergeom.pmf(np.arange(lo, hi + 1), M, n, N)
            pobs = stats.hypergeom.pmf(c[0, 0], M, n, N)
            between = (pmf > pobs * (1 + 1e-14)) & (pmf <= pobs * (1 + 1e-7))
            assert not between.any(), t
        out.append({"table": t, "odds_ratio": odds, "p": p})
    return out


def poisson_cases():
    cases = [
        (0, 1000, 1000, 0.95),
        (1, 2500, 1000, 0.95),
        (7, 12345, 1000, 0.90),
        (250, 1e6, 1000, 0.99),
        (1e6, 1e9, 1000, 0.95),
        (3, 0.5, 1, 0.95),
    ]
    out = []
    for k, e, per, conf in cases:
        a = 1 - conf
        lo = 0.0 if k == 0 else stats.chi2.ppf(a / 2, 2 * k) / 2
        hi = stats.chi2.ppf(1 - a / 2, 2 * k + 2) / 2
        # Garwood's limits are the means at which the tails reach a/2.
        assert math.isclose(stats.poisson.cdf(k, hi), a / 2, rel_tol=1e-8)
        if k > 0:
            assert math.isclose(stats.poisson.sf(k - 1, lo), a / 2, rel_tol=1e-8)
        out.append(
            {
                "count": k,
                "exposure": e,
                "per": per,
                "conf": conf,
                "rate": k / e * per,
                "lo": lo / e * per,
                "hi": hi / e * per,
            }
        )
    return out


WILSON = [(0, 10, 0.95), (10, 10, 0.95), (3, 10, 0.95), (50, 200, 0.90), (1, 1e6, 0.95), (5e8, 1e9, 0.99), (7, 9, 0.5)]


def wilson_cases():
    out = []
    for x, n, conf in WILSON:
        lo, hi = proportion_confint(x, n, alpha=1 - conf, method="wilson")
        out.append({"x": x, "n": n, "conf": conf, "p": x / n, "lo": lo, "hi": hi})
    return out


def framing_index_cases():
    out = []
    for pos, neg, conf in [(30, 10, 0.95), (0, 12, 0.95), (5, 5, 0.9), (1000, 1, 0.99)]:
        lo, hi = proportion_confint(pos, pos + neg, alpha=1 - conf, method="wilson")
        out.append(
            {
                "pos": pos,
                "neg": neg,
                "conf": conf,
                "index": (pos - neg) / (pos + neg),
                "lo": 2 * lo - 1,
                "hi": 2 * hi - 1,
            }
        )
    return out


def js_cases():
    pairs = [
        ([10, 0, 5], [0, 8, 2], 0.0),
        ([10, 0, 5], [0, 8, 2], 1.0),
        ([1, 2, 3], [2, 4, 6], 0.0),
        ([5, 0], [0, 7], 0.0),
        ([1e9, 2e9, 3e9], [3e9, 2e9, 1e9], 0.0),
        ([3, 1, 4, 1, 5], [9, 2, 6, 5, 3], 0.25),
    ]
    out = []
    for p, q, a in pairs:
        d = jensenshannon(np.asarray(p, float) + a, np.asarray(q, float) + a, base=2)
        out.append({"p": p, "q": q, "alpha": a, "dist": d})
    return out


def bh_cases():
    vectors = [
        [0.01, 0.04, 0.03, 0.005, 0.2],
        [0.5],
        [0.01, 0.01, 0.01, 0.9, 1.0],
        [0.02, float("nan"), 0.001, 0.3, float("nan"), 0.04],
        [1e-300, 0.05, 0.049, 0.051],
        [0.9, 0.8, 0.7, 0.6],
    ]
    out = []
    for v in vectors:
        v = np.asarray(v, dtype=float)
        adj = np.full(v.shape, np.nan)
        ok = ~np.isnan(v)
        adj[ok] = multipletests(v[ok], method="fdr_bh")[1]
        out.append({"p": v.tolist(), "adjusted": adj.tolist()})
    return out


def tables_with_margins(rows, cols):
    """Every table of whole counts with the given row and column totals."""
    if len(rows) == 1:
        yield [list(cols)]
        return
    r0 = rows[0]

    def first_rows(j, left, cols_left):
        if j == len(cols) - 1:
            if left <= cols_left[j]:
                yield [left]
            return
        for x in range(0, min(left, cols_left[j]) + 1):
            for rest in first_rows(j + 1, left - x, cols_left):
                yield [x] + rest

    for row in first_rows(0, r0, cols):
        rest_cols = [c - x for c, x in zip(cols, row)]
        for rest in tables_with_margins(rows[1:], rest_cols):
            yield [row] + rest


def pearson(t, exp):
    t = np.asarray(t, dtype=float)
    return float(((t - exp) ** 2 / exp).sum())


def monte_carlo_cases():
    out = []
    for t in [[[3, 1, 0], [1, 2, 4]], [[2, 0, 3], [1, 4, 0], [0, 2, 5]]]:
        t = np.asarray(t)
        rows, cols = t.sum(axis=1).tolist(), t.sum(axis=0).tolist()
        N = t.sum()
        exp = np.outer(rows, cols) / N
        obs = pearson(t, exp)
        limit = (1 - 64 * np.finfo(float).eps) * obs
        # P(table | margins) = prod r_i! prod c_j! / (N! prod n_ij!)
        lconst = sum(math.lgamma(x + 1) for x in rows + cols) - math.lgamma(N + 1)
        p, total = 0.0, 0.0
        for s in tables_with_margins(rows, cols):
            prob = math.exp(lconst - sum(math.lgamma(x + 1) for x in itertools.chain(*s)))
            total += prob
            if pearson(s, exp) >= limit:
                p += prob
        assert abs(total - 1) < 1e-12
        x2, asym, _, _ = stats.chi2_contingency(t, correction=False)
        out.append({"table": t.tolist(), "stat": x2, "exact_p": p, "asymptotic_p": asym})
    return out


def spearman_cases():
    cases = [
        ([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]),
        ([4, 1, 1, 5, 3], [0.44, 0.64, 0.5, 0.58, 0.33]),
        ([1, 2, 3, 4, 5, 6, 7, 8], [8, 7, 6, 5, 4, 3, 2, 1]),
        ([2.5, 2.5, 1, 4, 4, 6], [1, 2, 3, 4, 5, 6]),
        ([1, 2, float("nan"), 4, 5, 6], [3, 1, 2, float("nan"), 6, 5]),
        ([3, 1, 2, 5, 4, 7, 6, 9, 8, 10, 12, 11], [0.1, 0.3, 0.2, 0.5, 0.4, 0.7, 0.9, 0.6, 0.8, 1.2, 1.0, 1.1]),
    ]
    out = []
    for x, y in cases:
        x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
        ok = ~np.isnan(x) & ~np.isnan(y)
        res = stats.spearmanr(x[ok], y[ok])
        out.append({"x": x.tolist(), "y": y.tolist(), "rho": float(res.correlation), "p": float(res.pvalue), "n": int(ok.sum())})
    return out


RATE_TESTS = [
    # counts, exposures
    ([4, 1, 0], [1, 14, 17]),  # more events than exposure in a group
    ([7, 2, 9, 0, 3], [1200, 800, 2000, 300, 900]),
    ([3, 0, 5], [100, 0, 250]),  # a group without exposure
    ([10, 20], [100, 200]),  # equal rates
    ([1, 0, 0, 0], [50, 60, 70, 80]),
    ([120, 95, 40, 210], [10000, 9000, 5200, 15000]),  # too many outcomes to enumerate here
    ([0, 0], [10, 20]),  # no events
    ([3], [10]),  # one group
]


def compositions(k, g):
    """Every way to put k events into g groups."""
    if g == 1:
        yield (k,)
        return
    for x in range(k + 1):
        for rest in compositions(k - x, g - 1):
            yield (x,) + rest


def rate_cases():
    out = []
    for counts, exposures in RATE_TESTS:
        kept = [i for i, n in enumerate(exposures) if n > 0]
        k = np.array([counts[i] for i in kept], dtype=float)
        n = np.array([exposures[i] for i in kept], dtype=float)
        case = {"counts": counts, "exposures": exposures, "dropped": [i for i, e in enumerate(exposures) if e == 0]}
        if len(kept) < 2 or k.sum() == 0:
            case.update(defined=False)
            out.append(case)
            continue
        K = k.sum()
        e = K * n / n.sum()
        x2, p = stats.chisquare(k, e)
        g, gp = stats.power_divergence(k, e, lambda_="log-likelihood")
        expected = np.zeros(len(counts))
        expected[kept] = e
        case.update(defined=True, stat=x2, p=p, g=g, g_p=gp, df=len(kept) - 1, n=K,
                    expected=expected.tolist(), min_expected=e.min(), below5=int((e < 5).sum()))
        outcomes = math.comb(int(K) + len(kept) - 1, len(kept) - 1)
        case["outcomes"] = outcomes
        if outcomes <= 20000:
            floor = (1 - 64 * np.finfo(float).eps) * x2
            probs = n / n.sum()
            exact = 0.0
            total = 0.0
            for x in compositions(int(K), len(kept)):
                pr = stats.multinomial.pmf(x, int(K), probs)
                total += pr
                if (((np.array(x) - e) ** 2) / e).sum() >= floor:
                    exact += pr
            assert abs(total - 1) < 1e-9, total
            case["exact_p"] = exact
        else:
            case["exact_p"] = None
        out.append(case)
    return out


def main():
    check_ca_against_greenacre()
    tables = []
    for name, t in TABLES.items():
        chisq, _ = contingency(t)
        tables.append(
            {
                "name": name,
                "table": t,
                "chisq": chisq,
                "js": [{"alpha": a, "dist": js_matrix(t, a)} for a in JS_ALPHAS],
                "logodds": [dict(logodds(t, a0), a0_arg=a0) for a0 in LOGODDS_A0],
                "ca": ca(t),
            }
        )
    doc = {
        "generator": "gen.py with scipy %s, statsmodels %s, numpy %s"
        % (scipy.__version__, statsmodels.__version__, np.__version__),
        "tables": tables,
        "fisher": fisher_cases(),
        "poisson": poisson_cases(),
        "wilson": wilson_cases(),
        "framing_index": framing_index_cases(),
        "js_pairs": js_cases(),
        "bh": bh_cases(),
        "monte_carlo": monte_carlo_cases(),
        "spearman": spearman_cases(),
        "rate_tests": rate_cases(),
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "vectors.json")
    with open(path, "w") as f:
        json.dump(nan_to_none(doc), f, indent=1, allow_nan=False)
        f.write("\n")


if __name__ == "__main__":
    main()
