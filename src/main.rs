//! The `signon` binary: parse the command line, run it, report, exit.

use std::io;
use std::process::ExitCode;

use anstream::{AutoStream, ColorChoice};
use chrono::{DateTime, Local};
use clap::Parser;

fn main() -> ExitCode {
    let cli = signon::cli::Cli::parse();
    ColorChoice::from(cli.global.color).write_global();
    let styled = |choice: ColorChoice| choice != ColorChoice::Never;
    let (mut out, mut err) = (io::stdout().lock(), io::stderr());
    let mut cx = signon::Context {
        cwd: std::env::current_dir().unwrap_or_default(),
        now: now(),
        color: styled(AutoStream::choice(&io::stdout())),
        err_color: styled(AutoStream::choice(&io::stderr())),
        out: &mut out,
        err: &mut err,
        leftovers: Vec::new(),
    };
    let result = signon::run(cli, &mut cx);
    // The process ends next: freeing what a command left (a season's worth
    // of events for `status`) one allocation at a time would only add to its
    // run time, and the system takes the memory back whole.
    std::mem::forget(std::mem::take(&mut cx.leftovers));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A reader that stopped early (`| head`) wanted no more: not a failure.
        Err(signon::Error::Io { source, .. }) if source.kind() == io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(e) => {
            let _ = write!(cx.err, "{}", e.render(cx.err_color));
            ExitCode::from(e.exit_code())
        }
    }
}

/// The clock, read once. `SIGNON_NOW` (seconds since 1970) pins it, so
/// scripts and tests get the same output every run. Not the reproducible-
/// builds `SOURCE_DATE_EPOCH`: build shells export that one (Nix sets 1980),
/// and the clock dates every answer recorded in the ledger.
fn now() -> DateTime<chrono::FixedOffset> {
    let pinned = std::env::var("SIGNON_NOW")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok());
    match pinned.and_then(|secs| DateTime::from_timestamp(secs, 0)) {
        Some(t) => t.fixed_offset(),
        None => Local::now().fixed_offset(),
    }
}

// Why mimalloc rather than the system allocator: see Cargo.toml.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
