//! Choosing the breaks: Knuth and Plass's total fit ("Breaking Paragraphs
//! into Lines", 1981), as TeX does it, over the fragments `fragment` cuts.
//!
//! Every line's spaces may stretch by half their width and shrink by a
//! third; a line's badness is 100·r³ of its adjustment ratio r. Demerits add
//! up per line as TeX's: (line penalty + badness)², plus the hyphen
//! penalty², plus `DOUBLE_HYPHEN` for two hyphenated lines in a row,
//! `FINAL_HYPHEN` for a hyphen ending the penultimate line, and
//! `ADJACENT` when a line's tightness class differs by more than one from
//! the line before. Like TeX, it first tries without hyphens at a strict
//! tolerance and hyphenates only if that fails: most paragraphs get none.
//!
//! Maintained crates were weighed: `paragraph-breaker` (last release 2021)
//! and `text_layout` have no final-hyphen demerits or first pass without
//! hyphens, and would need the same fragments fed in another form; the
//! dynamic programme is some sixty lines. It looks back from each fragment
//! only as far as a line can reach, so a paragraph costs linear time
//! (`tests/cli/bounds.rs` sets 20,000 emphases in one).

use super::fragment::Frag;

/// How much a space may stretch and shrink, as a fraction of its width:
/// TeX Gyre Termes' (Times, as Liberation Serif) values, TeX's own for the peer.
pub(super) const STRETCH: f32 = 0.5;
pub(super) const SHRINK: f32 = 1.0 / 3.0;
/// TeX's plain values (`\linepenalty`, `\hyphenpenalty`, `\adjdemerits`),
/// except the demerits of two hyphens in a row and of a hyphen ending the
/// penultimate line: ten times plain TeX's (10,000 and 5,000), where a
/// hyphen costs about as much as a line whose spaces stretch by 2×
/// (badness ~300-1000). At plain TeX's values a sweep of the sample letter's
/// paragraphs and asks over 30 measures (380-467 pt) stacked hyphens 6 times and ended 38
/// penultimate lines with one; at these, 1 and 21 (each then against a
/// line stretched further).
const LINE_PENALTY: f64 = 10.0;
const HYPHEN_PENALTY: f64 = 50.0;
const DOUBLE_HYPHEN: f64 = 100_000.0;
const FINAL_HYPHEN: f64 = 50_000.0;
const ADJACENT: f64 = 10_000.0;
/// Badness of a line that cannot stretch (one word and no space).
const INF_BAD: f64 = 10_000.0;

/// TeX's first pass: no hyphens, at a strict tolerance. Most paragraphs
/// are set by it, and their words are never hyphenated, nor even looked up.
const FIRST: f64 = 100.0;
/// The later passes, with hyphens: a looser tolerance, then any line that
/// fits, so every paragraph is set.
const LATER: [f64; 2] = [200.0, f64::INFINITY];

/// The best way to end a line after fragment `i`, in one fitness class.
#[derive(Clone, Copy)]
struct Node {
    demerits: f64,
    /// Index of the break before (`usize::MAX`: the paragraph start).
    prev: usize,
    prev_fit: usize,
}

/// Indexes one past the last fragment of each line, for a paragraph set
/// `measure` pt wide, when TeX's first pass finds a setting. `frags` are
/// cut without hyphenation points (`fragments(…, false)`): a line then
/// only ends where a hyphen need not be added.
pub(super) fn first_pass(frags: &[Frag], measure: f32) -> Option<Vec<usize>> {
    total_fit(frags, measure, FIRST)
}

/// Indexes one past the last fragment of each line, for a paragraph set
/// `measure` pt wide with the hyphens `frags` allows: the passes after the
/// first.
pub(super) fn breaks(frags: &[Frag], measure: f32) -> Vec<usize> {
    for tolerance in LATER {
        if let Some(ends) = total_fit(frags, measure, tolerance) {
            return ends;
        }
    }
    // Unreachable: the last pass accepts any line, and fragments wider than
    // the measure were already cut. One line per fragment is still a setting.
    (1..=frags.len()).collect()
}

/// Line widths from prefix sums: natural, stretch and shrink of frags `j..i`.
struct Sums {
    width: Vec<f32>,
    stretch: Vec<f32>,
    shrink: Vec<f32>,
}

impl Sums {
    fn new(frags: &[Frag]) -> Sums {
        let mut s = Sums {
            width: vec![0.0],
            stretch: vec![0.0],
            shrink: vec![0.0],
        };
        for f in frags {
            s.width
                .push(s.width.last().unwrap_or(&0.0) + f.width + f.space);
            let glue = f.inner + f.space;
            s.stretch
                .push(s.stretch.last().unwrap_or(&0.0) + glue * STRETCH);
            s.shrink
                .push(s.shrink.last().unwrap_or(&0.0) + glue * SHRINK);
        }
        s
    }

    /// (natural width, stretch, shrink) of the line of frags `j..i`, without
    /// the last one's trailing space but with its hyphen.
    fn line(&self, frags: &[Frag], j: usize, i: usize) -> (f32, f32, f32) {
        let last = &frags[i - 1];
        let w = self.width[i] - self.width[j] - last.space + last.hyphen_width;
        let y = self.stretch[i] - self.stretch[j] - last.space * STRETCH;
        let z = self.shrink[i] - self.shrink[j] - last.space * SHRINK;
        (w, y, z)
    }
}

/// The adjustment ratio of a line: > 0 stretched, < 0 shrunk, None when it
/// cannot be shrunk enough to fit. The last line stretches freely.
fn ratio(w: f32, y: f32, z: f32, measure: f32, last: bool) -> Option<f64> {
    let slack = measure - w;
    if slack < -0.01 {
        return (z > 0.0 && -slack <= z + 0.01).then(|| f64::from(slack / z));
    }
    match (last, y > 0.0) {
        (true, _) => Some(0.0),
        (false, true) => Some(f64::from(slack / y)),
        (false, false) if slack < 0.5 => Some(0.0),
        (false, false) => Some(f64::INFINITY),
    }
}

/// TeX's fitness class: 0 tight, 1 decent, 2 loose, 3 very loose.
fn fitness(r: f64) -> usize {
    match r {
        r if r < -0.5 => 0,
        r if r <= 0.5 => 1,
        r if r <= 1.0 => 2,
        _ => 3,
    }
}

/// The best breaks under `tolerance`, or None when no setting keeps every
/// line's badness within it.
fn total_fit(frags: &[Frag], measure: f32, tolerance: f64) -> Option<Vec<usize>> {
    let n = frags.len();
    let sums = Sums::new(frags);
    let none = Node {
        demerits: f64::INFINITY,
        prev: 0,
        prev_fit: 0,
    };
    let mut best = vec![[none; 4]; n + 1];
    best[0][1] = Node {
        demerits: 0.0,
        prev: usize::MAX,
        prev_fit: 1,
    };
    for i in 1..=n {
        let last = i == n;
        for j in (0..i).rev() {
            let (w, y, z) = sums.line(frags, j, i);
            let Some(r) = ratio(w, y, z, measure, last) else {
                // Wider still for every earlier start, unless a single
                // fragment (cut to fit already) is alone on the line.
                if j + 1 < i {
                    break;
                }
                continue;
            };
            let bad = if r.is_infinite() {
                INF_BAD
            } else {
                100.0 * r.abs().powi(3)
            };
            if bad > tolerance {
                continue;
            }
            relax(&mut best, frags, (j, i), bad.min(INF_BAD), fitness(r));
        }
    }
    let end = (0..4).min_by(|&a, &b| best[n][a].demerits.total_cmp(&best[n][b].demerits))?;
    best[n][end]
        .demerits
        .is_finite()
        .then(|| trace(&best, n, end))
}

/// Offers the line `j..i` as a way to reach break `i`.
fn relax(best: &mut [[Node; 4]], frags: &[Frag], line: (usize, usize), bad: f64, fit: usize) {
    let (j, i) = line;
    let last = i == frags.len();
    let hyphen = frags[i - 1].hyphen && !last;
    let mut d = (LINE_PENALTY + bad).powi(2);
    if hyphen {
        d += HYPHEN_PENALTY.powi(2);
    }
    for pf in 0..4 {
        let from = best[j][pf];
        if !from.demerits.is_finite() {
            continue;
        }
        let mut total = from.demerits + d;
        let prev_hyphen = j > 0 && frags[j - 1].hyphen;
        if prev_hyphen && hyphen {
            total += DOUBLE_HYPHEN;
        }
        if prev_hyphen && last {
            total += FINAL_HYPHEN;
        }
        if j > 0 && fit.abs_diff(pf) > 1 && !last {
            total += ADJACENT;
        }
        if total < best[i][fit].demerits {
            best[i][fit] = Node {
                demerits: total,
                prev: j,
                prev_fit: pf,
            };
        }
    }
}

/// The line ends of the best setting ending at `n` in class `fit`.
fn trace(best: &[[Node; 4]], n: usize, fit: usize) -> Vec<usize> {
    let mut ends = Vec::new();
    let (mut i, mut f) = (n, fit);
    while i != usize::MAX && i > 0 {
        ends.push(i);
        let node = best[i][f];
        (i, f) = (node.prev, node.prev_fit);
    }
    ends.reverse();
    ends
}
