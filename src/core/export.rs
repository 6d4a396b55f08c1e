//! The timeline's current view as CSV or JSON, for download: one row per entry, with its
//! date, kind, title, detail, PEPs, people, who decided, term and a link back to it. Plain text building,
//! so it is tested natively; the UI only hands the text to the browser.

use super::dataset::Dataset;
use super::json::quoted;
use super::route::Route;
use super::timeline::Entry;

/// One exported entry; the JSON form uses these field names, the CSV form the same order.
#[derive(Debug)]
struct Row<'a> {
    date: String,
    kind: &'static str,
    label: &'a str,
    title: &'a str,
    detail: &'a str,
    peps: &'a [u16],
    people: Vec<&'a str>,
    /// For a decision, `council` or `delegate`; empty otherwise.
    decided_by: &'static str,
    term: u16,
    link: String,
}

const HEADER: [&str; 10] = [
    "date",
    "kind",
    "label",
    "title",
    "detail",
    "peps",
    "people",
    "decided_by",
    "term",
    "link",
];

fn row<'a>(data: &'a Dataset, e: &'a Entry, link: &impl Fn(&Route) -> String) -> Row<'a> {
    Row {
        date: e.date.to_string(),
        kind: e.kind.as_str(),
        label: e.badge.as_str(),
        title: &e.title,
        detail: &e.detail,
        peps: &e.peps,
        people: e.people.iter().map(|p| data.name(p)).collect(),
        decided_by: e.decided_by.map_or("", |d| d.as_str()),
        term: e.term,
        link: link(&e.route),
    }
}

/// RFC 4180 CSV with a header line and CRLF line ends. `link` turns a route into the
/// absolute address the file should carry.
pub fn csv<'a>(
    data: &Dataset,
    entries: impl IntoIterator<Item = &'a Entry>,
    link: impl Fn(&Route) -> String,
) -> String {
    let mut out = HEADER.join(",");
    out.push_str("\r\n");
    for e in entries {
        let r = row(data, e, &link);
        let peps: Vec<String> = r.peps.iter().map(u16::to_string).collect();
        let fields = [
            r.date,
            r.kind.to_string(),
            r.label.to_string(),
            r.title.to_string(),
            r.detail.to_string(),
            peps.join(" "),
            r.people.join("; "),
            r.decided_by.to_string(),
            r.term.to_string(),
            r.link,
        ];
        let quoted: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&quoted.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A CSV field: as it is when that is safe, else in double quotes with quotes doubled. Text
/// that a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return) gets a leading `'`, so opening the file runs nothing from the data.
pub fn csv_field(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        return csv_field(&format!("'{s}"));
    }
    if s.contains([',', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A JSON array of the same rows, one field per line.
pub fn json<'a>(
    data: &Dataset,
    entries: impl IntoIterator<Item = &'a Entry>,
    link: impl Fn(&Route) -> String,
) -> String {
    let list = |items: Vec<String>| format!("[{}]", items.join(", "));
    let rows: Vec<String> = entries
        .into_iter()
        .map(|e| {
            let r = row(data, e, &link);
            let values = [
                quoted(&r.date),
                quoted(r.kind),
                quoted(r.label),
                quoted(r.title),
                quoted(r.detail),
                list(r.peps.iter().map(u16::to_string).collect()),
                list(r.people.iter().map(|p| quoted(p)).collect()),
                quoted(r.decided_by),
                r.term.to_string(),
                quoted(&r.link),
            ];
            let fields: Vec<String> = HEADER
                .iter()
                .zip(values)
                .map(|(k, v)| format!("    \"{k}\": {v}"))
                .collect();
            format!("  {{\n{}\n  }}", fields.join(",\n"))
        })
        .collect();
    if rows.is_empty() {
        "[]".to_string()
    } else {
        format!("[\n{}\n]", rows.join(",\n"))
    }
}
