//! `cargo run -p ingest -- [--council DIR] [--peps DIR] [--nominations DIR] [--curated DIR]
//! [--out DIR] [--check]`: builds the data set, prints the coverage report and the time taken,
//! and writes `data/` (or, with `--check`, only says whether `data/` is up to date).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use ingest::{build, write, Inputs};

const USAGE: &str = "usage: ingest [--council DIR] [--peps DIR] [--nominations DIR] [--curated DIR] [--out DIR] [--check]";

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(message) => {
            eprintln!("ingest: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<ExitCode, String> {
    let started = Instant::now();
    // Defaults are relative to the repository root, wherever cargo was started from.
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = manifest_dir.parent().unwrap_or(manifest_dir);
    let mut inputs = Inputs::defaults(root);
    let mut out = root.join("data");
    let mut check = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .map(PathBuf::from)
                .ok_or(format!("{arg} needs a path\n{USAGE}"))
        };
        match arg.as_str() {
            "--council" => inputs.council = value()?,
            "--peps" => inputs.peps = value()?,
            "--nominations" => inputs.nominations = value()?,
            "--curated" => inputs.curated = value()?,
            "--out" => out = value()?,
            "--check" => check = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            _ => return Err(format!("unknown argument {arg:?}\n{USAGE}")),
        }
    }
    let (output, report) = build(&inputs).map_err(|e| e.to_string())?;
    let files = write::files(&output);
    print!("{report}");
    if check {
        let mut stale: Vec<String> = files
            .iter()
            .filter(|(name, text)| {
                std::fs::read_to_string(out.join(name)).ok().as_deref() != Some(text.as_str())
            })
            .map(|(name, _)| name.clone())
            .collect();
        stale.extend(write::strays(&out, &files));
        println!("checked in {:.2?}", started.elapsed());
        if stale.is_empty() {
            println!("{} is up to date", out.display());
            return Ok(ExitCode::SUCCESS);
        }
        println!("out of date: {}", stale.join(", "));
        return Ok(ExitCode::FAILURE);
    }
    let changed = write::write_all(&out, &files).map_err(|e| e.to_string())?;
    println!(
        "wrote {changed} of {} files to {} in {:.2?}",
        files.len(),
        out.display(),
        started.elapsed()
    );
    Ok(ExitCode::SUCCESS)
}
