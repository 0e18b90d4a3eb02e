#!/bin/sh
# Seed corpora for the fuzz targets, from the example workspace and the
# check fixtures: `sh fuzz/seeds.sh` (from the repository root), then
# `cargo +nightly fuzz run -O TARGET`. The corpora stay out of git.
set -eu
cd "$(dirname "$0")/.."
c=fuzz/corpus
mkdir -p "$c/check" "$c/ledger" "$c/render"
n=0
seed() { # seed TARGET PREFIX-BYTE FILE: one corpus file, named by a counter
  n=$((n + 1))
  { [ -n "$2" ] && printf "\\$2"; cat "$3"; } > "$c/$1/seed-$n"
}
for f in letters/*.toml tests/fixtures/check-*/letters/*.toml; do
  seed check 000 "$f"  # even first byte: the text is a letter
done
for f in signers.toml tests/fixtures/*/signers.toml; do
  seed check 001 "$f"  # odd first byte: the text is signers.toml
  # The ledger target appends its input after `[[signoff]]\n`: the events
  # of each fixture, without their first header.
  if grep -q '^\[\[signoff\]\]' "$f"; then
    sed -n '/^\[\[signoff\]\]/,$p' "$f" | tail -n +2 > "$c/ledger/seed-$n"
  fi
done
printf 'letter = "2025-02-06-rubio"\nsigner = "pallone"\nstatus = "signed"\nat = 2025-02-03T10:12:00-05:00\n' \
  > "$c/ledger/seed-event"
# render: body NUL name NUL note.
r="$c/render"
printf 'Plain *italic* and **bold**.\n\nA second paragraph.\0Frank Pallone, Jr.\0LD confirmed' > "$r/seed-plain"
printf 'Հայաստան --- "quotes" and \x27apostrophes\x27 ... 1/2\0Ա. Բ. Գ.\0note' > "$r/seed-armenian"
printf '<script>alert(1)</script> (paren) \\\\ %%PDF endobj\0<b>Name</b> (x)\0\\u0000' > "$r/seed-markup"
awk 'BEGIN { for (i = 0; i < 400; i++) printf "longwordwithoutanybreak"; printf "\0N\0n" }' > "$r/seed-long"
echo "seeds: $(ls "$c/check" | wc -l) check, $(ls "$c/ledger" | wc -l) ledger, $(ls "$r" | wc -l) render"
