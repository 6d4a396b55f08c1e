//! The data files as text: each list a JSON array with one record per line, so a change to the
//! sources shows up as a readable diff of the records it touched; the manifest pretty-printed.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use crate::error::IngestError;
use crate::Output;

/// `[`, one record per line joined by `,`, `]`, and a final newline.
pub fn json_lines<T: Serialize>(records: &[T]) -> String {
    if records.is_empty() {
        return "[]\n".to_string();
    }
    let lines: Vec<String> = records
        .iter()
        .map(|r| serde_json::to_string(r).expect("model types always serialize"))
        .collect();
    format!("[\n{}\n]\n", lines.join(",\n"))
}

/// Every generated file of `data/`, by file name.
pub fn files(out: &Output) -> BTreeMap<&'static str, String> {
    let mut files = BTreeMap::new();
    let manifest = serde_json::to_string_pretty(&out.manifest).expect("manifest serializes");
    files.insert("manifest.json", manifest + "\n");
    files.insert("people.json", json_lines(&out.people));
    files.insert("terms.json", json_lines(&out.terms));
    files.insert("elections.json", json_lines(&out.elections));
    files.insert("nominations.json", json_lines(&out.nominations));
    files.insert("meetings.json", json_lines(&out.sections));
    files.insert("decisions.json", json_lines(&out.decisions));
    files.insert("peps.json", json_lines(&out.peps));
    files
}

/// Writes the files, skipping those whose content is already there so timestamps only move
/// when data changed.
pub fn write_all(dir: &Path, files: &BTreeMap<&'static str, String>) -> Result<usize, IngestError> {
    std::fs::create_dir_all(dir).map_err(|e| IngestError::io(dir, e))?;
    let mut changed = 0;
    for (name, text) in files {
        let path = dir.join(name);
        if std::fs::read_to_string(&path).ok().as_deref() == Some(text.as_str()) {
            continue;
        }
        std::fs::write(&path, text).map_err(|e| IngestError::io(&path, e))?;
        changed += 1;
    }
    Ok(changed)
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_record_per_line() {
        assert_eq!(super::json_lines(&[1, 2]), "[\n1,\n2\n]\n");
        assert_eq!(super::json_lines::<u8>(&[]), "[]\n");
    }
}
