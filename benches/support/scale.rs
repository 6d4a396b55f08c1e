//! A bigger data set for benchmarks only: the real one, copied `times` times. Copy 0 is the real
//! data; copy k has every date and term moved back 8·k years (the span the real data covers),
//! ids rewritten to match, and the words of every summary, gist and platform shuffled, so each
//! copy has text of its own. People and PEPs are shared. The result passes `validate`.

// Shared by the benchmark and the `scale_data` example; each uses part of it.
#![allow(dead_code)]

use chrono::{Datelike, NaiveDate};
use council_explorer::core::dataset::{DataFile, Parts};
use council_explorer::core::model::{Period, Section};

/// Reads the data set in `dir` (`data/` of this repository).
pub fn read(dir: &str) -> Parts {
    Parts::parse_with(|f| {
        std::fs::read_to_string(format!("{dir}/{}", f.name()))
            .unwrap_or_else(|e| panic!("read {dir}/{}: {e}", f.name()))
    })
    .expect("the data set parses")
}

/// The real data set `times` times over.
pub fn scale(real: &Parts, times: u32) -> Parts {
    let mut out = real.clone();
    for k in 1..times {
        let years = 8 * k as i32;
        // Wrapping: the seed is a hash of k, and a debug build (the example) checks for overflow.
        let mut rng = Lcg(u64::from(k).wrapping_mul(0x9E37_79B9_7F4A_7C15) + 1);
        let day = |d: NaiveDate| shift(d, years);
        let period = |p: Period| Period {
            start: day(p.start),
            end: day(p.end),
        };
        let term = |t: u16| t - 8 * k as u16;
        let id = |s: &str| shift_years_in(s, years);
        for t in &real.terms {
            let mut t = t.clone();
            t.year = term(t.year);
            t.start = day(t.start);
            t.end = t.end.map(day);
            out.terms.push(t);
        }
        for e in &real.elections {
            let mut e = e.clone();
            e.term = term(e.term);
            e.nomination = period(e.nomination);
            e.voting = period(e.voting);
            if let Some(x) = &mut e.extension {
                x.voting = period(x.voting);
            }
            out.elections.push(e);
        }
        for n in &real.nominations {
            let mut n = n.clone();
            n.term = term(n.term);
            n.id = format!("{}-{}", n.term, n.person);
            for p in &mut n.platform {
                *p = rng.shuffle_words(p);
            }
            out.nominations.push(n);
        }
        for s in &real.sections {
            let mut s: Section = s.clone();
            s.id = id(&s.id);
            s.date = day(s.date);
            s.period = s.period.map(period);
            s.term = term(s.term);
            s.gist = s.gist.map(|g| rng.shuffle_words(&g));
            for i in &mut s.items {
                i.summary = i.summary.as_ref().map(|t| rng.shuffle_words(t));
            }
            out.sections.push(s);
        }
        for d in &real.decisions {
            let mut d = d.clone();
            d.date = day(d.date);
            // Built from its parts: a year-like PEP number (2026) is not a date to move.
            d.id = format!("{}-{}-{}", d.pep, d.outcome.as_str(), d.date);
            if let Some(n) = &mut d.bases.notes {
                n.section = id(&n.section);
            }
            // The PEPs are shared, so each copy's header and commit are told apart.
            if let Some(h) = &mut d.bases.pep_header {
                h.date = h.date.map(day);
                h.url = format!("{}#copy-{k}", h.url);
            }
            if let Some(h) = &mut d.bases.status_history {
                h.date = day(h.date);
                h.commit = format!("{}-copy-{k}", h.commit);
            }
            d.discussed_in = d.discussed_in.iter().map(|s| id(s)).collect();
            out.decisions.push(d);
        }
    }
    out
}

/// Writes `parts` as the data set's files into `dir`.
pub fn write(parts: &Parts, dir: &str) {
    std::fs::create_dir_all(dir).expect("create the output directory");
    let put = |file: DataFile, json: String| {
        std::fs::write(format!("{dir}/{}", file.name()), json).expect("write a data file");
    };
    let j = |v: serde_json::Result<String>| v.expect("serialise");
    for file in DataFile::ALL {
        let text = match file {
            DataFile::Manifest => j(serde_json::to_string(&parts.manifest)),
            DataFile::People => j(serde_json::to_string(&parts.people)),
            DataFile::Terms => j(serde_json::to_string(&parts.terms)),
            DataFile::Elections => j(serde_json::to_string(&parts.elections)),
            DataFile::Nominations => j(serde_json::to_string(&parts.nominations)),
            DataFile::Meetings => j(serde_json::to_string(&parts.sections)),
            DataFile::Decisions => j(serde_json::to_string(&parts.decisions)),
            DataFile::Peps => j(serde_json::to_string(&parts.peps)),
        };
        put(file, text);
    }
}

/// `d` moved back `years` years (29 February becomes the 28th where needed).
fn shift(d: NaiveDate, years: i32) -> NaiveDate {
    let y = d.year() - years;
    d.with_year(y)
        .or_else(|| NaiveDate::from_ymd_opt(y, d.month(), 28))
        .expect("a valid date")
}

/// Every four-digit year at the start of a `-`-separated part of `id` moved back `years`.
fn shift_years_in(id: &str, years: i32) -> String {
    id.split('-')
        .map(|part| match part.parse::<i32>() {
            Ok(y) if part.len() == 4 && (1900..=2100).contains(&y) => (y - years).to_string(),
            _ => part.to_string(),
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// A small deterministic generator, so every run benchmarks the same data.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn shuffle_words(&mut self, text: &str) -> String {
        let mut words: Vec<&str> = text.split_whitespace().collect();
        for i in (1..words.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            words.swap(i, j);
        }
        words.join(" ")
    }
}
