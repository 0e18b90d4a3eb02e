//! `signon remind` through the real binary: its drafts parsed back by
//! Python's `email` and `mailbox` packages, a real parser rather than our
//! own reading, and one whole draft against its golden file. The workspace
//! with offices to chase is shared with `missing`.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::support::*;

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = signon(dir, args);
    assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
    stdout(&out)
}

/// Gives a roster entry contact fields, as a coordinator would add them.
pub(crate) fn contact(ws: &Path, id: &str, fields: &[(&str, &str)]) {
    let path = ws.join("signers.toml");
    let text = fs::read_to_string(&path).unwrap();
    let head = format!("[signers.{id}]\n");
    let lines: String = fields
        .iter()
        .map(|(k, v)| format!("{k} = \"{v}\"\n"))
        .collect();
    assert!(text.contains(&head), "no {head}");
    fs::write(&path, text.replacen(&head, &(head.clone() + &lines), 1)).unwrap();
}

/// The example with contacts for three offices to chase: Pallone, whose
/// signature went stale with an edit (staffer with accents), Sherman (no
/// answer, a staffer) and Velázquez (no answer, no staffer); Bilirakis
/// signed the current text and is not chased.
pub(crate) fn chasing() -> tempfile::TempDir {
    let ws = example();
    let dir = ws.path();
    contact(
        dir,
        "pallone",
        &[("staffer", "José Núñez"), ("email", "jose@pallone.example")],
    );
    contact(
        dir,
        "sherman",
        &[("staffer", "A. Aide"), ("email", "aide@sherman.example")],
    );
    contact(dir, "velazquez", &[("email", "nv@velazquez.example")]);
    ok(
        dir,
        &[
            "sign",
            RUBIO,
            "pallone",
            "--at",
            "2025-01-28T09:30:00-05:00",
        ],
    );
    let path = dir.join("letters/2025-02-06-rubio.toml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replace("congratulate you", "warmly congratulate you"),
    )
    .unwrap();
    ok(
        dir,
        &[
            "sign",
            RUBIO,
            "bilirakis",
            "--at",
            "2025-01-31T10:00:00-05:00",
        ],
    );
    ws
}

/// Python's reading of a draft: headers as its `email` package decodes
/// them (RFC 2047 names and subjects), and the decoded body with its
/// lines ended as a mail client shows them.
fn parse(path: &Path) -> serde_json::Value {
    let script = r#"
import email, email.policy, json, sys
m = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=email.policy.default)
assert not m.defects, m.defects
print(json.dumps({
    'to': str(m['To']), 'from': m['From'] and str(m['From']), 'subject': str(m['Subject']),
    'date': str(m['Date']), 'id': str(m['Message-ID']), 'unsent': str(m['X-Unsent']),
    'type': m.get_content_type(), 'charset': m.get_content_charset(),
    'to_name': m['To'].addresses[0].display_name, 'to_addr': m['To'].addresses[0].addr_spec,
    'body': m.get_content().replace('\r\n', '\n'),
}))
"#;
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn drafts(ws: &Path) -> std::path::PathBuf {
    ws.join("out/reminders").join(RUBIO)
}

#[test]
fn remind_writes_one_draft_per_office_to_chase_with_an_email() {
    let ws = chasing();
    let out = ok(ws.path(), &["remind", RUBIO]);
    let mut names: Vec<String> = fs::read_dir(drafts(ws.path()))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    let want = ["pallone", "sherman", "velazquez"].map(|s| format!("{RUBIO}-{s}.eml"));
    assert_eq!(names, want);
    assert_eq!(out.lines().count(), 3, "{out}");
    assert!(
        out.starts_with("wrote out/reminders/2025-02-06-rubio/"),
        "{out}"
    );
}

#[test]
fn a_draft_is_addressed_to_the_staffer_with_the_deadline_and_the_letter() {
    let ws = chasing();
    ok(ws.path(), &["remind", RUBIO]);
    let m = parse(&drafts(ws.path()).join(format!("{RUBIO}-sherman.eml")));
    assert_eq!(m["to_name"], "A. Aide");
    assert_eq!(m["to_addr"], "aide@sherman.example");
    let subject = m["subject"].as_str().unwrap();
    assert!(
        subject.contains("Accountability for Azerbaijan and support for Armenia"),
        "{subject}"
    );
    assert!(subject.contains("deadline 2025-02-05"), "{subject}");
    let body = m["body"].as_str().unwrap();
    assert!(body.starts_with("Dear A. Aide,\n"), "{body}");
    assert!(body.contains("four days left"), "{body}");
    assert!(
        body.contains("Dear Secretary Rubio:"),
        "the letter's salutation\n{body}"
    );
    assert_eq!(m["unsent"], "1");
    assert_eq!(m["type"], "text/plain");
    assert_eq!(m["charset"], "utf-8");
    assert!(m["from"].is_null(), "no --from: the client fills it in");
}

#[test]
fn a_stale_office_is_shown_what_changed() {
    let ws = chasing();
    ok(ws.path(), &["remind", RUBIO]);
    let m = parse(&drafts(ws.path()).join(format!("{RUBIO}-pallone.eml")));
    assert_eq!(m["to_name"], "José Núñez");
    let body = m["body"].as_str().unwrap();
    assert!(body.starts_with("Dear José Núñez,\n"), "{body}");
    assert!(body.contains("signed on to the letter"), "{body}");
    assert!(
        body.contains("{+warmly +}congratulate you"),
        "the redline\n{body}"
    );
    let sherman = parse(&drafts(ws.path()).join(format!("{RUBIO}-sherman.eml")));
    assert!(
        !sherman["body"].as_str().unwrap().contains("{+"),
        "no answer: no redline"
    );
}

#[test]
fn without_a_staffer_the_greeting_is_neutral_and_the_name_encoded() {
    let ws = chasing();
    ok(ws.path(), &["remind", RUBIO]);
    let path = drafts(ws.path()).join(format!("{RUBIO}-velazquez.eml"));
    let raw = fs::read(&path).unwrap();
    assert!(
        raw.is_ascii(),
        "encoded words and quoted-printable: 7-bit on the wire"
    );
    let m = parse(&path);
    assert_eq!(m["to_name"], "Nydia M. Velázquez");
    assert!(m["body"].as_str().unwrap().starts_with("Hello,\n"));
}

#[test]
fn one_whole_draft_matches_its_golden_file() {
    let ws = chasing();
    ok(ws.path(), &["remind", RUBIO]);
    let raw = fs::read(drafts(ws.path()).join(format!("{RUBIO}-sherman.eml"))).unwrap();
    let text = String::from_utf8(raw).unwrap();
    assert!(
        text.split("\r\n").all(|l| !l.contains('\n')),
        "CRLF line ends only"
    );
    golden("remind/expected/sherman.eml", &text, None);
}

#[test]
fn an_mbox_holds_every_draft() {
    let ws = chasing();
    let out = ok(
        ws.path(),
        &["remind", RUBIO, "--format", "mbox", "--output", "mail"],
    );
    assert_eq!(out, format!("wrote mail/{RUBIO}.mbox\n"));
    let script = "import mailbox, sys, email.policy
mb = mailbox.mbox(sys.argv[1], factory=None, create=False)
for m in mb: print(m['To'])";
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(ws.path().join(format!("mail/{RUBIO}.mbox")))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let to = String::from_utf8(out.stdout).unwrap();
    assert_eq!(to.lines().count(), 3, "{to}");
    assert!(to.contains("aide@sherman.example"), "{to}");
}

#[test]
fn offices_without_an_email_are_listed() {
    let ws = chasing();
    let out = signon(ws.path(), &["remind", RUBIO]);
    assert_eq!(code(&out), 0);
    let err = stderr(&out);
    assert!(
        err.contains(
            "no e-mail for `valadao` (David G. Valadao): add `email` to their roster entry\n"
        ),
        "{err}"
    );
    assert!(
        !err.contains("`sherman`") && !err.contains("`bilirakis`"),
        "{err}"
    );
}

#[test]
fn from_sets_the_sender() {
    let ws = chasing();
    ok(
        ws.path(),
        &["remind", RUBIO, "--from", "Ann Hill <ann@example.org>"],
    );
    let m = parse(&drafts(ws.path()).join(format!("{RUBIO}-sherman.eml")));
    assert_eq!(m["from"], "Ann Hill <ann@example.org>");
    let bad = signon(ws.path(), &["remind", RUBIO, "--from", "ann at example"]);
    assert_eq!(code(&bad), 2, "a usage error");
}

#[test]
fn past_the_deadline_the_draft_says_how_long_ago() {
    let ws = chasing();
    // Three days after the deadline of 2025-02-05.
    let out = signon_cmd(ws.path(), &["remind", RUBIO])
        .env("SIGNON_NOW", "1739016000")
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let m = parse(&drafts(ws.path()).join(format!("{RUBIO}-sherman.eml")));
    let body = m["body"].as_str().unwrap();
    assert!(
        body.contains("the deadline passed three days ago"),
        "{body}"
    );
}

#[test]
fn an_output_over_an_input_is_refused_and_nothing_written() {
    let ws = chasing();
    let out = signon(ws.path(), &["remind", RUBIO, "--output", "signers.toml"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("refused to write"),
        "{}",
        stderr(&out)
    );
    assert!(!ws.path().join("out").exists());
}
