//! Times each stage of `signon render LETTER` (PDF and HTML), to see where
//! the time goes: `cargo run --release --example profile_render -- DIR ID`.
//! Each stage runs once cold (as the command does) and then warm.

use std::time::Instant;

use signon::load::Workspace;
use signon::render::{Paper, html, pdf};

fn timed<T>(label: &str, f: impl Fn() -> T) -> T {
    let t = Instant::now();
    let out = f();
    let cold = t.elapsed();
    let t = Instant::now();
    for _ in 0..20 {
        std::hint::black_box(f());
    }
    let warm = t.elapsed() / 20;
    println!("{label:<28} cold {:>9.3?}  warm {:>9.3?}", cold, warm);
    out
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (dir, id) = (args.next().expect("DIR"), args.next().expect("ID"));
    let ws = Workspace::discover(Some(dir.as_ref()), &std::env::current_dir().unwrap()).unwrap();
    let path = ws
        .resolve_letter(&id, &std::env::current_dir().unwrap())
        .unwrap();
    let checked = timed("load + validate", || {
        signon::validate::workspace(&ws, std::slice::from_ref(&path)).unwrap()
    });
    let letter = &checked.letters[0];
    let fp = timed("fingerprint", || signon::ledger::fingerprint(letter));
    let states = timed("states", || {
        signon::ledger::states(letter, &checked.ledger, &fp)
    });
    let composed = timed("compose", || {
        signon::compose::compose(letter, &checked.roster, &states, true)
    });
    let opts = pdf::PdfOptions::default();
    let typeset = timed("pdf layout and font subsets", || {
        pdf::typeset(&composed, &opts).unwrap()
    });
    timed("html", || {
        html::letter(&composed, &typeset, Paper::Letter).unwrap()
    });
    timed("pdf paint", || pdf::paint(&composed, &typeset).unwrap());
}
