//! PEPs from their header blocks, plus the status history of `status-history.tsv`.
//!
//! The header block is everything up to the first blank line: `Resolution:` also occurs in a few
//! PEP bodies, so reading past that line would pick up text that is not a header. Lines that
//! start with whitespace continue the header above them; padding after the colon is ignored.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use council_explorer::core::model::{Pep, PepDetails, Resolution, StatusChange};

/// A PEP as the ingest reads it, header and history together; `split` gives the index record
/// of `data/peps.json` and the details of `data/peps/<number>.json`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PepRecord {
    pub number: u16,
    pub title: String,
    pub status: String,
    pub pep_type: String,
    pub topic: Option<String>,
    pub created: Option<NaiveDate>,
    pub python_version: Option<String>,
    pub delegate: Option<String>,
    pub authors: Vec<String>,
    pub resolution: Option<Resolution>,
    pub history: Vec<StatusChange>,
}

impl PepRecord {
    pub fn split(&self) -> (Pep, PepDetails) {
        let pep = Pep {
            number: self.number,
            title: self.title.clone(),
            status: self.status.clone(),
            pep_type: self.pep_type.clone(),
            topic: self.topic.clone(),
        };
        let details = PepDetails {
            number: self.number,
            created: self.created,
            python_version: self.python_version.clone(),
            delegate: self.delegate.clone(),
            authors: self.authors.clone(),
            resolution: self.resolution.clone(),
            history: self.history.clone(),
        };
        (pep, details)
    }
}

use crate::error::{read_text, IngestError};

/// One `Name: value` header with continuation lines joined by a space.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderField {
    pub name: String,
    pub value: String,
    pub line: u32,
}

/// Splits a PEP's header block into fields. `file` only names the file in errors.
pub fn parse_header(file: &str, text: &str) -> Result<Vec<HeaderField>, IngestError> {
    let mut fields: Vec<HeaderField> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i as u32 + 1;
        if raw.trim().is_empty() {
            break;
        }
        if raw.starts_with([' ', '\t']) {
            let Some(last) = fields.last_mut() else {
                return Err(IngestError::at(
                    file,
                    line,
                    "continuation line before any header",
                ));
            };
            if !last.value.is_empty() {
                last.value.push(' ');
            }
            last.value.push_str(raw.trim());
            continue;
        }
        let Some((name, value)) = raw.split_once(':') else {
            return Err(IngestError::at(
                file,
                line,
                format!("not a `Name: value` header: {raw:?}"),
            ));
        };
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return Err(IngestError::at(
                file,
                line,
                format!("bad header name {name:?}"),
            ));
        }
        fields.push(HeaderField {
            name: name.to_string(),
            value: value.trim().to_string(),
            line,
        });
    }
    if fields.first().map(|f| f.name.as_str()) != Some("PEP") {
        return Err(IngestError::at(
            file,
            1,
            "the header block does not start with `PEP:`",
        ));
    }
    Ok(fields)
}

/// `DD-Mon-YYYY`, the date form PEP headers use.
pub fn parse_pep_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%d-%b-%Y").ok()
}

/// A `Resolution:` value: a bare URL, or the dated form `` `DD-Mon-YYYY <url>`__ ``.
pub fn parse_resolution(value: &str) -> Option<Resolution> {
    let value = value.trim();
    if let Some(inner) = value.strip_prefix('`').and_then(|v| v.strip_suffix("`__")) {
        let (date, rest) = inner.split_once(" <")?;
        let url = rest.strip_suffix('>')?;
        return Some(Resolution {
            date: Some(parse_pep_date(date)?),
            url: url.to_string(),
        });
    }
    if value.starts_with("http") && !value.contains(char::is_whitespace) {
        return Some(Resolution {
            date: None,
            url: value.to_string(),
        });
    }
    None
}

/// Drops `<email>` parts: the data set keeps names only.
fn strip_email(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '<' => depth += 1,
            '>' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `Author:` lists names separated by commas; commas inside `<…>` belong to an address.
fn split_authors(value: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut depth = 0;
    for c in value.chars() {
        match c {
            '<' => depth += 1,
            '>' if depth > 0 => depth -= 1,
            ',' if depth == 0 => parts.push(std::mem::take(&mut current)),
            _ => {}
        }
        if !(c == ',' && depth == 0) {
            current.push(c);
        }
    }
    parts.push(current);
    parts
        .iter()
        .map(|p| strip_email(p))
        .filter(|p| !p.is_empty())
        .collect()
}

/// Builds one `PepRecord` from a file's text. `file` is the path shown in errors and sources.
pub fn parse_pep(file: &str, text: &str) -> Result<PepRecord, IngestError> {
    let fields = parse_header(file, text)?;
    let get = |name: &str| fields.iter().find(|f| f.name == name);
    let need = |name: &str| {
        get(name).ok_or_else(|| IngestError::at(file, 1, format!("no `{name}:` header")))
    };
    let number_field = need("PEP")?;
    let number: u16 = number_field.value.parse().map_err(|_| {
        IngestError::at(
            file,
            number_field.line,
            format!("bad PEP number {:?}", number_field.value),
        )
    })?;
    let created = match get("Created") {
        Some(f) => Some(parse_pep_date(&f.value).ok_or_else(|| {
            IngestError::at(file, f.line, format!("bad Created date {:?}", f.value))
        })?),
        None => None,
    };
    let resolution = match get("Resolution") {
        Some(f) => Some(parse_resolution(&f.value).ok_or_else(|| {
            IngestError::at(file, f.line, format!("unreadable Resolution {:?}", f.value))
        })?),
        None => None,
    };
    // Never both on one PEP (DATA-NOTES); an empty header means no delegate.
    let delegate = ["PEP-Delegate", "BDFL-Delegate"]
        .iter()
        .filter_map(|name| get(name))
        .map(|f| strip_email(&f.value))
        .find(|v| !v.is_empty());
    let non_empty = |name: &str| get(name).map(|f| f.value.clone()).filter(|v| !v.is_empty());
    Ok(PepRecord {
        number,
        title: need("Title")?.value.clone(),
        status: need("Status")?.value.clone(),
        pep_type: need("Type")?.value.clone(),
        topic: non_empty("Topic"),
        created,
        python_version: non_empty("Python-Version"),
        delegate,
        authors: split_authors(&need("Author")?.value),
        resolution,
        history: Vec::new(),
    })
}

/// Reads every `pep-NNNN.rst` of `dir`, in number order, and checks each file's header names
/// the number its file name does.
pub fn read_peps(dir: &Path) -> Result<Vec<PepRecord>, IngestError> {
    let entries = std::fs::read_dir(dir).map_err(|e| IngestError::io(dir, e))?;
    let mut names: Vec<String> = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| IngestError::io(dir, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("pep-") && name.ends_with(".rst") {
            names.push(name);
        }
    }
    names.sort();
    let mut peps = Vec::with_capacity(names.len());
    for name in names {
        let file = format!("peps/{name}");
        let pep = parse_pep(&file, &read_text(&dir.join(&name))?)?;
        if format!("pep-{:04}.rst", pep.number) != name {
            return Err(IngestError::at(
                &file,
                1,
                format!("header says PEP {}", pep.number),
            ));
        }
        peps.push(pep);
    }
    peps.sort_by_key(|p| p.number);
    Ok(peps)
}

/// Rows of `status-history.tsv` (`date, commit, pep, field, old, new`) by PEP number, in file
/// order, which is commit order.
pub fn parse_history(
    file: &str,
    text: &str,
) -> Result<BTreeMap<u16, Vec<StatusChange>>, IngestError> {
    let mut by_pep: BTreeMap<u16, Vec<StatusChange>> = BTreeMap::new();
    for (i, row) in text.lines().enumerate().skip(1) {
        let line = i as u32 + 1;
        if row.is_empty() {
            continue;
        }
        let cols: Vec<&str> = row.split('\t').collect();
        let [date, commit, pep, field, old, new] = cols[..] else {
            return Err(IngestError::at(
                file,
                line,
                format!("expected 6 columns, found {}", cols.len()),
            ));
        };
        let date = NaiveDate::parse_from_str(date, "%Y-%m-%d")
            .map_err(|_| IngestError::at(file, line, format!("bad date {date:?}")))?;
        let pep: u16 = pep
            .parse()
            .map_err(|_| IngestError::at(file, line, format!("bad PEP number {pep:?}")))?;
        if field != "Status" && field != "Resolution" {
            return Err(IngestError::at(
                file,
                line,
                format!("unknown field {field:?}"),
            ));
        }
        let value = |v: &str| {
            if field == "Resolution" {
                resolution_value(v)
            } else {
                v.to_string()
            }
        };
        by_pep.entry(pep).or_default().push(StatusChange {
            date,
            commit: commit.to_string(),
            field: field.to_string(),
            old: value(old),
            new: value(new),
        });
    }
    Ok(by_pep)
}

/// A few old `Resolution:` values were sentences rather than links; the data set keeps links,
/// dates and short placeholders ("TBD") and marks prose as `[text]`, since it never carries the
/// sources' sentences.
pub fn resolution_value(v: &str) -> String {
    if v.split_whitespace().count() <= 4 || parse_resolution(v).is_some() {
        v.to_string()
    } else {
        "[text]".to_string()
    }
}

/// Attaches history rows to their PEPs; returns how many rows name a PEP with no file (PEP 0,
/// the generated index, and a test number), which the report counts.
pub fn attach_history(
    peps: &mut [PepRecord],
    mut history: BTreeMap<u16, Vec<StatusChange>>,
) -> usize {
    for pep in peps.iter_mut() {
        pep.history = history.remove(&pep.number).unwrap_or_default();
    }
    history.values().map(Vec::len).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_stops_at_first_blank_line_and_joins_continuations() {
        let text = "PEP: 9\nTitle: A long\n   title\nStatus:     Final\nType: Process\nAuthor: A B <a@b>,\n   C D\nCreated: 01-Jan-2020\n\nResolution: https://x\n";
        let pep = parse_pep("peps/pep-0009.rst", text).unwrap();
        assert_eq!(pep.title, "A long title");
        assert_eq!(pep.status, "Final");
        assert_eq!(pep.authors, vec!["A B", "C D"]);
        assert_eq!(pep.resolution, None);
    }

    #[test]
    fn both_resolution_forms() {
        let dated =
            parse_resolution(" `25-Apr-2024 <https://discuss.python.org/t/46631/25>`__").unwrap();
        assert_eq!(dated.date, NaiveDate::from_ymd_opt(2024, 4, 25));
        assert_eq!(dated.url, "https://discuss.python.org/t/46631/25");
        let bare = parse_resolution("https://mail.python.org/x").unwrap();
        assert_eq!(bare.date, None);
        assert!(parse_resolution("soon").is_none());
    }

    #[test]
    fn malformed_header_names_file_and_line() {
        let err = parse_pep("peps/pep-0001.rst", "PEP: 1\nTitle x\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "peps/pep-0001.rst:2: not a `Name: value` header: \"Title x\""
        );
    }
}
