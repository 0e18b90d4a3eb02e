#!/usr/bin/env python3
"""Lines and hyphenated line ends per paragraph: signon against pdflatex.

Usage (from the repository root):
    python3 benches/peer/compare.py [LAYOUT] [TEX_PDF]

LAYOUT defaults to tests/fixtures/render-example/expected/letter.layout.txt
(signon's layout of letters/2025-02-06-rubio.toml, refreshed by
`UPDATE_GOLDEN=1 cargo test --test cli example_layout`); TEX_PDF to
pdflatex's output of benches/peer/rubio.tex, made in a temporary folder
when not given. Needs pdflatex (TeX Gyre Termes) and pdftotext.
"""
import os, re, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
LAYOUT = "tests/fixtures/render-example/expected/letter.layout.txt"


def tex_paragraphs(pdf):
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True,
                          text=True, check=True).stdout
    paras, cur = [], []
    for line in text.splitlines():
        line = line.strip()
        if line:
            cur.append(line)
        elif cur:
            paras.append(cur)
            cur = []
    if cur:
        paras.append(cur)
    return paras


def signon_lines(layout):
    """(page, y) -> text of each line, in reading order, body runs only."""
    lines = {}
    for row in open(layout, encoding="utf-8"):
        m = re.match(r'p(\d+) ([\d.]+) ([\d.]+) (\w+) ([\d.]+).*?"(.*)"$', row.strip())
        if not m or float(m.group(5)) != 12.0:
            continue
        page, x, y, text = int(m.group(1)), float(m.group(2)), float(m.group(3)), m.group(6)
        lines.setdefault((page, -y), []).append((x, text))
    return [(k, "".join(t for _, t in sorted(v))) for k, v in sorted(lines.items())]


def key(s):
    return re.sub(r"\W", "", s)[:24]


def main():
    layout = sys.argv[1] if len(sys.argv) > 1 else LAYOUT
    if len(sys.argv) > 2:
        pdf = sys.argv[2]
    else:
        tmp = tempfile.mkdtemp()
        subprocess.run(["pdflatex", "-interaction=batchmode", "-output-directory", tmp,
                        os.path.join(HERE, "rubio.tex")], check=True, capture_output=True)
        pdf = os.path.join(tmp, "rubio.pdf")
    ours = signon_lines(layout)
    total = [0, 0, 0, 0]
    print("| paragraph | lines pdflatex | lines signon | hyphens pdflatex | hyphens signon |")
    print("| --- | --- | --- | --- | --- |")
    for para in tex_paragraphs(pdf):
        start = next(i for i, (_, t) in enumerate(ours) if key(t.lstrip("0123456789. ")) == key(para[0]))
        n, text = 0, ""
        joined = "".join(l[:-1] if re.search(r"[a-z]-$", l) else l + " " for l in para)
        words = len(joined.split())
        while len(text.split()) < words and start + n < len(ours):
            line = ours[start + n][1]
            text += line[:-1] if re.search(r"[a-z]-$", line) else line + " "
            n += 1
        mine = ours[start:start + n]
        th = sum(1 for l in para[:-1] if re.search(r"[a-z]-$", l))
        sh = sum(1 for _, l in mine[:-1] if re.search(r"[a-z]-$", l))
        total = [a + b for a, b in zip(total, [len(para), n, th, sh])]
        print(f"| {para[0][:32]}… | {len(para)} | {n} | {th} | {sh} |")
    print(f"| all {len(tex_paragraphs(pdf))} | {total[0]} | {total[1]} | {total[2]} | {total[3]} |")


main()
