//! The splitter: cuts the council's notes (`updates/*.md`) into sections and items.
//!
//! It decides only where sections and items start and end; what they say is `meetings.rs`'s
//! business. The notes come in several layouts (DATA-NOTES §2):
//!
//! - meeting files, whose sections are headed `## YYYY-MM-DD`, `# Month D`, `## Month D`, or
//!   `## Month recap` / `# Month` for the monthly recaps, under optional title headings;
//! - the four 2019 updates, organised by the council's mandate, one section per file, whose
//!   quoted PEP 13 text (`## Reference`, `## … (PEP 13)`) is boilerplate;
//! - the three undated period summaries (`2023-11,12`, …), one section per file, made of deeply
//!   nested lists.
//!
//! An item is a top-level bullet (`-`, `*` or `N.` at indent 0–1) with its nested bullets and
//! continuation lines, or a stand-alone paragraph. Where a file uses plain-text subheadings
//! ("Topic:" above a list), they become the items' `topic` instead of items.
//!
//! Written by hand, without regular expressions: each rule is a small function over one line.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use council_explorer::core::date::MONTHS;
use council_explorer::core::model::{Period, SectionKind, Source};

use crate::error::{read_text, IngestError};
use crate::meetings::{RawItemIn, RawSectionIn};

/// Where the notes live on GitHub; anchors and commas are added per file.
const BLOB_URL: &str = "https://github.com/python/steering-council/blob/main/updates/";

/// How a no-meeting section says that part of the council met all the same.
const PARTIAL_MEETING: &[&str] = &["met with", "had a call", "subset of the sc"];

/// Reads every `*.md` of the notes folder (or of its `updates/`) and returns all sections in
/// date order (sections of the same day keep their order in the files).
pub fn read_notes(dir: &Path) -> Result<Vec<RawSectionIn>, IngestError> {
    let nested = dir.join("updates");
    let dir = if nested.is_dir() {
        nested
    } else {
        dir.to_path_buf()
    };
    let entries = std::fs::read_dir(&dir).map_err(|e| IngestError::io(&dir, e))?;
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| IngestError::io(&dir, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".md") {
            names.push(name);
        }
    }
    if names.is_empty() {
        return Err(IngestError::other(format!(
            "{}: no notes (*.md) found",
            dir.display()
        )));
    }
    names.sort();
    let mut out = Vec::new();
    for name in names {
        let text = read_text(&dir.join(&name))?;
        out.extend(split_file(&name, &text)?);
    }
    out.sort_by_key(|s| s.date);
    Ok(out)
}

/// Splits one file of the notes, named `name` inside `updates/`.
pub fn split_file(name: &str, text: &str) -> Result<Vec<RawSectionIn>, IngestError> {
    let file = format!("updates/{name}");
    let stamp = FileStamp::parse(name).ok_or_else(|| {
        IngestError::at(
            &file,
            1,
            "the file name does not start with YYYY-MM, YYYY-MM-DD or YYYY-MM,MM",
        )
    })?;
    let lines: Vec<&str> = text.lines().collect();
    let ctx = FileCtx {
        file,
        url: format!("{BLOB_URL}{}", name.replace(',', "%2C")),
        lines,
    };
    if stamp.months.len() > 1 {
        return Ok(vec![period_summary(&ctx, &stamp)?]);
    }
    let mandate = ctx
        .lines
        .iter()
        .filter_map(|l| heading(l))
        .any(|(level, text)| level == 2 && text == "Mandate");
    if mandate {
        return Ok(vec![update(&ctx, &stamp)?]);
    }
    meeting_file(&ctx, &stamp)
}

/// The date a file's name starts with: `2021-03`, `2019-02-15` or `2024-01,02,03`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct FileStamp {
    year: i32,
    months: Vec<u32>,
    day: Option<u32>,
}

impl FileStamp {
    fn parse(name: &str) -> Option<FileStamp> {
        let head: String = name
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '-' || *c == ',')
            .collect();
        let head = head.trim_end_matches('-');
        let mut parts = head.split('-');
        let year: i32 = number(parts.next()?)? as i32;
        let months: Vec<u32> = parts
            .next()?
            .split(',')
            .map(number)
            .collect::<Option<Vec<u32>>>()?;
        let day = match parts.next() {
            Some(d) => Some(number(d)?),
            None => None,
        };
        if parts.next().is_some()
            || months.iter().any(|m| !(1..=12).contains(m))
            || (day.is_some() && months.len() != 1)
        {
            return None;
        }
        let first = *months.first()?;
        if let Some(d) = day {
            NaiveDate::from_ymd_opt(year, first, d)?;
        }
        Some(FileStamp { year, months, day })
    }

    fn month(&self) -> u32 {
        self.months[0]
    }
}

/// All-digit text as a number (`"07"` is 7).
fn number(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

struct FileCtx<'a> {
    /// `updates/<name>`.
    file: String,
    /// The file's GitHub address, without an anchor.
    url: String,
    lines: Vec<&'a str>,
}

impl FileCtx<'_> {
    fn err(&self, index: usize, message: impl Into<String>) -> IngestError {
        IngestError::at(&self.file, index as u32 + 1, message)
    }

    fn source(&self, index: usize, anchor: Option<&str>) -> Source {
        Source {
            file: self.file.clone(),
            line: index as u32 + 1,
            url: match anchor {
                Some(a) => format!("{}#{a}", self.url),
                None => self.url.clone(),
            },
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Lines

/// A Markdown ATX heading at the start of the line: its level and trimmed text.
fn heading(line: &str) -> Option<(usize, &str)> {
    let level = line.bytes().take_while(|b| *b == b'#').count();
    if level == 0 || level > 6 {
        return None;
    }
    let rest = &line[level..];
    if !(rest.is_empty() || rest.starts_with(' ') || rest.starts_with('\t')) {
        return None;
    }
    Some((level, rest.trim().trim_end_matches('#').trim_end()))
}

/// Leading blanks, a tab counting as four.
fn indent(line: &str) -> usize {
    let mut n = 0;
    for c in line.chars() {
        match c {
            ' ' => n += 1,
            '\t' => n += 4,
            _ => break,
        }
    }
    n
}

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// The text after a list marker (`- `, `* `, `+ `, `12. `), if the line is a list item.
fn bullet_text(line: &str) -> Option<&str> {
    let t = line.trim_start();
    for marker in ["- ", "* ", "+ "] {
        if let Some(rest) = t.strip_prefix(marker) {
            return Some(rest.trim());
        }
    }
    if matches!(t, "-" | "*" | "+") {
        return Some("");
    }
    let digits = t.bytes().take_while(|b| b.is_ascii_digit()).count();
    if (1..=3).contains(&digits) {
        let rest = &t[digits..];
        if let Some(rest) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Some(rest.trim());
        }
    }
    None
}

/// `---`, `***` or `___` alone on a line.
fn is_rule(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    t.len() >= 3
        && (t.chars().all(|c| c == '-')
            || t.chars().all(|c| c == '*')
            || t.chars().all(|c| c == '_'))
}

/// Markdown links reduced to their labels, emphasis markers dropped, a final colon removed:
/// the plain text of a subheading used as a topic.
fn plain(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find("](") {
            Some(close) if !after[..close].contains('[') => {
                let label = &after[..close];
                let tail = &after[close + 2..];
                match tail.find(')') {
                    Some(end) => {
                        out.push_str(label);
                        rest = &tail[end + 1..];
                    }
                    None => {
                        out.push('[');
                        rest = after;
                    }
                }
            }
            _ => {
                out.push('[');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    let out = out.replace("**", "");
    out.trim().trim_end_matches(':').trim_end().to_string()
}

/// GitHub's anchor for a heading: lowercase, punctuation dropped except hyphens (and
/// underscores), spaces turned into hyphens.
fn slug(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            '-' | '_' => Some(c),
            c if c.is_alphanumeric() => Some(c),
            _ => None,
        })
        .collect()
}

/// The anchor of every heading of a file, by line index, with GitHub's `-1`, `-2` … for a
/// repeated anchor.
fn anchors(lines: &[&str]) -> BTreeMap<usize, String> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut out = BTreeMap::new();
    for (i, line) in lines.iter().enumerate() {
        if let Some((_, text)) = heading(line) {
            let base = slug(text);
            let count = seen.entry(base.clone()).or_insert(0);
            let anchor = if *count == 0 {
                base
            } else {
                format!("{base}-{count}")
            };
            *count += 1;
            out.insert(i, anchor);
        }
    }
    out
}

fn month_number(word: &str) -> Option<u32> {
    MONTHS
        .iter()
        .position(|m| m.eq_ignore_ascii_case(word))
        .map(|i| i as u32 + 1)
}

fn last_day(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

fn month_period(year: i32, month: u32) -> Option<(NaiveDate, Period)> {
    let start = NaiveDate::from_ymd_opt(year, month, 1)?;
    let end = last_day(year, month)?;
    Some((start, Period { start, end }))
}

// ---------------------------------------------------------------------------------------------
// Items of a meeting or recap section

/// A run of lines that is one item (or a subheading): `[start, end)` as line indexes.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Block {
    start: usize,
    end: usize,
    bullet: bool,
}

/// Cuts lines `[from, to)` into blocks: a top-level bullet with what is nested under it, or a
/// paragraph. A thematic break (`---`) closes the current block and, with `stop_at_rule`, ends
/// the content (in a meeting file what follows one is a sign-off, not notes).
fn blocks(lines: &[&str], from: usize, to: usize, stop_at_rule: bool) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut current: Option<Block> = None;
    // Whether a blank line came since the current block's last line.
    let mut gap = false;
    for (i, line) in lines.iter().enumerate().take(to).skip(from) {
        if is_blank(line) {
            gap = true;
            if current.as_ref().is_some_and(|b| !b.bullet) {
                out.extend(current.take());
            }
            continue;
        }
        if is_rule(line) && indent(line) < 2 {
            out.extend(current.take());
            if stop_at_rule {
                break;
            }
            gap = true;
            continue;
        }
        let top = indent(line) < 2;
        let starts_bullet = top && bullet_text(line).is_some();
        let continues = match &current {
            None => false,
            Some(b) if b.bullet => !top || !gap,
            Some(_) => true, // a paragraph has no gap (a blank line closed it)
        };
        if starts_bullet || !continues {
            out.extend(current.take());
            current = Some(Block {
                start: i,
                end: i + 1,
                bullet: bullet_text(line).is_some(),
            });
        } else if let Some(b) = current.as_mut() {
            b.end = i + 1;
        }
        gap = false;
    }
    out.extend(current);
    out
}

/// The item text of lines `[start, end)`: each line without trailing blanks and without up to
/// `dedent` leading spaces, blank lines at the end dropped.
fn text_of(lines: &[&str], start: usize, end: usize, dedent: usize) -> String {
    let mut kept: Vec<&str> = lines[start..end]
        .iter()
        .map(|l| {
            let cut = l
                .char_indices()
                .take(dedent)
                .take_while(|(_, c)| *c == ' ')
                .count();
            l[cut..].trim_end()
        })
        .collect();
    while kept.last().is_some_and(|l| l.is_empty()) {
        kept.pop();
    }
    kept.join("\n")
}

/// A one-line paragraph directly followed by a bullet: a plain-text subheading candidate.
fn is_subheading(blocks: &[Block], k: usize) -> bool {
    let b = &blocks[k];
    !b.bullet && b.end - b.start == 1 && blocks.get(k + 1).is_some_and(|n| n.bullet)
}

/// Whether a file uses plain-text subheadings: at least two one-line paragraphs ending in ':'
/// that stand above a list.
fn uses_subheadings(lines: &[&str], sections: &[Vec<Block>]) -> bool {
    sections
        .iter()
        .map(|blocks| {
            (0..blocks.len())
                .filter(|&k| {
                    is_subheading(blocks, k) && lines[blocks[k].start].trim().ends_with(':')
                })
                .count()
        })
        .sum::<usize>()
        >= 2
}

/// The items of a section's blocks; with `subheadings`, one-line paragraphs above a list are
/// the topic of the items beneath them instead of items.
fn items_of(lines: &[&str], blocks: &[Block], subheadings: bool) -> Vec<RawItemIn> {
    let mut out = Vec::new();
    let mut topic: Option<String> = None;
    for (k, b) in blocks.iter().enumerate() {
        if subheadings && is_subheading(blocks, k) {
            topic = Some(plain(lines[b.start])).filter(|t| !t.is_empty());
            continue;
        }
        if !b.bullet {
            topic = None;
        }
        out.push(RawItemIn {
            n: out.len() as u16 + 1,
            line: b.start as u32 + 1,
            topic: if b.bullet { topic.clone() } else { None },
            text: text_of(lines, b.start, b.end, 0),
        });
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Meeting files

/// What a heading of a meeting file is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Head {
    /// The file's title, or a month grouping the dated headings beneath it.
    Title,
    /// A dated meeting; the text in parentheses after the date, if any.
    Dated(NaiveDate, Option<String>),
    /// A monthly recap.
    Recap(i32, u32),
}

/// Classifies a heading of a meeting file; `None` if it is none of the known forms.
/// `bare_month_has_content` tells whether a `# Month` heading has lines of its own (a recap)
/// or only headings beneath it (a grouping).
fn classify(
    level: usize,
    text: &str,
    stamp: &FileStamp,
    bare_month_has_content: bool,
) -> Option<Head> {
    let lower = text.to_lowercase();
    if level == 1
        && (lower.starts_with("steering council") || lower.starts_with("sc meeting summary"))
    {
        return Some(Head::Title);
    }
    if level > 2 {
        return None;
    }
    // A recap covers a month before the file's; a dated meeting is at most in the file's month.
    let recap_year = |m: u32| {
        if m < stamp.month() {
            stamp.year
        } else {
            stamp.year - 1
        }
    };
    let dated_year = |m: u32| {
        if m <= stamp.month() {
            stamp.year
        } else {
            stamp.year - 1
        }
    };
    // `## 2023-08-28`
    if level == 2 && text.len() == 10 {
        if let Ok(d) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            return Some(Head::Dated(d, None));
        }
    }
    let (main, paren) = match text.find('(') {
        Some(p) if text.ends_with(')') => (
            text[..p].trim(),
            Some(text[p + 1..text.len() - 1].trim().to_string()),
        ),
        _ => (text, None),
    };
    let words: Vec<&str> = main.split_whitespace().collect();
    let month = words.first().and_then(|w| month_number(w))?;
    match words.as_slice() {
        // `# November` (a recap) or `# January` above `## January 7` (a grouping).
        [_] if level == 1 && paren.is_none() => Some(if bare_month_has_content {
            Head::Recap(recap_year(month), month)
        } else {
            Head::Title
        }),
        // `## July recap:` / `## February recap`
        [_, r] if paren.is_none() && r.trim_end_matches(':').eq_ignore_ascii_case("recap") => {
            Some(Head::Recap(recap_year(month), month))
        }
        // `# March 1`, `## February 01`, `# December 13 (handoff meeting)`
        [_, d] => {
            let day = number(d)?;
            let date = NaiveDate::from_ymd_opt(dated_year(month), month, day)?;
            Some(Head::Dated(date, paren))
        }
        _ => None,
    }
}

fn meeting_file(ctx: &FileCtx, stamp: &FileStamp) -> Result<Vec<RawSectionIn>, IngestError> {
    let lines = &ctx.lines;
    let anchors = anchors(lines);
    let heads: Vec<(usize, usize, &str)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| heading(l).map(|(level, text)| (i, level, text)))
        .collect();

    struct Pending {
        head: Head,
        index: usize,
        text: String,
        blocks: Vec<Block>,
    }
    let mut pending: Vec<Pending> = Vec::new();
    let first_heading = heads.first().map(|h| h.0).unwrap_or(lines.len());
    if let Some(b) = blocks(lines, 0, first_heading, true)
        .into_iter()
        .find(|b| b.bullet)
    {
        return Err(ctx.err(b.start, "a list before the first section heading"));
    }
    for (k, &(index, level, text)) in heads.iter().enumerate() {
        let next = heads.get(k + 1).map(|h| h.0).unwrap_or(lines.len());
        let body = blocks(lines, index + 1, next, true);
        let head = classify(level, text, stamp, !body.is_empty()).ok_or_else(|| {
            ctx.err(
                index,
                format!(
                    "the heading {:?} is not a date, a month, a recap or a known title",
                    format!("{} {text}", "#".repeat(level))
                ),
            )
        })?;
        if head == Head::Title {
            if let Some(b) = body.iter().find(|b| b.bullet) {
                return Err(ctx.err(b.start, "a list under a title heading, outside any section"));
            }
            continue;
        }
        pending.push(Pending {
            head,
            index,
            text: text.to_string(),
            blocks: body,
        });
    }

    let all_blocks: Vec<Vec<Block>> = pending.iter().map(|p| p.blocks.clone()).collect();
    let subheadings = uses_subheadings(lines, &all_blocks);
    let mut out: Vec<RawSectionIn> = Vec::new();
    for p in pending {
        let items = items_of(lines, &p.blocks, subheadings);
        let source = ctx.source(p.index, anchors.get(&p.index).map(String::as_str));
        let section = match p.head {
            Head::Dated(date, paren) => {
                let mut id = date.format("%Y-%m-%d").to_string();
                if out.iter().any(|s| s.id == id) {
                    let suffix = paren
                        .as_deref()
                        .and_then(|t| t.split_whitespace().next())
                        .map(slug)
                        .filter(|s| !s.is_empty())
                        .unwrap_or_else(|| "2".to_string());
                    id = format!("{id}-{suffix}");
                    if out.iter().any(|s| s.id == id) {
                        return Err(ctx.err(p.index, format!("a second section with id {id}")));
                    }
                }
                let none_held = items
                    .first()
                    .is_some_and(|i| says_any(&i.text, crate::semantics::NO_MEETING));
                let partial = items.iter().any(|i| says_any(&i.text, PARTIAL_MEETING));
                RawSectionIn {
                    id,
                    kind: if none_held {
                        SectionKind::NoMeeting
                    } else {
                        SectionKind::Meeting
                    },
                    date,
                    period: None,
                    heading: p.text,
                    held: !none_held || partial,
                    source,
                    items,
                }
            }
            Head::Recap(year, month) => {
                let (date, period) = month_period(year, month)
                    .ok_or_else(|| ctx.err(p.index, "not a valid month"))?;
                let id = format!("{year:04}-{month:02}");
                if out.iter().any(|s| s.id == id) {
                    return Err(ctx.err(p.index, format!("a second recap for {id}")));
                }
                RawSectionIn {
                    id,
                    kind: SectionKind::Recap,
                    date,
                    period: Some(period),
                    heading: p.text,
                    held: false,
                    source,
                    items,
                }
            }
            Head::Title => unreachable!("titles are skipped above"),
        };
        out.push(section);
    }
    if out.is_empty() {
        return Err(ctx.err(0, "no section heading in this file"));
    }
    Ok(out)
}

/// Whether `text` says any of `phrases`, as whole words ("no meeting" is not in "no
/// meetings", "met with" not in "unmet with").
fn says_any(text: &str, phrases: &[&str]) -> bool {
    crate::words::has_any(&crate::semantics::flatten(text), phrases)
}

// ---------------------------------------------------------------------------------------------
// The 2019 updates

/// A 2019 update: one section for the file. Its items are the bullets under the mandate's
/// headings (topic: the heading) and the paragraphs of the council's message; the quoted PEP 13
/// text (`## Reference`, `## … (PEP 13)`), quotes, section intros and the signature are not
/// items.
fn update(ctx: &FileCtx, stamp: &FileStamp) -> Result<RawSectionIn, IngestError> {
    let lines = &ctx.lines;
    let day = stamp
        .day
        .ok_or_else(|| ctx.err(0, "a mandate update whose file name has no day"))?;
    let date = NaiveDate::from_ymd_opt(stamp.year, stamp.month(), day)
        .ok_or_else(|| ctx.err(0, "not a valid date"))?;
    let title = lines
        .iter()
        .find_map(|l| heading(l).filter(|(level, _)| *level == 1).map(|(_, t)| t))
        .unwrap_or("Steering Council Update")
        .to_string();

    // Each heading opens a region; a region is boilerplate, the message, or a topic.
    #[derive(Clone, PartialEq)]
    enum Region {
        Skip,
        Message,
        Topic(String),
    }
    let mut items = Vec::new();
    let mut region = Region::Skip;
    let mut level2 = String::new();
    let mut boiler = false;
    let mut i = 0;
    let mut first = true;
    while i < lines.len() {
        if let Some((level, text)) = heading(lines[i]) {
            if first && level == 1 {
                first = false;
                i += 1;
                continue;
            }
            first = false;
            if level <= 2 {
                level2 = text.to_string();
                boiler = text == "Reference" || text.ends_with("(PEP 13)");
            }
            region = if boiler || text.starts_with("Date:") {
                Region::Skip
            } else if text == "Message from the Steering Council" {
                Region::Message
            } else if level >= 3 || level2 != "Mandate" {
                Region::Topic(text.to_string())
            } else {
                Region::Topic(level2.clone())
            };
            i += 1;
            continue;
        }
        let next = (i + 1..lines.len())
            .find(|&j| heading(lines[j]).is_some())
            .unwrap_or(lines.len());
        for b in blocks(lines, i, next, false) {
            let first_line = lines[b.start].trim_start();
            let keep = match &region {
                Region::Skip => false,
                Region::Message => !b.bullet && !first_line.starts_with("--"),
                Region::Topic(_) => b.bullet,
            };
            if !keep {
                continue;
            }
            items.push(RawItemIn {
                n: items.len() as u16 + 1,
                line: b.start as u32 + 1,
                topic: match &region {
                    Region::Topic(t) => Some(t.clone()),
                    Region::Message => Some("Message from the Steering Council".to_string()),
                    Region::Skip => None,
                },
                text: text_of(lines, b.start, b.end, 0),
            });
        }
        i = next;
    }
    Ok(RawSectionIn {
        id: date.format("%Y-%m-%d").to_string(),
        kind: SectionKind::Update,
        date,
        period: None,
        heading: title,
        held: false,
        source: ctx.source(0, None),
        items,
    })
}

// ---------------------------------------------------------------------------------------------
// The period summaries

/// An undated summary of several months: one section whose items are the second-level bullets
/// (with what is nested under them). A top-level bullet's text is the topic of its children; a
/// bold grouping bullet (`**PEPs**`) is the topic of its own children, which are the items.
fn period_summary(ctx: &FileCtx, stamp: &FileStamp) -> Result<RawSectionIn, IngestError> {
    let lines = &ctx.lines;
    let first = *stamp.months.first().unwrap_or(&1);
    let last = *stamp.months.last().unwrap_or(&12);
    let start = NaiveDate::from_ymd_opt(stamp.year, first, 1)
        .ok_or_else(|| ctx.err(0, "not a valid month"))?;
    let end = last_day(stamp.year, last).ok_or_else(|| ctx.err(0, "not a valid month"))?;
    let (title_index, title) = lines
        .iter()
        .enumerate()
        .find_map(|(i, l)| heading(l).map(|(_, t)| (i, t.to_string())))
        .ok_or_else(|| ctx.err(0, "a period summary without a title heading"))?;
    if let Some((i, _)) = lines
        .iter()
        .enumerate()
        .skip(title_index + 1)
        .find(|(_, l)| heading(l).is_some())
    {
        return Err(ctx.err(i, "a heading inside an undated period summary"));
    }

    // Depth of every bullet line by its indent, against the open bullets above it.
    let mut stack: Vec<usize> = Vec::new();
    let mut depth: Vec<Option<usize>> = vec![None; lines.len()];
    for (i, line) in lines.iter().enumerate().skip(title_index + 1) {
        if bullet_text(line).is_none() {
            continue;
        }
        let ind = indent(line);
        while stack.last().is_some_and(|&top| top >= ind) {
            stack.pop();
        }
        depth[i] = Some(stack.len());
        stack.push(ind);
    }

    // Item starts: (line, topic); an item runs to the next bullet at its depth or above.
    let mut starts: Vec<(usize, usize, Option<String>)> = Vec::new();
    let mut top_topic: Option<String> = None;
    let mut group: Option<String> = None;
    for (i, d) in depth.iter().enumerate() {
        let Some(d) = *d else { continue };
        let text = bullet_text(lines[i]).unwrap_or_default();
        match d {
            0 => {
                top_topic = Some(plain(text)).filter(|t| !t.is_empty());
                group = None;
            }
            1 if is_bold_group(text) => group = Some(plain(text)),
            1 => {
                group = None;
                starts.push((i, 1, top_topic.clone()));
            }
            2 if group.is_some() => starts.push((i, 2, group.clone())),
            _ => {}
        }
    }
    if starts.is_empty() {
        return Err(ctx.err(title_index, "a period summary without nested items"));
    }
    let mut items = Vec::new();
    for (line, d, topic) in starts {
        let end = (line + 1..lines.len())
            .find(|&j| depth[j].is_some_and(|dj| dj <= d))
            .unwrap_or(lines.len());
        items.push(RawItemIn {
            n: items.len() as u16 + 1,
            line: line as u32 + 1,
            topic,
            text: text_of(lines, line, end, indent(lines[line])),
        });
    }
    Ok(RawSectionIn {
        id: format!(
            "{}-to-{}",
            start.format("%Y-%m"),
            NaiveDate::from_ymd_opt(end.year(), end.month(), 1)
                .unwrap_or(end)
                .format("%Y-%m")
        ),
        kind: SectionKind::PeriodSummary,
        date: start,
        period: Some(Period { start, end }),
        heading: title,
        held: false,
        source: ctx.source(title_index, None),
        items,
    })
}

/// A bullet that is only a bold label (`**PEPs**`, `**PEPs:**`).
fn is_bold_group(text: &str) -> bool {
    let t = text.trim().trim_end_matches(':').trim_end();
    t.len() > 4 && t.starts_with("**") && t.ends_with("**") && !t[2..t.len() - 2].contains("**")
}

// ---------------------------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn file_names_give_their_dates() {
        let s = FileStamp::parse("2019-02-15_notes.md").unwrap();
        assert_eq!((s.year, s.months.clone(), s.day), (2019, vec![2], Some(15)));
        let s = FileStamp::parse("2021-03-notes.md").unwrap();
        assert_eq!((s.year, s.months.clone(), s.day), (2021, vec![3], None));
        let s = FileStamp::parse("2024-01,02,03-notes.md").unwrap();
        assert_eq!(s.months, vec![1, 2, 3]);
        assert!(FileStamp::parse("notes.md").is_none());
        assert!(FileStamp::parse("2021-13-notes.md").is_none());
    }

    #[test]
    fn slugs_follow_github() {
        assert_eq!(slug("2023-08-28"), "2023-08-28");
        assert_eq!(slug("January 18"), "january-18");
        assert_eq!(slug("July recap:"), "july-recap");
        assert_eq!(
            slug("December 13 (handoff meeting)"),
            "december-13-handoff-meeting"
        );
        let lines = ["# Title", "## Same", "text", "## Same", "## Other"];
        let a = anchors(&lines);
        assert_eq!(a[&1], "same");
        assert_eq!(a[&3], "same-1");
        assert_eq!(a[&4], "other");
    }

    #[test]
    fn plain_drops_links_and_the_colon() {
        assert_eq!(
            plain("Talks with [a group](https://x.test/a) today:"),
            "Talks with a group today"
        );
        assert_eq!(plain("**Things**"), "Things");
        assert_eq!(plain("[not a link"), "[not a link");
    }

    #[test]
    fn bullets_and_nesting_fold_into_items() {
        let text = "# Steering Council notes for May 2030\n\
                    \n\
                    ## 2030-05-06\n\
                    \n\
                    - First point\n  \
                      carried on here.\n\
                    - Second point:\n    \
                      - a nested detail\n    \
                      -  1. a numbered detail\n\
                    * Third point\n\
                    \n  \
                      - nested after a blank line\n\
                    1. Fourth point\n\
                    \n\
                    Four members present.\n\
                    \n\
                    ## 2030-05-13\n\
                    - Only one thing\n";
        let s = split_file("2030-05-notes.md", text).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].id, "2030-05-06");
        assert_eq!(s[0].kind, SectionKind::Meeting);
        assert!(s[0].held);
        assert_eq!(s[0].heading, "2030-05-06");
        assert_eq!(s[0].source.line, 3);
        assert_eq!(
            s[0].source.url,
            "https://github.com/python/steering-council/blob/main/updates/2030-05-notes.md#2030-05-06"
        );
        let items = &s[0].items;
        assert_eq!(items.len(), 5);
        assert_eq!(items[0].text, "- First point\n  carried on here.");
        assert_eq!(items[0].line, 5);
        assert_eq!(
            items[1].text,
            "- Second point:\n    - a nested detail\n    -  1. a numbered detail"
        );
        assert_eq!(
            items[2].text,
            "* Third point\n\n  - nested after a blank line"
        );
        assert_eq!(items[3].text, "1. Fourth point");
        assert_eq!(items[4].text, "Four members present.");
        assert_eq!(items[4].line, 15);
        assert_eq!(
            items.iter().map(|i| i.n).collect::<Vec<_>>(),
            vec![1, 2, 3, 4, 5]
        );
        assert!(items.iter().all(|i| i.topic.is_none()));
        assert_eq!(s[1].items[0].n, 1);
    }

    #[test]
    fn month_day_headings_take_the_year_of_the_file() {
        let text = "# April 5\n- one\n\n# April 12\n- two\n\n# April 12 (extra meeting)\n- three\n";
        let s = split_file("2031-04-notes.md", text).unwrap();
        let ids: Vec<&str> = s.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, vec!["2031-04-05", "2031-04-12", "2031-04-12-extra"]);
        assert_eq!(s[1].date, d("2031-04-12"));
        assert_eq!(s[2].date, d("2031-04-12"));
        assert!(s[2].source.url.ends_with("#april-12-extra-meeting"));
        assert_eq!(s[2].heading, "April 12 (extra meeting)");
    }

    #[test]
    fn bare_months_are_recaps_of_the_year_before_unless_they_group_dates() {
        let text = "# November\n\n- a\n- b\n\n# December\n- c\n\n# January\n\n## January 7\n- d\n";
        let s = split_file("2031-01-notes.md", text).unwrap();
        let got: Vec<(&str, SectionKind)> = s.iter().map(|s| (s.id.as_str(), s.kind)).collect();
        assert_eq!(
            got,
            vec![
                ("2030-11", SectionKind::Recap),
                ("2030-12", SectionKind::Recap),
                ("2031-01-07", SectionKind::Meeting),
            ]
        );
        assert_eq!(
            s[0].period,
            Some(Period {
                start: d("2030-11-01"),
                end: d("2030-11-30")
            })
        );
        assert_eq!(s[0].date, d("2030-11-01"));
        assert!(s[2].source.url.ends_with("#january-7"));
    }

    #[test]
    fn recap_headings_with_and_without_colon() {
        let text = "# Steering Council community notes\nsome months\n\n## March recap:\n- x\n\n## April recap\n- y\n- z\n";
        let s = split_file("2032-06-01-notes.md", text).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].id, "2032-03");
        assert_eq!(s[0].heading, "March recap:");
        assert!(s[0].source.url.ends_with("#march-recap"));
        assert_eq!(s[1].id, "2032-04");
        assert_eq!(s[1].items.len(), 2);
        assert_eq!(s[1].period.unwrap().end, d("2032-04-30"));
        let text = "# Steering Council update\n\n## November recap:\n- x\n";
        let s = split_file("2033-01-06-notes.md", text).unwrap();
        assert_eq!(s[0].id, "2032-11");
    }

    #[test]
    fn no_meeting_sections_and_partial_meetings() {
        let text = "## 2030-07-01\n\n- No meeting this week.\n\n\
                    ## 2030-07-08\n\nNo meeting: a holiday.\n\n\
                    ## 2030-07-15\n- No regular meeting.\n- Two members met with a visitor.\n\n\
                    ## 2030-07-22\n- A regular point.\n- There is no meeting next month.\n";
        let s = split_file("2030-07-notes.md", text).unwrap();
        let got: Vec<(SectionKind, bool)> = s.iter().map(|s| (s.kind, s.held)).collect();
        assert_eq!(
            got,
            vec![
                (SectionKind::NoMeeting, false),
                (SectionKind::NoMeeting, false),
                (SectionKind::NoMeeting, true),
                (SectionKind::Meeting, true),
            ]
        );
    }

    #[test]
    fn plain_text_subheadings_become_topics() {
        let text = "# Steering Council notes for September\n\n## 2030-09-04\n\n\
                    Garden matters:\n\n- weeds\n- seeds\n\n\
                    Kitchen:\n\n- pans\n\n\
                    Untitled group\n\n- spoons\n\n\
                    A gathering with visitors\n\n\
                    Hall:\n\n- chairs\n\n\
                    ## 2030-09-11\n\n- tables\n\n\
                    One thing happened.\n";
        let s = split_file("2030-09-notes.md", text).unwrap();
        let items = &s[0].items;
        let got: Vec<(Option<&str>, &str)> = items
            .iter()
            .map(|i| (i.topic.as_deref(), i.text.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (Some("Garden matters"), "- weeds"),
                (Some("Garden matters"), "- seeds"),
                (Some("Kitchen"), "- pans"),
                (Some("Untitled group"), "- spoons"),
                (None, "A gathering with visitors"),
                (Some("Hall"), "- chairs"),
            ]
        );
        assert_eq!(items[0].line, 7);
        assert_eq!(s[1].items.len(), 2);
        assert_eq!(s[1].items[0].topic, None);
    }

    #[test]
    fn a_single_colon_line_is_an_item_not_a_subheading() {
        let text = "## 2030-10-02\n\nA short note:\n\n- a point\n";
        let s = split_file("2030-10-notes.md", text).unwrap();
        assert_eq!(s[0].items.len(), 2);
        assert_eq!(s[0].items[0].text, "A short note:");
    }

    #[test]
    fn a_rule_ends_the_section_content() {
        let text = "## 2030-11-05\n- point\n\n---\n\nA closing word about the writer.\n";
        let s = split_file("2030-11-notes.md", text).unwrap();
        assert_eq!(s[0].items.len(), 1);
    }

    #[test]
    fn a_malformed_heading_is_an_error_at_its_line() {
        let text = "## 2030-05-06\n- a\n\n## Something else\n- b\n";
        let err = split_file("2030-05-notes.md", text).unwrap_err();
        match err {
            IngestError::At { file, line, .. } => {
                assert_eq!(file, "updates/2030-05-notes.md");
                assert_eq!(line, 4);
            }
            other => panic!("unexpected {other}"),
        }
        let err = split_file("2030-05-notes.md", "## February 30\n- a\n").unwrap_err();
        assert!(matches!(err, IngestError::At { line: 1, .. }));
        let err = split_file("2030-05-notes.md", "- stray\n## 2030-05-06\n- a\n").unwrap_err();
        assert!(matches!(err, IngestError::At { line: 1, .. }));
        assert!(split_file("undated.md", "## 2030-05-06\n- a\n").is_err());
    }

    #[test]
    fn mandate_updates_are_one_section_without_boilerplate() {
        let text = "# Council Update\n\nDate: 2030-02-15\n\n\
                    ## Message from the Steering Council\n\n\
                    A word of welcome\nover two lines.\n\n-- The members\n\n---\n\n\
                    ## Mandate\n\nThis part maps things.\n\n\
                    ### Language\n\n> A quoted duty\n\n- A language point\n  continued.\n\n\
                    ### Processes\n\n> Another duty\n\n- A process point\n\n  - nested\n\n\
                    ## Requests\n\n- A request\n\n\
                    ## Reference\n\n### Mandate (PEP 13)\n\n- quoted duty one\n- quoted duty two\n";
        let s = split_file("2030-02-15_update.md", text).unwrap();
        assert_eq!(s.len(), 1);
        let u = &s[0];
        assert_eq!(u.id, "2030-02-15");
        assert_eq!(u.kind, SectionKind::Update);
        assert_eq!(u.date, d("2030-02-15"));
        assert_eq!(u.heading, "Council Update");
        assert_eq!(u.source.line, 1);
        assert_eq!(
            u.source.url,
            "https://github.com/python/steering-council/blob/main/updates/2030-02-15_update.md"
        );
        let got: Vec<(Option<&str>, &str)> = u
            .items
            .iter()
            .map(|i| (i.topic.as_deref(), i.text.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    Some("Message from the Steering Council"),
                    "A word of welcome\nover two lines."
                ),
                (Some("Language"), "- A language point\n  continued."),
                (Some("Processes"), "- A process point\n\n  - nested"),
                (Some("Requests"), "- A request"),
            ]
        );
    }

    #[test]
    fn period_summaries_take_second_level_bullets() {
        let text = "# Two months of notes\n\n\
                    - Things discussed:\n    \
                        - **Proposals**\n        \
                            - Accepted the first proposal.\n        \
                            - Put off the second proposal.\n            \
                                - with a reason\n    \
                        - A budget topic.\n        \
                            - a detail of it\n\
                    - Calls with [a helper](https://x.test/h):\n    \
                        - Tools.\n";
        let s = split_file("2030-11,12-notes.md", text).unwrap();
        assert_eq!(s.len(), 1);
        let p = &s[0];
        assert_eq!(p.id, "2030-11-to-2030-12");
        assert_eq!(p.kind, SectionKind::PeriodSummary);
        assert_eq!(p.date, d("2030-11-01"));
        assert_eq!(
            p.period,
            Some(Period {
                start: d("2030-11-01"),
                end: d("2030-12-31")
            })
        );
        assert_eq!(p.heading, "Two months of notes");
        assert_eq!(
            p.source.url,
            "https://github.com/python/steering-council/blob/main/updates/2030-11%2C12-notes.md"
        );
        let got: Vec<(u32, Option<&str>, &str)> = p
            .items
            .iter()
            .map(|i| (i.line, i.topic.as_deref(), i.text.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (5, Some("Proposals"), "- Accepted the first proposal."),
                (
                    6,
                    Some("Proposals"),
                    "- Put off the second proposal.\n    - with a reason"
                ),
                (
                    8,
                    Some("Things discussed"),
                    "- A budget topic.\n    - a detail of it"
                ),
                (11, Some("Calls with a helper"), "- Tools."),
            ]
        );
        let s = split_file("2031-01,02,03-notes.md", text).unwrap();
        assert_eq!(s[0].id, "2031-01-to-2031-03");
        assert_eq!(s[0].period.unwrap().end, d("2031-03-31"));
    }

    #[test]
    fn the_bundled_notes_split_as_documented() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../shared/sources/steering-council/updates");
        if !dir.exists() {
            println!("note: {} not found, skipping", dir.display());
            return;
        }
        let s = read_notes(&dir).unwrap();
        assert_eq!(s.len(), 189);
        let count = |k: SectionKind| s.iter().filter(|x| x.kind == k).count();
        assert_eq!(count(SectionKind::Meeting), 151);
        assert_eq!(count(SectionKind::NoMeeting), 13);
        assert_eq!(count(SectionKind::Recap), 18);
        assert_eq!(count(SectionKind::Update), 4);
        assert_eq!(count(SectionKind::PeriodSummary), 3);
        for (year, n) in [(2021, 51), (2022, 50), (2023, 44), (2024, 19)] {
            let dated = s
                .iter()
                .filter(|x| matches!(x.kind, SectionKind::Meeting | SectionKind::NoMeeting))
                .filter(|x| x.date.year() == year)
                .count();
            assert_eq!(dated, n, "dated sections in {year}");
        }
        let partial: Vec<&str> = s
            .iter()
            .filter(|x| x.kind == SectionKind::NoMeeting && x.held)
            .map(|x| x.id.as_str())
            .collect();
        assert_eq!(partial, vec!["2021-07-05", "2021-10-04"]);
        let mut ids: Vec<&str> = s.iter().map(|x| x.id.as_str()).collect();
        assert!(ids.contains(&"2021-12-13-handoff"));
        assert!(ids.contains(&"2024-06-26"));
        assert!(ids.contains(&"2020-11") && ids.contains(&"2019-07"));
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 189, "ids are unique");
        assert!(s.windows(2).all(|w| w[0].date <= w[1].date));
        assert!(
            s.iter().all(|x| !x.items.is_empty()),
            "every section has items"
        );
        for kind in [
            SectionKind::Meeting,
            SectionKind::NoMeeting,
            SectionKind::Recap,
            SectionKind::Update,
            SectionKind::PeriodSummary,
        ] {
            let n: usize = s
                .iter()
                .filter(|x| x.kind == kind)
                .map(|x| x.items.len())
                .sum();
            println!("items in {} sections: {n}", kind.as_str());
        }
        println!(
            "items in all: {}",
            s.iter().map(|x| x.items.len()).sum::<usize>()
        );
    }
}
