//! `data/` must be what the ingest builds from the sources today: this rebuilds it in memory
//! and compares file by file. Where the bundled sources are absent (a clone without `shared/`)
//! there is nothing to compare against, and the test says so instead of failing.

use std::path::Path;

use ingest::{build, write, Inputs};

#[test]
fn data_is_up_to_date_with_the_sources() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let inputs = Inputs::defaults(&root);
    if !inputs.peps.exists() {
        println!(
            "note: {} not found, skipping the up-to-date check",
            inputs.peps.display()
        );
        return;
    }
    let (output, _) = build(&inputs).unwrap_or_else(|e| panic!("the ingest failed: {e}"));
    let files = write::files(&output);
    let mut stale = Vec::new();
    for (name, text) in &files {
        let on_disk = std::fs::read_to_string(root.join("data").join(name)).unwrap_or_default();
        if on_disk != *text {
            stale.push(name.clone());
        }
    }
    stale.extend(write::strays(&root.join("data"), &files));
    assert!(
        stale.is_empty(),
        "data/ is out of date ({}): run `cargo run -p ingest`",
        stale.join(", ")
    );
}

#[test]
fn two_builds_are_byte_identical() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let inputs = Inputs::defaults(&root);
    if !inputs.peps.exists() {
        println!(
            "note: {} not found, skipping the determinism check",
            inputs.peps.display()
        );
        return;
    }
    let first = write::files(&build(&inputs).unwrap().0);
    let second = write::files(&build(&inputs).unwrap().0);
    assert_eq!(first, second);
}
