//! `data/README.md` quotes the coverage report's lines about people (guests, stated
//! attendance, roles); this checks them against a fresh build, so the README's counts are the
//! data's. Where the bundled sources are absent there is nothing to build, and the test says so.

use std::path::Path;

use ingest::{build, Inputs};

#[test]
fn the_readme_quotes_the_people_counts_of_the_data() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let inputs = Inputs::defaults(&root);
    if !inputs.peps.exists() {
        println!("note: {} not found, skipping", inputs.peps.display());
        return;
    }
    let readme = std::fs::read_to_string(root.join("data/README.md")).unwrap();
    let quoted = readme
        .split_once("<!-- people-counts -->")
        .and_then(|(_, rest)| rest.split_once("<!-- /people-counts -->"))
        .map(|(block, _)| block)
        .expect("data/README.md has a people-counts block");
    let quoted: Vec<&str> = quoted
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with("```"))
        .collect();
    let (_, report) = build(&inputs).unwrap_or_else(|e| panic!("the ingest failed: {e}"));
    let built: Vec<String> = report
        .people_lines()
        .iter()
        .map(|l| l.to_string())
        .collect();
    assert_eq!(
        quoted,
        built,
        "data/README.md's people counts are out of date; paste these lines:\n{}",
        built.join("\n")
    );
}
