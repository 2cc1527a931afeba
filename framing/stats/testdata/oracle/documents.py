#!/usr/bin/python3
"""Reference values for the document-level statistics of package framing/stats.

Run from anywhere with Debian's Python and its SciPy and NumPy
(apt-get install python3-scipy python3-statsmodels):

    /usr/bin/python3 framing/stats/testdata/oracle/documents.py

It writes documents.json beside itself; documents_oracle_test.go reads it and
never runs Python. NaN is written as null and infinities as "+Inf"/"-Inf".
Every section is computed here from the definitions, independently of the Go
code (no shared algorithm: exact rational enumeration where Go multiplies
hypergeometric probabilities, scipy.optimize where Go profiles by hand).

Sources of the numbers, by section:
  freeman_halton   exact enumeration of every table with the observed
                   margins (itertools), probabilities and Pearson's X² as
                   exact fractions; p by X² ordering and by probability
                   ordering; 2×2 tables also scipy.stats.fisher_exact, and
                   a flag saying whether the two orderings select the same
                   tables there
  permutation      scipy.stats.permutation_test(permutation_type=
                   "independent", n_resamples=inf, alternative="greater")
                   on the expanded per-document data for two groups; for
                   more groups an exhaustive enumeration of the assignments
                   of documents to groups (itertools.combinations), with
                   X² as exact fractions; documents without hits are left
                   out, as the Go test does; the mid-p-value from the same
                   enumeration (exact ties counted half)
  cluster_bootstrap
                   tiny cases: the exact bootstrap distribution, by
                   enumerating every multinomial resample of the units
                   (itertools) with its probability; larger cases: a
                   reference bootstrap distribution of 10⁶ resamples
                   (numpy.random.Generator(PCG64(seed)).multinomial), whose
                   quantiles bracket the Go bounds, checked here against
                   scipy.stats.bootstrap(method="percentile"/"BCa",
                   paired=True); the BCa acceleration by a direct jackknife
                   over documents; for the bootstrap-t, the same for the
                   studentized t* = (p* − p̂)/se* with the cluster-robust SE
                   transcribed directly (exact distribution, or quantile
                   bands of 10⁶ resamples)
  beta_binomial, dirichlet_multinomial
                   the log-likelihoods transcribed in the ln Γ form
                   (scipy.special.gammaln), maximised with scipy.optimize
                   (minimize_scalar on a profile in ρ for the
                   beta-binomial; BFGS from several starts on softmax
                   shares and logit ρ, polished by Nelder–Mead, for the
                   Dirichlet-multinomial); ρ = 0 is the binomial
                   (multinomial) likelihood and ρ = 1, for documents of a
                   single label each, its limit Σ ln π; profile-likelihood
                   interval ends by scipy.optimize.brentq
  design_effect, rate_dispersion
                   direct NumPy on the expanded per-document data: p̂,
                   D/(D−1) Σ(x − p̂m)²/(Σm)², p̂(1−p̂)/Σm, their ratio,
                   Σm/deff, (Σm)²/Σm²; r̂ = Σk/Σn and
                   Σ(k − n r̂)²/(n r̂)/(D−1)
  js_exact         scipy.spatial.distance.jensenshannon(base=2), and a
                   50-digit mpmath evaluation of the definition (the
                   reference where SciPy's double-precision sum is
                   inexact: nearly equal distributions)
  js_bootstrap     the exact bootstrap distribution of the distance
                   (every pair of multinomial resamples of two tiny groups)
  logodds_concept  NumPy transcription of Monroe et al. (2008) §3.5 with the
                   full variance, group against the rest, α_w = a0·n_w/N
                   and default a0 = N/(groups with counts); each table also
                   with an empty group added, which must leave every value
                   unchanged
  token_ratio      per-document (k, n) pairs per group, never their sums:
                   p̂ = Σk/Σn, the residuals k − p̂n, the design effect
                   [D/(D−1) Σ(k − p̂n)²/(Σn)²] / [v(p̂)/Σn] (v(p) = p for a
                   rate, p(1 − p) for a share) and the test's X², φ̂ and F
                   as exact fractions; the design effect checked against
                   the cluster-robust (one cluster per document) over the
                   model-based variance of the intercept of a statsmodels
                   GLM (Poisson with offset log n, or binomial); the
                   interval at Σk/used and Σn/used, used = deff·(t/z)² taken as at least
                   1 and as 1 when undefined: for a rate Garwood's
                   scipy.stats.chi2.ppf(α/2, 2k)/2/n (0 when Σk = 0) and
                   chi2.ppf(1 − α/2, 2k + 2)/2/n, for a share statsmodels
                   proportion_confint(method="wilson"), checked against the
                   score formula written out, exactly 0 (1) when Σk = 0
                   (Σk = Σn); the test's X² checked against
                   scipy.stats.chi2_contingency(correction=False) of the
                   groups × {hits, other tokens} table for a share and the
                   Pearson X² of a statsmodels Poisson GLM of the groups'
                   totals for a rate, φ̂'s numerator for a rate against
                   the response residuals of a Poisson GLM with a rate per
                   group; p = scipy.stats.f.sf(F, G − 1, Σ(E_g − 1)), E_g
                   the Kish effective documents (N_g²/Σn²); the design
                   effect used times (t_{E−1}/z)² (t_quantile). Values
                   the Go doc comments leave NaN are null here: a design
                   effect without hits, with fewer than two documents or
                   at share 1; the test with fewer than two groups with
                   tokens, without hits, at share 1 or with D ≤ G, and its
                   φ̂, F and p (X² and the degrees of freedom given) when
                   every document is at its group's ratio (φ̂ = 0)
  cr2              the regression literature's matrix form in NumPy, not
                   Go's closed form: weighted least squares of y = x/m on
                   an intercept, weights w = m, over the units with m > 0
                   (a histogram's repeated vector is several units); bread
                   (XᵀWX)⁻¹, hat matrix H = X(XᵀWX)⁻¹XᵀW, the CR2
                   adjustment (1 − H_ii)^(−1/2) of Bell and McCaffrey
                   (2002) and the sandwich over one cluster per unit; the
                   Bell–McCaffrey degrees of freedom (Σλ)²/Σλ² from
                   numpy.linalg.eigvalsh of Φ^½ (I − H)ᵀ C (I − H) Φ^½
                   under the working model Φ = diag(1/w) (Imbens and
                   Kolesár 2016; Pustejovsky and Tipton 2018), checked
                   against Pustejovsky and Tipton's (Σ gᵢᵀΦgᵢ)²/Σ (gᵢᵀΦgⱼ)²
                   and against V and the degrees of freedom in exact
                   fractions (both are rational: traces of ΦB and ΦBΦB);
                   equal sizes checked to give n − 1; t from
                   scipy.stats.t.ppf polished by a 50-digit mpmath root of
                   the t distribution function (SciPy 1.10's is off by up
                   to 6e-10 at non-integer df); the interval clipped to
                   [0, 1] and mapped by 2p − 1 for the index. statsmodels
                   has no CR2 with these degrees of freedom (its GEE
                   "bias_reduced" is Mancl and DeRouen's (I − H)⁻¹, not
                   CR2). Undefined (null but the estimate), decided in
                   exact fractions: fewer than two units with hits, or
                   every unit at the same share (V = 0); no estimate
                   without hits
"""

import itertools
import json
import warnings
import math
import os
from fractions import Fraction

import mpmath
import numpy as np
import scipy
import statsmodels
import statsmodels.api as sm
from scipy.spatial.distance import jensenshannon
from scipy import optimize, special, stats
from statsmodels.stats.proportion import proportion_confint

HERE = os.path.dirname(os.path.abspath(__file__))


def clean(x):
    """Make x JSON-ready: NaN as None, infinities as strings."""
    if isinstance(x, (list, tuple)):
        return [clean(v) for v in x]
    if isinstance(x, dict):
        return {k: clean(v) for k, v in x.items()}
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (np.integer,)):
        return int(x)
    if isinstance(x, (float, np.floating)):
        x = float(x)
        if math.isinf(x):
            return "+Inf" if x > 0 else "-Inf"
        return None if math.isnan(x) else x
    return x


# ---------------------------------------------------------------- Freeman–Halton


def row_fills(total, col_left):
    """Every way to split total among columns with capacities col_left."""
    for cells in itertools.product(*(range(min(total, c) + 1) for c in col_left)):
        if sum(cells) == total:
            yield cells


def tables_with_margins(rows, cols):
    if len(rows) == 1:
        yield (tuple(cols),)
        return
    for first in row_fills(rows[0], cols):
        rest = [c - x for c, x in zip(cols, first)]
        for t in tables_with_margins(rows[1:], rest):
            yield (first,) + t


def exact_x2(t, rows, cols, n):
    """Pearson's X² as a fraction: Σ (N n_ij − r_i c_j)² / (N r_i c_j)."""
    return sum(
        Fraction(n * t[i][j] - rows[i] * cols[j]) ** 2 / (n * rows[i] * cols[j])
        for i in range(len(rows))
        for j in range(len(cols))
    )


def freeman_halton(table):
    t = np.asarray(table, dtype=np.int64)
    keep_r = [i for i in range(t.shape[0]) if t[i].sum() > 0]
    keep_c = [j for j in range(t.shape[1]) if t[:, j].sum() > 0]
    out = {
        "table": table,
        "dropped_rows": [i for i in range(t.shape[0]) if i not in keep_r],
        "dropped_cols": [j for j in range(t.shape[1]) if j not in keep_c],
    }
    red = t[np.ix_(keep_r, keep_c)].tolist()
    rows = [sum(r) for r in red]
    cols = [sum(c) for c in zip(*red)]
    n = sum(rows)
    const = Fraction(math.prod(math.factorial(x) for x in rows + cols), math.factorial(n))

    def prob(s):
        return const / math.prod(math.factorial(x) for r in s for x in r)

    p_obs, x2_obs = prob(red), exact_x2(red, rows, cols, n)
    total = by_x2 = by_prob = Fraction(0)
    count = 0
    near_tie = False
    for s in tables_with_margins(rows, cols):
        count += 1
        p = prob(s)
        total += p
        if exact_x2(s, rows, cols, n) >= x2_obs:
            by_x2 += p
        if p <= p_obs:
            by_prob += p
        elif p <= p_obs * Fraction(10**7 + 1, 10**7):
            near_tie = True  # R's 1e-7 tolerance would count it: avoid such tables
    assert total == 1
    assert not near_tie, table
    out.update(stat=float(x2_obs), p=float(by_x2), p_probability=float(by_prob), tables=count)
    if len(rows) == 2 and len(cols) == 2:
        # scipy.stats.fisher_exact orders 2×2 tables by probability. It
        # agrees with the X² ordering when both select the same tables,
        # which is checked here on the exact values.
        _, fp = stats.fisher_exact(red)
        assert math.isclose(fp, float(by_prob), rel_tol=1e-12), (table, fp, by_prob)
        out["fisher_p"] = fp
        out["orderings_agree"] = by_x2 == by_prob
    return out


FH_TABLES = [
    [[8, 2], [1, 5]],  # 2×2, orderings agree
    [[5, 1], [1, 5]],  # 2×2, symmetric margins
    [[3, 2], [2, 0]],  # 2×2 where X² and probability orderings differ
    [[3, 1, 0], [1, 2, 4]],  # 2×3
    [[3, 2, 2], [2, 0, 0]],  # 2×3, orderings differ (0.444 vs 1)
    [[2, 0, 3], [1, 4, 0], [0, 2, 5]],  # 3×3, orderings differ
    [[5, 3, 2], [0, 0, 0], [1, 1, 4]],  # zero row dropped
    [[4, 0, 6], [3, 0, 1], [2, 0, 5]],  # zero column dropped
    [[3, 1, 0, 2], [0, 2, 4, 1], [1, 1, 1, 3]],  # 3×4
    [[6, 1], [2, 3], [0, 4], [1, 1]],  # 4×2
    [[0, 7], [7, 0]],  # extreme 2×2
]


# ---------------------------------------------------------------- permutation


def x2_of_sums(vectors, groups_idx):
    """Exact X² of the groups × labels table of summed vectors, all-zero
    label columns dropped."""
    s = [[sum(vectors[i][j] for i in idx) for j in range(len(vectors[0]))] for idx in groups_idx]
    cols = [sum(r[j] for r in s) for j in range(len(s[0]))]
    keep = [j for j, c in enumerate(cols) if c > 0]
    s = [[r[j] for j in keep] for r in s]
    rows = [sum(r) for r in s]
    cols = [cols[j] for j in keep]
    return exact_x2(s, rows, cols, sum(rows))


def assignments(units, sizes):
    """Every assignment of the unit indices to groups of the given sizes."""
    if len(sizes) == 1:
        yield [list(units)]
        return
    for first in itertools.combinations(units, sizes[0]):
        rest = [u for u in units if u not in first]
        for tail in assignments(rest, sizes[1:]):
            yield [list(first)] + tail


def enumerate_permutation(vectors, groups_idx):
    obs = x2_of_sums(vectors, groups_idx)
    units = [i for idx in groups_idx for i in idx]
    sizes = [len(idx) for idx in groups_idx]
    hit = tie = total = 0
    for a in assignments(units, sizes):
        total += 1
        x2 = x2_of_sums(vectors, a)
        if x2 >= obs:
            hit += 1
            if x2 == obs:
                tie += 1
    return float(obs), hit / total, (hit - tie / 2) / total, total


def permutation_case(name, docs, draws):
    """docs[g] is the list of document vectors of group g; documents without
    hits and groups left without documents are dropped first."""
    k = len(next(v for g in docs for v in g))
    kept = [[v for v in g if any(v)] for g in docs]
    kept = [g for g in kept if g]
    vectors = [[Fraction(x) for x in v] for g in kept for v in g]
    groups_idx, i = [], 0
    for g in kept:
        groups_idx.append(list(range(i, i + len(g))))
        i += len(g)
    obs, p_enum, p_mid, arrangements = enumerate_permutation(vectors, groups_idx)
    out = {"name": name, "docs": docs, "draws": draws, "k": k, "stat": obs, "p": p_enum, "p_mid": p_mid,
           "units": len(vectors), "assignments": arrangements, "source": "enumeration"}
    if len(kept) == 2:
        V = np.asarray([[float(x) for x in v] for v in vectors])
        keep = V.sum(axis=0) > 0
        V = V[:, keep]

        def statistic(x, y):
            s = np.vstack([V[x.astype(int)].sum(axis=0), V[y.astype(int)].sum(axis=0)])
            e = np.outer(s.sum(axis=1), s.sum(axis=0)) / s.sum()
            return ((s - e) ** 2 / e).sum()

        res = stats.permutation_test(
            (np.asarray(groups_idx[0], float), np.asarray(groups_idx[1], float)),
            statistic,
            permutation_type="independent",
            vectorized=False,
            n_resamples=np.inf,
            alternative="greater",
        )
        assert math.isclose(res.statistic, obs, rel_tol=1e-12)
        assert math.isclose(res.pvalue, p_enum, rel_tol=1e-12), (name, res.pvalue, p_enum)
        out.update(p=float(res.pvalue), stat=float(res.statistic), source="scipy.stats.permutation_test")
    return out


PERMUTATION_CASES = [
    ("two groups, three labels", [
        [[3, 0, 1], [0, 2, 0], [1, 1, 0], [0, 0, 0]],
        [[0, 4, 1], [0, 1, 2], [2, 0, 0]],
    ], 100000),
    ("framing index, repeated documents", [
        [[2, 0], [2, 0], [1, 1], [0, 3], [2, 0]],
        [[0, 1], [0, 1], [0, 2], [1, 0], [0, 0], [0, 1]],
    ], 100000),
    ("one document carries most hits", [
        [[9, 0], [0, 1], [0, 1]],
        [[1, 1], [0, 1], [1, 0], [0, 2]],
    ], 100000),
    ("three groups, framing index", [
        [[2, 0], [1, 0], [0, 1]],
        [[0, 2], [0, 1], [1, 1]],
        [[1, 0], [3, 0], [0, 0]],
    ], 100000),
    ("three groups, three labels, a zero label and an empty group", [
        [[1, 0, 2, 0], [0, 0, 1, 0], [2, 1, 0, 0]],
        [[0, 0, 0, 0]],
        [[0, 3, 0, 0], [1, 1, 0, 0], [0, 2, 1, 0]],
        [[1, 0, 0, 0], [0, 0, 2, 0]],
    ], 100000),
    ("huge counts", [
        [[1e6, 2e6], [3e6, 1e6], [2e6, 2e6]],
        [[1e6, 4e6], [2e6, 3e6 + 1]],
    ], 100000),
    # More arrangements than draws: Go draws 4000 tables, the reference is
    # the exact value (scipy enumerates all 48620 assignments).
    ("monte carlo, nine against nine", [
        [[3, 0], [2, 1], [4, 0], [1, 1], [0, 1], [5, 2], [2, 0], [6, 1], [1, 0]],
        [[0, 2], [1, 3], [0, 1], [2, 2], [1, 4], [0, 3], [3, 1], [0, 5], [1, 1]],
    ], 4000),
    ("monte carlo, three groups", [
        [[2, 0, 1], [1, 0, 0], [0, 1, 2], [3, 1, 0]],
        [[0, 2, 0], [1, 1, 1], [0, 3, 1], [0, 1, 0]],
        [[1, 0, 3], [0, 0, 2], [2, 1, 1], [1, 2, 0]],
    ], 2000),
]


# ---------------------------------------------------------------- cluster bootstrap


def ratio_xm(docs, label, index):
    """(x, m) per document: share of label, or pos among pos+neg."""
    if index:
        return [(v[0], v[0] + v[1]) for v in docs]
    return [(v[label], sum(v)) for v in docs]


def cluster_se(counts, xm, p):
    """Cluster-robust SE of the share p of the documents xm taken counts
    times: sqrt(D/(D−1) Σ c (x − p m)²) / Σ c m, D = Σ c."""
    D = sum(counts)
    M = sum(c * m for c, (_, m) in zip(counts, xm))
    rss = sum(c * (x - p * m) ** 2 for c, (x, m) in zip(counts, xm))
    return math.sqrt(D / (D - 1) * float(rss)) / float(M)


def student(p_star, p_hat, se_star):
    """t* with the conventions of ClusterBootstrap: 0 when p* = p̂, ±inf
    when se* = 0 < |p* − p̂|."""
    if p_star == p_hat:
        return 0.0
    if se_star == 0:
        return math.inf if p_star > p_hat else -math.inf
    return float(p_star - p_hat) / se_star


def exact_bootstrap(xm, scale, shift):
    """Exact distribution of the resampled ratio and of the studentized t*:
    every count vector c of the D documents (multinomial, probabilities 1/D
    each, grouped by equal (x, m)) with its probability."""
    types = {}
    for p in xm:
        types[p] = types.get(p, 0) + 1
    keys = list(types)
    d = len(xm)
    X0 = sum(x for x, _ in xm)
    M0 = sum(m for _, m in xm)
    p_hat = Fraction(X0, M0)
    dist, tdist, undefined = {}, {}, Fraction(0)
    for c in itertools.product(range(d + 1), repeat=len(keys)):
        if sum(c) != d:
            continue
        prob = Fraction(math.factorial(d), math.prod(math.factorial(x) for x in c))
        prob *= math.prod(Fraction(types[k], d) ** x for k, x in zip(keys, c))
        X = sum(x * k[0] for k, x in zip(keys, c))
        M = sum(x * k[1] for k, x in zip(keys, c))
        if M == 0:
            undefined += prob
            continue
        p = Fraction(X, M)
        v = scale * p + shift
        dist[v] = dist.get(v, 0) + prob
        t = student(p, p_hat, cluster_se(c, keys, p))
        tdist[t] = tdist.get(t, 0) + prob
    values = sorted(dist)
    tvalues = sorted(tdist)
    return ([float(v) for v in values], [float(dist[v]) for v in values], float(undefined),
            [float(v) for v in tvalues], [float(tdist[v]) for v in tvalues])


def jackknife_a(xm, scale, shift):
    X = sum(x for x, _ in xm)
    M = sum(m for _, m in xm)
    jack = np.array([scale * (X - x) / (M - m) + shift for x, m in xm], dtype=float)
    e = jack.mean() - jack
    s2 = (e**2).sum()
    return 0.0 if s2 == 0 else float((e**3).sum() / (6 * s2**1.5))


def bootstrap_case(name, docs, label, index, draws, conf, seed):
    scale, shift = (2, -1) if index else (1, 0)
    xm = ratio_xm(docs, label, index)
    X = sum(x for x, _ in xm)
    M = sum(m for _, m in xm)
    out = {"name": name, "docs": docs, "label": label, "index": index, "draws": draws,
           "conf": conf, "estimate": scale * X / M + shift, "units": len(docs),
           "units_with_hits": sum(1 for _, m in xm if m > 0)}
    alpha = (1 - conf) / 2
    p_hat = Fraction(X, M)
    out["se"] = cluster_se([1] * len(xm), xm, p_hat)
    if len(docs) <= 7:
        values, probs, undefined, tvalues, tprobs = exact_bootstrap(xm, scale, shift)
        out.update(kind="exact", values=values, probs=probs, undefined=undefined,
                   t_values=tvalues, t_probs=tprobs)
        return out
    # Reference distribution: 10⁶ resamples.
    rng = np.random.Generator(np.random.PCG64(seed))
    x = np.array([p[0] for p in xm], float)
    m = np.array([p[1] for p in xm], float)
    B = 1_000_000
    c = rng.multinomial(len(xm), np.full(len(xm), 1 / len(xm)), size=B)
    XX, MM = c @ x, c @ m
    ok = MM > 0
    theta = np.sort(scale * XX[ok] / MM[ok] + shift)
    assert ok.mean() > 1 - 1e-4
    est = scale * X / M + shift
    a = jackknife_a(xm, scale, shift)
    z0 = stats.norm.ppf(((theta < est).sum() + (theta <= est).sum()) / (2 * len(theta)))

    def bca_level(z0, zq):
        return stats.norm.cdf(z0 + (z0 + zq) / (1 - a * (z0 + zq)))

    def band(q, extra=0.0):
        # Go's bound must lie between the reference quantiles at q ± t:
        # 4 binomial SE of a quantile level with Go's draws, plus the
        # reference's own (10⁶ draws), plus extra.
        t = 4 * math.sqrt(q * (1 - q)) * (1 / math.sqrt(draws) + 1 / math.sqrt(B)) + extra
        return [float(np.quantile(theta, max(q - t, 0))), float(np.quantile(theta, min(q + t, 1)))]

    za = stats.norm.ppf(alpha)
    a1, a2 = bca_level(z0, za), bca_level(z0, -za)
    # z0 from Go's draws has SE √(F(1−F)/B)/φ(z0); the BCa levels move by
    # dα/dz0 times that (derivative by central differences).
    F = stats.norm.cdf(z0)
    se_z0 = math.sqrt(F * (1 - F) / draws) / stats.norm.pdf(z0)
    h = 1e-6
    d1 = abs(bca_level(z0 + h, za) - bca_level(z0 - h, za)) / (2 * h)
    d2 = abs(bca_level(z0 + h, -za) - bca_level(z0 - h, -za)) / (2 * h)
    # Studentized t*, same resamples.
    X1, M1 = XX[ok], MM[ok]
    P = X1 / M1
    rss = np.empty(len(P))
    cok = c[ok]
    for s0 in range(0, len(P), 50000):
        sl = slice(s0, s0 + 50000)
        rss[sl] = (cok[sl] * (x[None, :] - P[sl, None] * m[None, :]) ** 2).sum(axis=1)
    D = len(xm)
    se_star = np.sqrt(D / (D - 1) * rss) / M1
    p0 = X / M
    with np.errstate(divide="ignore", invalid="ignore"):
        tt = np.where(P == p0, 0.0, (P - p0) / se_star)
    tt = np.sort(tt)

    def tband(q):
        t = 4 * math.sqrt(q * (1 - q)) * (1 / math.sqrt(draws) + 1 / math.sqrt(B))
        lo_i = int(math.floor(max(q - t, 0) * (len(tt) - 1)))
        hi_i = int(math.ceil(min(q + t, 1) * (len(tt) - 1)))
        return [float(tt[lo_i]), float(tt[hi_i])]

    out.update(t_lo_band=tband(alpha), t_hi_band=tband(1 - alpha))
    out.update(kind="reference", lo_band=band(alpha), hi_band=band(1 - alpha),
               bca_lo_band=band(a1, 4 * d1 * se_z0), bca_hi_band=band(a2, 4 * d2 * se_z0),
               acceleration=a, bias_correction=float(z0))
    # SciPy's intervals (10⁵ resamples) must fall in the same bands, with
    # the tolerance of its own draws.
    idx = np.arange(len(xm))

    def statistic(i):
        i = i.astype(int)
        return scale * x[i].sum() / m[i].sum() + shift

    for method, lo_key, hi_key in [("percentile", "lo_band", "hi_band"), ("BCa", "bca_lo_band", "bca_hi_band")]:
        res = stats.bootstrap((idx.astype(float),), statistic, n_resamples=100_000, vectorized=False,
                              confidence_level=conf, method=method,
                              random_state=np.random.Generator(np.random.PCG64(seed + 1)))
        lo, hi = res.confidence_interval
        wid = out[hi_key][1] - out[lo_key][0]
        assert out[lo_key][0] - 0.02 * wid <= lo <= out[lo_key][1] + 0.02 * wid, (name, method, lo, out[lo_key])
        assert out[hi_key][0] - 0.02 * wid <= hi <= out[hi_key][1] + 0.02 * wid, (name, method, hi, out[hi_key])
        out["scipy_" + method.lower()] = [float(lo), float(hi)]
    return out


def bootstrap_cases():
    rng = np.random.Generator(np.random.PCG64(20240518))
    # 30 documents with Dirichlet-multinomial label counts and negative
    # binomial totals (k = 3 labels); share of label 0.
    share_docs = []
    for _ in range(30):
        n = int(rng.negative_binomial(2, 0.4))
        p = rng.dirichlet([1.2, 0.8, 0.5])
        share_docs.append([int(v) for v in rng.multinomial(n, p)])
    # 40 documents {pos, neg}, a quarter without hits, one carrying 25.
    index_docs = []
    for i in range(40):
        n = 0 if i % 4 == 3 else int(1 + rng.poisson(1.5))
        pos = int(rng.binomial(n, rng.beta(3, 2)))
        index_docs.append([pos, n - pos])
    index_docs[7] = [21, 4]
    return [
        bootstrap_case("tiny share", [[2, 1, 0], [0, 0, 1], [1, 0, 0], [0, 0, 0], [3, 0, 1]], 0, False, 20000, 0.95, 1),
        bootstrap_case("tiny index", [[3, 0], [0, 2], [1, 1], [0, 0], [2, 0], [0, 0]], 0, True, 20000, 0.95, 2),
        bootstrap_case("tiny repeated", [[1, 0], [1, 0], [1, 0], [0, 1], [0, 1]], 0, True, 20000, 0.9, 3),
        bootstrap_case("tiny with many empty", [[2, 0], [0, 0], [0, 0], [0, 0], [0, 1]], 0, True, 20000, 0.95, 4),
        bootstrap_case("thirty documents, share", share_docs, 0, False, 100000, 0.95, 5),
        bootstrap_case("forty documents, index", index_docs, 0, True, 100000, 0.95, 6),
    ]


# ---------------------------------------------------------------- beta-binomial and Dirichlet-multinomial


def dm_loglik(Y, pi, rho):
    """Dirichlet-multinomial log-likelihood of the rows of Y (documents ×
    labels, documents with hits), mean shares pi, intra-class correlation
    rho, in the ln Γ form; rho = 0 is the multinomial, rho = 1 its limit for
    documents of a single label (−inf otherwise)."""
    Y = np.asarray(Y, float)
    m = Y.sum(axis=1)
    const = (special.gammaln(m + 1) - special.gammaln(Y + 1).sum(axis=1)).sum()
    pi = np.asarray(pi, float)
    if rho == 0:
        with np.errstate(divide="ignore", invalid="ignore"):
            return const + float(np.where(Y > 0, Y * np.log(pi), 0).sum())
    if rho == 1:
        if ((Y > 0).sum(axis=1) > 1).any():
            return -math.inf
        return const + float(sum(math.log(pi[int(np.argmax(y))]) for y in Y))
    a0 = (1 - rho) / rho
    alpha = pi * a0
    ll = const + len(Y) * special.gammaln(a0) - special.gammaln(m + a0).sum()
    for l in range(Y.shape[1]):
        y = Y[:, l]
        if alpha[l] == 0:
            if (y > 0).any():
                return -math.inf
            continue
        ll += (special.gammaln(y + alpha[l]) - special.gammaln(alpha[l])).sum()
    return float(ll)


def bb_profile_rho(Y, p):
    """max over rho of the beta-binomial log-likelihood at share p, and the
    maximising rho (0 and 1 included as candidates)."""
    pi = np.array([p, 1 - p])
    cands = [(dm_loglik(Y, pi, 0.0), 0.0), (dm_loglik(Y, pi, 1.0), 1.0)]
    f = lambda r: -dm_loglik(Y, pi, r)
    for lo, hi in [(1e-9, 0.5), (0.3, 1 - 1e-9)]:
        res = optimize.minimize_scalar(f, bounds=(lo, hi), method="bounded", options={"xatol": 1e-13})
        # Below ρ = 1e-6 the ln Γ form is rounding noise around the
        # binomial value (α ~ 1e6+): such a maximum is the boundary ρ = 0.
        if res.x > 1e-6:
            cands.append((-res.fun, res.x))
    return max(cands)


def bb_fit(Y, conf):
    """Beta-binomial MLE by maximising the profile over p (bounded Brent),
    itself a maximum over rho; with its profile-likelihood interval."""
    Y = np.asarray(Y, float)
    f = lambda p: -bb_profile_rho(Y, p)[0]
    pooled = Y[:, 0].sum() / Y.sum()
    if pooled in (0, 1):
        p_hat = pooled
    else:
        res = optimize.minimize_scalar(f, bounds=(1e-12, 1 - 1e-12), method="bounded", options={"xatol": 1e-14})
        p_hat = res.x
    ll_hat, rho_hat = bb_profile_rho(Y, p_hat)
    crit = ll_hat - stats.chi2.ppf(conf, 1) / 2
    g = lambda p: bb_profile_rho(Y, p)[0] - crit
    lo = 0.0 if Y[:, 0].sum() == 0 else optimize.brentq(g, 1e-12, p_hat, xtol=1e-14)
    hi = 1.0 if Y[:, 1].sum() == 0 else optimize.brentq(g, p_hat, 1 - 1e-12, xtol=1e-14)
    return p_hat, rho_hat, ll_hat, lo, hi


def bb_case(name, docs, label, index, conf):
    xm = ratio_xm(docs, label, index)
    Y = [[x, m - x] for x, m in xm if m > 0]
    p, rho, ll, lo, hi = bb_fit(Y, conf)
    scale, shift = (2, -1) if index else (1, 0)
    return {"name": name, "docs": docs, "label": label, "index": index, "conf": conf,
            "estimate": scale * p + shift, "lo": scale * lo + shift, "hi": scale * hi + shift,
            "rho": rho, "loglik": ll}


def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


def dm_max(Y, k, fixed=None, p=None, start=None, polish=False):
    """max of the DM log-likelihood over shares (with pi[fixed] = p) and
    rho: BFGS from several starts on (softmax logits of the free labels
    with counts, logit rho), polished by Nelder–Mead for the MLE itself
    (the profile only needs the maximum's value); rho = 0 and, for
    documents of a single label each, rho = 1 are candidates too."""
    Y = np.asarray(Y, float)
    tot = Y.sum(axis=0)
    free = [l for l in range(k) if l != fixed and tot[l] > 0]
    target = 1.0 if fixed is None else 1 - p

    def shares(z):
        pi = np.zeros(k)
        if fixed is not None:
            pi[fixed] = p
        if free:
            pi[free] = target * softmax(np.concatenate([[0.0], z]))
        elif target > 0:
            rest = [l for l in range(k) if l != fixed]
            pi[rest] = target / len(rest)
        return pi

    nz = max(len(free) - 1, 0)
    pure = bool(((Y > 0).sum(axis=1) <= 1).all())
    starts = [np.zeros(nz)]
    if free:
        w = tot[free] / tot[free].sum()
        starts.append(np.log(w[1:] / w[0]))
    if start is not None:
        starts.append(start)
    best = None
    for rho in (0.0, 1.0) if pure else (0.0,):
        f = lambda z: -dm_loglik(Y, shares(z), rho)
        for z0 in starts:
            val, zz = -f(z0), z0
            if nz:
                r = optimize.minimize(f, z0, method="BFGS", options={"gtol": 1e-11})
                val, zz = -r.fun, r.x
            if best is None or val > best[0]:
                best = (val, shares(zz), rho, np.concatenate([zz, [-30.0 if rho == 0 else 30.0]]))
    if not pure:
        def negll(v):
            rho = 1 / (1 + math.exp(-v[-1]))
            return -dm_loglik(Y, shares(v[:nz]), rho)

        for z0 in starts:
            for t0 in (-2.0, 0.0):
                r = optimize.minimize(negll, np.concatenate([z0, [t0]]), method="BFGS", options={"gtol": 1e-11})
                if polish:
                    r = optimize.minimize(negll, r.x, method="Nelder-Mead",
                                          options={"xatol": 1e-12, "fatol": 1e-15, "maxiter": 20000})
                rho = 1 / (1 + math.exp(-r.x[-1]))
                # Below ρ = 1e-6 the ln Γ form is rounding noise around the
                # multinomial value: such a maximum is the boundary ρ = 0.
                if rho > 1e-6 and -r.fun > best[0]:
                    best = (-r.fun, shares(r.x[:nz]), rho, r.x)
    return best


def dm_case(name, docs, conf):
    Y = [v for v in docs if sum(v) > 0]
    k = len(docs[0])
    ll, pi, rho, _ = dm_max(Y, k, polish=True)
    crit = ll - stats.chi2.ppf(conf, 1) / 2
    tot = np.asarray(Y, float).sum(axis=0)
    lo, hi = [], []
    for j in range(k):
        g = lambda p: dm_max(Y, k, j, p)[0] - crit
        lo.append(0.0 if tot[j] == 0 else optimize.brentq(g, 1e-9, pi[j], xtol=1e-12))
        hi.append(1.0 if tot.sum() == tot[j] else optimize.brentq(g, pi[j], 1 - 1e-9, xtol=1e-12))
    return {"name": name, "docs": docs, "conf": conf, "shares": list(pi), "rho": rho, "loglik": ll,
            "lo": lo, "hi": hi}


def bb_cases():
    base = [[3, 1], [0, 2], [1, 1], [4, 0], [0, 3], [2, 2]]
    return [
        bb_case("overdispersed", base, 0, False, 0.95),
        bb_case("overdispersed, index", base, 0, True, 0.9),
        bb_case("near binomial", [[2, 2], [3, 2], [2, 3], [1, 1], [2, 1], [3, 3]], 0, False, 0.95),
        bb_case("single-label documents", [[3, 0], [0, 2], [5, 0]], 0, False, 0.95),
        bb_case("repeats and empty documents", [[2, 0], [2, 0], [0, 0], [1, 3], [0, 1], [0, 0], [5, 1]], 0, True, 0.95),
        bb_case("larger counts", [[12, 3], [0, 9], [7, 7], [4, 10], [15, 0], [1, 1], [6, 2]], 0, False, 0.95),
        bb_case("share of a label among three", [[3, 1, 0], [0, 2, 1], [1, 1, 1], [4, 0, 0], [0, 3, 2], [2, 2, 0]], 1, False, 0.95),
        bb_case("one document", [[2, 1]], 0, False, 0.95),
    ]


def dm_cases():
    return [
        dm_case("three labels", [[3, 1, 0], [0, 2, 1], [1, 1, 1], [4, 0, 0], [0, 3, 2], [2, 2, 0]], 0.95),
        dm_case("four labels, one unused, an empty document", [[2, 0, 1, 0], [1, 3, 0, 0], [0, 1, 2, 0], [4, 1, 1, 0], [0, 0, 3, 0], [0, 0, 0, 0]], 0.95),
        dm_case("near multinomial", [[2, 1, 1], [1, 2, 1], [2, 2, 1], [1, 1, 2], [2, 1, 2]], 0.9),
    ]


# ---------------------------------------------------------------- design effect


def design_effect_case(name, docs, label, index):
    xm = np.asarray(ratio_xm(docs, label, index), float)
    x, m = xm[:, 0], xm[:, 1]
    D = len(x)
    p = x.sum() / m.sum()
    vc = D / (D - 1) * ((x - p * m) ** 2).sum() / m.sum() ** 2
    vb = p * (1 - p) / m.sum()
    deff = vc / vb if vb > 0 else float("nan")
    scale = 4 if index else 1
    return {"name": name, "docs": docs, "label": label, "index": index,
            "estimate": 2 * p - 1 if index else p, "var_cluster": scale * vc, "var_binomial": scale * vb,
            "deff": deff, "effective_hits": m.sum() / deff, "effective_units": m.sum() ** 2 / (m**2).sum(),
            "units": D}


def rate_case(name, docs):
    kn = np.asarray([v for v in docs if v[1] > 0], float)
    k, n = kn[:, 0], kn[:, 1]
    r = k.sum() / n.sum()
    phi = ((k - n * r) ** 2 / (n * r)).sum() / (len(k) - 1)
    return {"name": name, "docs": docs, "rate": r, "phi": phi, "effective_hits": k.sum() / phi, "units": len(k)}


def design_effect_cases():
    rng = np.random.Generator(np.random.PCG64(77))
    docs = []
    for _ in range(50):
        n = int(rng.negative_binomial(1.5, 0.35))
        docs.append([int(v) for v in rng.multinomial(n, rng.dirichlet([0.6, 0.6, 0.6]))])
    return [
        design_effect_case("independent-looking", [[1, 0], [0, 1], [1, 0], [1, 1], [0, 1], [1, 0], [2, 1]], 0, False),
        design_effect_case("clustered index", [[9, 0], [0, 1], [0, 1], [1, 1], [0, 2], [0, 0], [0, 0]], 0, True),
        design_effect_case("fifty documents, three labels", docs, 2, False),
    ], [
        rate_case("poisson-like", [[1, 200], [0, 150], [2, 300], [1, 250], [0, 100]]),
        rate_case("clustered, with a document without tokens", [[12, 400], [0, 350], [1, 500], [0, 0], [0, 200], [7, 150]]),
    ]


# ---------------------------------------------------------------- Jensen–Shannon


def js_mp(p, q):
    """The definition in 50-digit arithmetic."""
    mpmath.mp.dps = 50
    sp, sq = mpmath.mpf(sum(p)), mpmath.mpf(sum(q))
    js = mpmath.mpf(0)
    for a, b in zip(p, q):
        P, Q = mpmath.mpf(a) / sp, mpmath.mpf(b) / sq
        M = (P + Q) / 2
        if P > 0:
            js += P * mpmath.log(P / M) / 2
        if Q > 0:
            js += Q * mpmath.log(Q / M) / 2
    return float(mpmath.sqrt(js / mpmath.log(2)))


def js_cases():
    pairs = [
        ([10, 0, 5], [0, 8, 2]),
        ([1, 2, 3], [2, 4, 6]),  # proportional: exactly 0
        ([5, 0], [0, 7]),  # disjoint: exactly 1
        ([3, 1, 4, 1, 5], [9, 2, 6, 5, 3]),
        ([1e9, 2e9, 3e9], [3e9, 2e9, 1e9]),
        ([1000000, 1000001], [1000001, 1000000]),  # nearly equal
        ([7, 3, 0, 0], [70, 30, 0, 1]),  # nearly equal, a one-sided zero cell
        ([1, 0, 0], [0, 0, 1]),
    ]
    out = []
    for p, q in pairs:
        sp = float(jensenshannon(np.asarray(p, float), np.asarray(q, float), base=2))
        out.append({"p": p, "q": q, "scipy": sp, "mp": js_mp(p, q)})
    return out


def js_bootstrap_case(name, a, b, draws, conf):
    """Exact bootstrap distribution of the distance of the resampled sums of
    two groups of documents."""

    def resamples(docs):
        d = len(docs)
        for c in itertools.product(range(d + 1), repeat=d):
            if sum(c) != d:
                continue
            prob = Fraction(math.factorial(d), math.prod(math.factorial(x) for x in c)) / Fraction(d) ** d
            s = [sum(ci * v[j] for ci, v in zip(c, docs)) for j in range(len(docs[0]))]
            yield s, prob

    dist, undefined = {}, Fraction(0)
    ra = {}
    for s, pr in resamples(a):
        ra[tuple(s)] = ra.get(tuple(s), 0) + pr
    rb = {}
    for s, pr in resamples(b):
        rb[tuple(s)] = rb.get(tuple(s), 0) + pr
    for sa, pa in ra.items():
        for sb, pb in rb.items():
            if sum(sa) == 0 or sum(sb) == 0:
                undefined += pa * pb
                continue
            v = round(js_mp(sa, sb), 15)
            dist[v] = dist.get(v, 0) + pa * pb
    values = sorted(dist)
    sa = [sum(v[j] for v in a) for j in range(len(a[0]))]
    sb = [sum(v[j] for v in b) for j in range(len(b[0]))]
    return {"name": name, "a": a, "b": b, "draws": draws, "conf": conf, "distance": js_mp(sa, sb),
            "values": values, "probs": [float(dist[v]) for v in values], "undefined": float(undefined)}


# ---------------------------------------------------------------- log-odds within a concept


def logodds_concept(t, a0):
    t = np.asarray(t, dtype=float)
    G, W = t.shape
    rows = t.sum(axis=1)
    N = t.sum()
    col = t.sum(axis=0)
    if a0 == 0:
        a0 = N / (rows > 0).sum()
    alpha = a0 * col / N
    A0 = alpha.sum()
    nan = [None] * W
    groups = []
    for i in range(G):
        yi = t[i]
        yj = col - yi
        ni, nj = yi.sum(), yj.sum()
        if ni == 0 or nj == 0:
            groups.append([nan, nan, nan])
            continue
        with np.errstate(divide="ignore", invalid="ignore"):
            ai, aj = yi + alpha, yj + alpha
            bi, bj = ni + A0 - ai, nj + A0 - aj
            delta = np.log(ai / bi) - np.log(aj / bj)
            var = 1 / ai + 1 / bi + 1 / aj + 1 / bj
            z = delta / np.sqrt(var)
        used = col > 0
        groups.append([np.where(used, delta, np.nan).tolist(), np.where(used, var, np.nan).tolist(),
                       np.where(used, z, np.nan).tolist()])
    return {"a0": A0, "prior": alpha.tolist(), "groups": groups}


def logodds_cases():
    tables = [
        [[42, 7, 11], [5, 38, 20], [12, 15, 9]],
        [[3, 0, 1, 0], [0, 2, 2, 0], [5, 1, 0, 0]],  # an unused label
    ]
    out = []
    for t in tables:
        for a0 in (0.0, 10.0):
            with_empty = t[:1] + [[0] * len(t[0])] + t[1:]
            out.append({"table": t, "a0_arg": a0, **logodds_concept(t, a0),
                        "with_empty": with_empty, "with_empty_result": logodds_concept(with_empty, a0)})
    return out


# ---------------------------------------------------------------- ratio of hits to tokens


def token_v(variance, p):
    """The variance function: p for a rate, p(1 − p) for a share."""
    return p if variance == "rate" else p * (1 - p)


def token_interval(docs, variance, conf):
    """TokenRatioInterval of one group's documents [(k, n), ...], from the
    documents: residuals k − p̂n as exact fractions, quantiles from SciPy,
    the Wilson interval from statsmodels."""
    kept = [(Fraction(k), Fraction(n)) for k, n in docs if n > 0]
    D = len(kept)
    K, N = sum(k for k, _ in kept), sum(n for _, n in kept)
    out = {"units": D, "estimate": None, "lo": None, "hi": None, "deff": None, "deff_used": None,
           "effective_hits": None}
    if N == 0:
        return out
    p = K / N
    deff = None
    if K > 0 and D >= 2 and token_v(variance, p) > 0:
        rss = sum((k - p * n) ** 2 for k, n in kept)
        var_cluster = Fraction(D, D - 1) * rss / N**2
        var_indep = token_v(variance, p) / N
        deff = var_cluster / var_indep
        if rss > 0:
            # Cross-check: the cluster-robust (CR1, one cluster per document)
            # over the model-based variance of the intercept of statsmodels'
            # GLM is the same ratio (statsmodels refuses a perfect fit, rss = 0).
            kk = np.array([float(k) for k, _ in kept])
            nn = np.array([float(n) for _, n in kept])
            if variance == "rate":
                model = sm.GLM(kk, np.ones((D, 1)), family=sm.families.Poisson(), offset=np.log(nn))
            else:
                model = sm.GLM(np.column_stack([kk, nn - kk]), np.ones((D, 1)), family=sm.families.Binomial())
            naive = model.fit(tol=1e-14).cov_params()[0, 0]
            robust = model.fit(tol=1e-14, cov_type="cluster", cov_kwds={"groups": np.arange(D)}).cov_params()[0, 0]
            assert math.isclose(robust / naive, float(deff), rel_tol=1e-7, abs_tol=1e-12), (docs, robust / naive, deff)
    alpha = 1 - conf
    used = 1.0
    if deff is not None:
        # Korn and Graubard's allowance for a variance from few documents:
        # (t/z)², t on Kish's effective documents by tokens less one.
        E = N * N / sum(n * n for _, n in kept)
        factor = (t_quantile(1 - alpha / 2, max(float(E) - 1, 1)) / stats.norm.ppf(1 - alpha / 2)) ** 2
        used = max(float(deff) * factor, 1.0)
    k, n = float(K) / used, float(N) / used
    if variance == "rate":
        lo = 0.0 if K == 0 else stats.chi2.ppf(alpha / 2, 2 * k) / 2 / n
        hi = stats.chi2.ppf(1 - alpha / 2, 2 * k + 2) / 2 / n
    else:
        lo, hi = proportion_confint(k, n, alpha=alpha, method="wilson")
        # The Wilson score interval written out.
        z = stats.norm.ppf(1 - alpha / 2)
        q = k / n
        centre = (q + z * z / (2 * n)) / (1 + z * z / n)
        half = z / (1 + z * z / n) * math.sqrt(q * (1 - q) / n + z * z / (4 * n * n))
        assert math.isclose(lo, centre - half, rel_tol=1e-12, abs_tol=1e-15), (docs, lo, centre - half)
        assert math.isclose(hi, centre + half, rel_tol=1e-12, abs_tol=1e-15), (docs, hi, centre + half)
        # Exactly 0 at k = 0 and 1 at k = n, where the formula gives them
        # up to rounding.
        if K == 0:
            lo = 0.0
        if K == N:
            hi = 1.0
    out.update(estimate=float(p), lo=float(lo), hi=float(hi), deff=None if deff is None else float(deff),
               deff_used=used, effective_hits=k)
    return out


def quasi_test(groups, variance):
    """QuasiHomogeneity of the groups of documents, from the documents:
    X², φ̂ and F as exact fractions, p from scipy.stats.f."""
    out = {"x2": None, "phi": None, "f": None, "df1": None, "df2": None, "p": None,
           "dropped": [g for g, docs in enumerate(groups) if sum(n for _, n in docs) == 0]}
    kept = [[(Fraction(k), Fraction(n)) for k, n in docs if n > 0] for docs in groups]
    kept = [docs for docs in kept if docs]
    G = len(kept)
    D = sum(len(docs) for docs in kept)
    Kg = [sum(k for k, _ in docs) for docs in kept]
    Ng = [sum(n for _, n in docs) for docs in kept]
    if G < 2 or sum(Kg) == 0:
        return out
    p0 = sum(Kg) / sum(Ng)
    v0 = token_v(variance, p0)
    if v0 == 0 or D <= G:
        return out
    x2 = sum((K - p0 * N) ** 2 / (N * v0) for K, N in zip(Kg, Ng))
    if variance == "share":
        chi2, _, _, _ = stats.chi2_contingency([[float(K), float(N - K)] for K, N in zip(Kg, Ng)], correction=False)
        assert math.isclose(chi2, float(x2), rel_tol=1e-12), (groups, chi2, x2)
    else:
        # The Pearson X² of the Poisson GLM of the groups' counts with a
        # common rate (intercept only, offset log N_g).
        fit = sm.GLM(np.array([float(K) for K in Kg]), np.ones((G, 1)), family=sm.families.Poisson(),
                     offset=np.log([float(N) for N in Ng])).fit(tol=1e-14)
        assert math.isclose(fit.pearson_chi2, float(x2), rel_tol=1e-9, abs_tol=1e-12), (groups, fit.pearson_chi2, x2)
    rss = sum((k - K / N * n) ** 2 for docs, K, N in zip(kept, Kg, Ng) for k, n in docs)
    scale = sum(v0 * (N - sum(n * n for _, n in docs) / N) for docs, N in zip(kept, Ng))
    # Denominator degrees of freedom: the groups' Kish effective documents
    # by tokens, less one each (D − G for documents of one size).
    df2 = max(float(sum(N * N / sum(n * n for _, n in docs) - 1 for docs, N in zip(kept, Ng))), 1.0)
    out.update(x2=float(x2), df1=G - 1, df2=df2)
    if variance == "rate" and rss > 0:
        # The numerator of φ̂: statsmodels' response residuals of the
        # Poisson GLM with a rate per group, on the documents.
        kk = np.array([float(k) for docs in kept for k, _ in docs])
        nn = np.array([float(n) for docs in kept for _, n in docs])
        X = np.array([[1.0 if g == h else 0.0 for h in range(G)] for g, docs in enumerate(kept) for _ in docs])
        fit = sm.GLM(kk, X, family=sm.families.Poisson(), offset=np.log(nn)).fit(tol=1e-14)
        assert math.isclose((fit.resid_response**2).sum(), float(rss), rel_tol=1e-7, abs_tol=1e-9), (groups, rss)
    if rss == 0 or scale == 0:
        return out
    phi = rss / scale
    F = x2 / (G - 1) / phi
    out.update(phi=float(phi), f=float(F), p=float(stats.f.sf(float(F), G - 1, df2)))
    return out


def token_ratio_case(name, variance, conf, groups):
    return {"name": name, "variance": variance, "conf": conf, "groups": groups,
            "intervals": [token_interval(docs, variance, conf) for docs in groups],
            "test": quasi_test(groups, variance)}


def token_ratio_cases():
    rng = np.random.Generator(np.random.PCG64(31))
    # Three outlets of twenty documents: tokens uniform in [50, 500), a rate
    # per document drawn from a gamma distribution around the outlet's
    # (shape 0.8), hits Poisson; the share of a label among the hits, beta-
    # binomial around the outlet's.
    rate_groups, share_groups = [], []
    for r, s in [(0.01, 0.3), (0.014, 0.4), (0.008, 0.35)]:
        rg, sg = [], []
        for _ in range(20):
            n = int(rng.integers(50, 500))
            k = int(rng.poisson(rng.gamma(0.8, r / 0.8) * n))
            rg.append([k, n])
            sg.append([int(rng.binomial(k, rng.beta(2 * s / 0.5, 2 * (1 - s) / 0.5))), k])
        rate_groups.append(rg)
        share_groups.append(sg)
    return [
        # One group: the interval (the test needs two).
        token_ratio_case("rate, clustered, a document without tokens", "rate", 0.95,
                         [[[12, 400], [0, 350], [1, 500], [0, 0], [0, 200], [7, 150]]]),
        token_ratio_case("rate, one document carries every hit", "rate", 0.95,
                         [[[15, 300], [0, 250], [0, 400], [0, 120], [0, 330]]]),
        token_ratio_case("rate, hits spread evenly: deff below 1", "rate", 0.9,
                         [[[2, 200], [2, 210], [3, 290], [2, 190], [3, 300]]]),
        token_ratio_case("rate, every document at the common rate: deff 0", "rate", 0.95,
                         [[[1, 10], [2, 20], [3, 30]]]),
        token_ratio_case("rate, no hits", "rate", 0.95, [[[0, 100], [0, 200], [0, 50]]]),
        token_ratio_case("rate, one document", "rate", 0.99, [[[4, 1000]]]),
        token_ratio_case("share, clustered", "share", 0.95, [[[5, 8], [0, 6], [1, 10], [0, 4], [6, 7], [2, 9]]]),
        token_ratio_case("share, hits spread evenly: deff below 1", "share", 0.9,
                         [[[2, 4], [3, 5], [2, 5], [4, 8], [3, 6]]]),
        token_ratio_case("share, every document at the common share: deff 0", "share", 0.95,
                         [[[1, 2], [2, 4], [3, 6]]]),
        token_ratio_case("share, one document carries every hit", "share", 0.95,
                         [[[9, 9], [0, 7], [0, 5], [0, 8]]]),
        token_ratio_case("share, no tokens", "share", 0.95, [[[0, 0], [0, 0]]]),
        # Groups: the test, and each group's interval.
        token_ratio_case("two rate groups, clustered", "rate", 0.95, [
            [[12, 400], [0, 350], [1, 500], [0, 200], [7, 150]],
            [[3, 300], [2, 280], [4, 420], [1, 150], [2, 260], [0, 90]],
        ]),
        token_ratio_case("three rate groups and one without tokens", "rate", 0.9, [
            [[5, 200], [1, 150], [0, 100]],
            [[0, 0]],
            [[0, 300], [2, 250], [1, 180], [0, 120]],
            [[9, 220], [3, 210]],
        ]),
        token_ratio_case("three share groups", "share", 0.95, [
            [[5, 8], [0, 6], [1, 10], [0, 4]],
            [[3, 9], [4, 7], [2, 6]],
            [[1, 5], [0, 7], [2, 8], [1, 3], [0, 2]],
        ]),
        token_ratio_case("four share groups, one document carries a group's hits", "share", 0.95, [
            [[9, 10], [0, 8], [0, 7]],
            [[2, 6], [3, 9]],
            [[1, 4], [2, 5], [1, 6]],
            [[0, 3], [1, 8], [2, 7], [0, 5]],
        ]),
        token_ratio_case("three rate groups of twenty documents", "rate", 0.95, rate_groups),
        token_ratio_case("three share groups of twenty documents", "share", 0.95, share_groups),
        token_ratio_case("two groups without hits", "rate", 0.95, [[[0, 100], [0, 50]], [[0, 80]]]),
        token_ratio_case("two share groups at share 1", "share", 0.95, [[[3, 3], [2, 2]], [[4, 4]]]),
        token_ratio_case("one document per group", "rate", 0.95, [[[3, 100]], [[1, 200]], [[0, 150]]]),
        token_ratio_case("every document at its group's rate", "rate", 0.95, [
            [[1, 10], [2, 20]],
            [[3, 10], [6, 20]],
        ]),
        token_ratio_case("one group with tokens", "rate", 0.95, [[[2, 100], [1, 50]], []]),
    ]


# ---------------------------------------------------------------- cluster-robust CR2


def cr2_exact(x, m):
    """V_CR2 and the Bell–McCaffrey degrees of freedom in exact rational
    arithmetic, from the same matrices as cr2_case (A_i² = 1/(1 − H_ii) is
    rational, and so are tr(ΦB) and tr(ΦBΦB), B = (I − H)ᵀ C (I − H)):
    the check that the floating-point matrix algebra is accurate."""
    n = len(x)
    w = [Fraction(v) for v in m]
    y = [Fraction(a) / Fraction(b) for a, b in zip(x, m)]
    S = sum(w)
    beta = sum(wi * yi for wi, yi in zip(w, y)) / S
    H = [[w[j] / S for j in range(n)] for _ in range(n)]
    IH = [[(1 if i == j else 0) - H[i][j] for j in range(n)] for i in range(n)]
    e = [yi - beta for yi in y]
    a2 = [1 / (1 - H[i][i]) for i in range(n)]
    V = sum(w[i] * a2[i] * e[i] * e[i] * w[i] for i in range(n)) / S**2
    c = [w[i] ** 2 * a2[i] / S**2 for i in range(n)]
    B = [[sum(IH[k][i] * c[k] * IH[k][j] for k in range(n)) for j in range(n)] for i in range(n)]
    PB = [[B[i][j] / w[i] for j in range(n)] for i in range(n)]  # Φ B, Φ = diag(1/w)
    tr1 = sum(PB[i][i] for i in range(n))
    tr2 = sum(PB[i][j] * PB[j][i] for i in range(n) for j in range(n))
    return beta, V, tr1 * tr1 / tr2


def t_quantile(q, df):
    """scipy.stats.t.ppf(q, df), polished by a 50-digit mpmath root of the
    t distribution function (its regularised incomplete beta form): SciPy
    1.10's stdtrit (cdflib) is off by up to 6e-10 relative at non-integer
    degrees of freedom (SciPy moved it to Boost in gh-22962)."""
    t0 = stats.t.ppf(q, df)
    mpmath.mp.dps = 50
    v, qq = mpmath.mpf(df), mpmath.mpf(q)
    half = mpmath.mpf(1) / 2
    cdf = lambda t: 1 - mpmath.betainc(v / 2, half, 0, v / (v + t * t), regularized=True) / 2
    t = float(mpmath.findroot(lambda t: cdf(t) - qq, mpmath.mpf(t0)))
    assert math.isclose(t, t0, rel_tol=1e-8), (q, df, t, t0)
    return t


def cr2_case(name, docs, label, index, conf):
    """The CR2 interval of one group's share or index, in the matrix form of
    the regression literature: WLS of y_i = x_i/m_i on an intercept, weights
    w_i = m_i, over the units with m_i > 0."""
    scale, shift = (2, -1) if index else (1, 0)
    xm = [(x, m) for x, m in ratio_xm(docs, label, index) if m > 0]
    n = len(xm)
    nan = float("nan")
    out = {"name": name, "docs": docs, "label": label, "index": index, "conf": conf,
           "units_with_hits": n, "estimate": nan, "lo": nan, "hi": nan, "se": nan, "df": nan}
    if n == 0:
        return out
    x = np.array([a for a, _ in xm], float)
    m = np.array([b for _, b in xm], float)
    y, w = x / m, m
    X = np.ones((n, 1))
    W = np.diag(w)
    bread = np.linalg.inv(X.T @ W @ X)
    beta = bread @ X.T @ W @ y
    p_exact = sum(Fraction(a) for a, _ in xm) / sum(Fraction(b) for _, b in xm)
    assert math.isclose(beta[0], float(p_exact), rel_tol=1e-14), (name, beta, p_exact)
    out["estimate"] = scale * beta[0] + shift
    # Undefined, decided exactly: one unit (H_11 = 1), or every unit at the
    # same share (every residual 0, V = 0).
    if n < 2 or all(Fraction(a) / Fraction(b) == p_exact for a, b in xm):
        return out
    H = X @ bread @ X.T @ W
    e = y - X @ beta
    A = (1 - np.diag(H)) ** -0.5  # (I − H_ii)^(−1/2), one unit per cluster
    meat = np.zeros((1, 1))
    for i in range(n):
        Xi = X[i:i + 1]  # 1 × 1
        meat += Xi.T * w[i] * A[i] * e[i] * e[i] * A[i] * w[i] @ Xi
    V = (bread @ meat @ bread)[0, 0]
    # Bell–McCaffrey: V = Σ (g_iᵀ y)², g_i = (I − H)ᵢᵀ A_i W_i X_i (XᵀWX)⁻¹,
    # the i-th row of I − H carried by unit i's weight and adjustment.
    IH = np.eye(n) - H
    G = np.column_stack([IH[i] * (A[i] * w[i] * (X[i] @ bread)[0]) for i in range(n)])
    assert math.isclose(((G.T @ y) ** 2).sum(), V, rel_tol=1e-10), name
    c = w**2 / ((1 - np.diag(H)) * w.sum() ** 2)
    assert np.allclose(G @ G.T, IH.T @ np.diag(c) @ IH, rtol=1e-12, atol=0), name
    Phi_half = np.diag(1 / np.sqrt(w))  # working model Φ = diag(1/w_i)
    lam = np.linalg.eigvalsh(Phi_half @ IH.T @ np.diag(c) @ IH @ Phi_half)
    df = lam.sum() ** 2 / (lam**2).sum()
    # Pustejovsky and Tipton's form, (Σ g_iᵀΦg_i)² / Σ_ij (g_iᵀΦg_j)².
    GPG = G.T @ np.diag(1 / w) @ G
    assert math.isclose(df, np.trace(GPG) ** 2 / (GPG**2).sum(), rel_tol=1e-10), name
    _, V_exact, df_exact = cr2_exact([a for a, _ in xm], [b for _, b in xm])
    assert math.isclose(V, float(V_exact), rel_tol=1e-12), (name, V, float(V_exact))
    assert math.isclose(df, float(df_exact), rel_tol=1e-12), (name, df, float(df_exact))
    if len(set(m)) == 1:
        assert math.isclose(df, n - 1, rel_tol=1e-12), (name, df)  # equal sizes: n − 1
    se = math.sqrt(V)
    t = t_quantile((1 + conf) / 2, df)
    p = beta[0]
    out.update(se=se, df=df, lo=scale * max(p - t * se, 0) + shift, hi=scale * min(p + t * se, 1) + shift)
    return out


def cr2_cases():
    return [
        cr2_case("index, one unit carries most hits, conf 0.9",
                 [[40, 5], [1, 2], [0, 3], [2, 1], [1, 1], [0, 2], [1, 0], [2, 2], [1, 3]], 0, True, 0.9),
        cr2_case("share of label 1 of 3", [[5, 2, 1], [0, 3, 1], [2, 2, 2], [1, 0, 4], [3, 1, 0], [0, 0, 2]],
                 1, False, 0.95),
        cr2_case("share of label 2 of 3, one unit carries most hits, conf 0.9",
                 [[2, 3, 30], [1, 0, 1], [0, 2, 0], [1, 1, 2], [0, 1, 1], [2, 0, 3], [1, 1, 1]], 2, False, 0.9),
        cr2_case("index, equal sizes: df = n - 1", [[3, 1], [1, 3], [2, 2], [4, 0], [0, 4]], 0, True, 0.95),
        cr2_case("index, units without hits left out",
                 [[3, 1], [0, 0], [1, 2], [0, 0], [2, 5], [6, 0], [2, 2], [0, 0], [1, 3]], 0, True, 0.95),
        cr2_case("index, repeated units, conf 0.9",
                 [[2, 0], [2, 0], [2, 0], [1, 3], [1, 3], [0, 1], [5, 2], [0, 1]], 0, True, 0.9),
        cr2_case("share clipped at 0", [[0, 5, 1], [0, 4, 0], [3, 0, 0], [0, 2, 2]], 0, False, 0.95),
        cr2_case("index, two units: clipped at both ends", [[3, 1], [0, 2]], 0, True, 0.95),
        cr2_case("share of label 0 of 3, twelve units", [
            [4, 1, 0], [0, 2, 1], [7, 3, 2], [1, 0, 0], [0, 0, 3], [2, 2, 2],
            [12, 1, 4], [0, 1, 0], [3, 0, 1], [1, 1, 1], [0, 6, 2], [5, 0, 0]], 0, False, 0.95),
        cr2_case("index, large counts", [[1200, 300], [80, 95], [3, 40], [510, 490]], 0, True, 0.9),
        # Undefined: the estimate alone, or nothing.
        cr2_case("one unit with hits", [[4, 1], [0, 0], [0, 0]], 0, True, 0.95),
        cr2_case("index, every unit at the same share", [[1, 2], [2, 4], [3, 6], [0, 0]], 0, True, 0.95),
        cr2_case("share 0 in every unit", [[0, 1, 2], [0, 3, 0], [0, 0, 1]], 0, False, 0.9),
        cr2_case("no hits", [[0, 0], [0, 0]], 0, True, 0.95),
    ]


def main():
    warnings.simplefilter("ignore", RuntimeWarning)  # log(0) at the boundaries of the searches
    doc = {
        "generator": "documents.py with scipy %s, statsmodels %s, numpy %s" % (
            scipy.__version__, statsmodels.__version__, np.__version__),
        "freeman_halton": [freeman_halton(t) for t in FH_TABLES],
        "permutation": [permutation_case(*c) for c in PERMUTATION_CASES],
        "cluster_bootstrap": bootstrap_cases(),
        "beta_binomial": bb_cases(),
        "dirichlet_multinomial": dm_cases(),
        "design_effect": design_effect_cases()[0],
        "rate_dispersion": design_effect_cases()[1],
        "js_exact": js_cases(),
        "js_bootstrap": [
            js_bootstrap_case("three against four", [[2, 1, 0], [0, 1, 1], [1, 0, 0]], [[0, 2, 1], [1, 1, 0], [0, 0, 3], [0, 1, 0]], 20000, 0.95),
            js_bootstrap_case("a document without hits", [[3, 0], [0, 0], [1, 1]], [[0, 2], [1, 1], [2, 0]], 20000, 0.9),
        ],
        "logodds_concept": logodds_cases(),
        "token_ratio": token_ratio_cases(),
        "cr2": cr2_cases(),
    }
    with open(os.path.join(HERE, "documents.json"), "w") as f:
        json.dump(clean(doc), f, indent=1, allow_nan=False)
        f.write("\n")


if __name__ == "__main__":
    main()
