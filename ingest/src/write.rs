//! The data files as text: each list a JSON array with one record per line, so a change to the
//! sources shows up as a readable diff of the records it touched; the manifest pretty-printed.

use std::collections::BTreeMap;
use std::path::Path;

use council_explorer::core::dataset::details_path;
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

/// Every generated file of `data/`, by path under it: the data set's files, and one
/// `peps/<number>.json` per PEP with its details.
pub fn files(out: &Output) -> BTreeMap<String, String> {
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
    let mut files: BTreeMap<String, String> = files
        .into_iter()
        .map(|(name, text)| (name.to_string(), text))
        .collect();
    for d in &out.pep_details {
        let text = serde_json::to_string(d).expect("model types always serialize");
        files.insert(details_path(d.number), text + "\n");
    }
    files
}

/// Files under `dir/peps/` that `files` does not make: details of PEPs that are gone.
pub fn strays(dir: &Path, files: &BTreeMap<String, String>) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir.join(DETAILS_DIR)) else {
        return Vec::new();
    };
    let mut strays: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| format!("{DETAILS_DIR}/{}", e.file_name().to_string_lossy()))
        .filter(|name| !files.contains_key(name))
        .collect();
    strays.sort();
    strays
}

/// The folder of the details files, as `details_path` names them.
const DETAILS_DIR: &str = "peps";

/// Writes the files, skipping those whose content is already there so timestamps only move
/// when data changed, and removes details files of PEPs that are gone.
pub fn write_all(dir: &Path, files: &BTreeMap<String, String>) -> Result<usize, IngestError> {
    std::fs::create_dir_all(dir.join(DETAILS_DIR)).map_err(|e| IngestError::io(dir, e))?;
    let mut changed = 0;
    for name in strays(dir, files) {
        let path = dir.join(name);
        std::fs::remove_file(&path).map_err(|e| IngestError::io(&path, e))?;
        changed += 1;
    }
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
