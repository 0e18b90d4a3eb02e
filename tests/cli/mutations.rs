//! Hundreds of damaged copies of the example files — truncated, bytes
//! flipped, lines swapped — fed to `signon check`: it must always answer 0
//! or 1 with its diagnostics, never panic (exit 101) or die on a signal.

use std::fs;

use crate::support::*;

/// A small deterministic generator (64-bit LCG), so a failure reproduces.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

fn mutate(text: &[u8], kind: usize, rng: &mut Lcg) -> Vec<u8> {
    let mut bytes = text.to_vec();
    match kind {
        0 => bytes.truncate(rng.below(bytes.len())),
        1 => {
            for _ in 0..1 + rng.below(4) {
                let i = rng.below(bytes.len());
                bytes[i] ^= 1 << rng.below(8);
            }
        }
        2 => {
            let mut lines: Vec<&[u8]> = text.split(|&b| b == b'\n').collect();
            let (a, b) = (rng.below(lines.len()), rng.below(lines.len()));
            lines.swap(a, b);
            bytes = lines.join(&b'\n');
        }
        _ => {
            let i = rng.below(bytes.len());
            let junk: &[u8] =
                [&b"\"\"\""[..], b"[[", b"=", b"\\u", b"*", b"\xff", b"]]\n"][rng.below(7)];
            bytes.splice(i..i, junk.iter().copied());
        }
    }
    bytes
}

#[test]
fn damaged_files_never_panic_check() {
    let ws = example();
    let letter = ws.path().join("letters/2025-02-06-rubio.toml");
    let targets = [ws.path().join("signers.toml"), letter];
    let originals: Vec<Vec<u8>> = targets.iter().map(|p| fs::read(p).unwrap()).collect();
    let mut rng = Lcg(0x5eed);
    for round in 0..320 {
        let which = round % 2;
        let kind = (round / 2) % 4;
        let damaged = mutate(&originals[which], kind, &mut rng);
        fs::write(&targets[which], &damaged).unwrap();
        let out = signon(ws.path(), &["check"]);
        let code = code(&out);
        assert!(
            code == 0 || code == 1,
            "round {round}: exit {code}\n{}",
            stderr(&out)
        );
        if code == 1 {
            assert!(
                stderr(&out).contains("error"),
                "round {round}: exit 1 without an error"
            );
        }
        fs::write(&targets[which], &originals[which]).unwrap();
    }
}
