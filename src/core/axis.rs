//! The time axis's arithmetic, apart from any drawing: the window of days it shows, the scale
//! that lays that window over pixels, the ticks worth a label, the bins that fold marks too
//! close to tell apart, and the `date:` range that keeps the window in the URL. A pan or zoom
//! step must redraw within a frame, so everything here works on whole day numbers and pixels
//! (no float reaches the output), and binning walks marks already sorted by x once, without
//! allocating per mark.

use chrono::{Datelike, Months, NaiveDate};
use thiserror::Error;

use super::date::{long, month_abbr};

// ---------------------------------------------------------------------------------------------
// The `date:` range

/// One bound as written: a whole year, a month or a day, each held by its first day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    Year(NaiveDate),
    Month(NaiveDate),
    Day(NaiveDate),
}

impl Period {
    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Result<Period, RangeError> {
        let b = s.as_bytes();
        let num = |from: usize, to: usize| -> Option<u32> {
            b.get(from..to)?.iter().try_fold(0u32, |n, &c| {
                c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
            })
        };
        let dash = |at: usize| b.get(at) == Some(&b'-');
        let shape = || RangeError::Shape(s.to_string());
        let impossible = || RangeError::Impossible(s.to_string());
        let year = num(0, 4).ok_or_else(shape)? as i32;
        match b.len() {
            4 => NaiveDate::from_ymd_opt(year, 1, 1)
                .map(Period::Year)
                .ok_or_else(impossible),
            7 if dash(4) => {
                let month = num(5, 7).ok_or_else(shape)?;
                NaiveDate::from_ymd_opt(year, month, 1)
                    .map(Period::Month)
                    .ok_or_else(impossible)
            }
            10 if dash(4) && dash(7) => {
                let (month, day) = (num(5, 7).ok_or_else(shape)?, num(8, 10).ok_or_else(shape)?);
                NaiveDate::from_ymd_opt(year, month, day)
                    .map(Period::Day)
                    .ok_or_else(impossible)
            }
            _ => Err(shape()),
        }
    }

    pub fn first_day(self) -> NaiveDate {
        match self {
            Period::Year(d) | Period::Month(d) | Period::Day(d) => d,
        }
    }

    pub fn last_day(self) -> NaiveDate {
        let (first, months) = match self {
            Period::Day(d) => return d,
            Period::Month(d) => (d, 1),
            Period::Year(d) => (d, 12),
        };
        first
            .checked_add_months(Months::new(months))
            .and_then(|d| d.pred_opt())
            .unwrap_or(NaiveDate::MAX)
    }
}

/// Why a `date:` value was left out, one sentence each.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RangeError {
    #[error(
        "\u{201c}{0}\u{201d} is not a date: write a year (2023), a month (2023-08) or a day \
         (2023-08-28), with two dots between the ends of a range (2022-01..2022-06)."
    )]
    Shape(String),
    #[error("\u{201c}{0}\u{201d} is not on the calendar: its month or its day is out of range.")]
    Impossible(String),
    #[error(
        "This range ends on {} but starts on {}, which is later: put the earlier date first.",
        long(*.end),
        long(*.start)
    )]
    Reversed { start: NaiveDate, end: NaiveDate },
    #[error("\u{201c}..\u{201d} leaves both ends open: give a date on at least one side.")]
    Empty,
}

/// The days a `date:` qualifier names, both ends included; either end may be open, not both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateRange {
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
}

/// How finely a range's bounds are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Grain {
    Year,
    Month,
    Day,
}

impl DateRange {
    /// A range from its first and last day; [`RangeError::Empty`] when both are open,
    /// [`RangeError::Reversed`] when the last comes before the first.
    pub fn new(start: Option<NaiveDate>, end: Option<NaiveDate>) -> Result<DateRange, RangeError> {
        match (start, end) {
            (None, None) => Err(RangeError::Empty),
            (Some(start), Some(end)) if end < start => Err(RangeError::Reversed { start, end }),
            _ => Ok(DateRange { start, end }),
        }
    }

    /// The first day; `None` when the range is open at the start.
    pub fn start(&self) -> Option<NaiveDate> {
        self.start
    }

    /// The last day; `None` when the range is open at the end.
    pub fn end(&self) -> Option<NaiveDate> {
        self.end
    }

    /// Reads a `date:` value: `2022-01..2022-06`, `2023-08-01..2023-08-31`, `2024..`,
    /// `..2022-06`, or one period (`2023`, `2023-08`, `2023-08-28`) meaning all of it. A start
    /// bound means the first day of its period and an end bound the last, so `..2022-06` ends on
    /// 30 June 2022.
    pub fn parse(s: &str) -> Result<DateRange, RangeError> {
        let s = s.trim();
        let Some((a, b)) = s.split_once("..") else {
            let p = Period::parse(s)?;
            return DateRange::new(Some(p.first_day()), Some(p.last_day()));
        };
        let bound = |t: &str| (!t.is_empty()).then(|| Period::parse(t)).transpose();
        DateRange::new(
            bound(a)?.map(Period::first_day),
            bound(b)?.map(Period::last_day),
        )
    }

    /// The value to write after `date:`: whole years as `YYYY`, else whole months as
    /// `YYYY-MM`, else days, one grain for both ends, and a single period when both ends fall
    /// in the same one (`2023-08`, not `2023-08..2023-08`). [`DateRange::parse`] reads it back
    /// as the same range (for the years 0000 to 9999 it can write).
    pub fn to_qualifier_value(&self) -> String {
        let starts = |g: Grain| {
            self.start.is_none_or(|d| match g {
                Grain::Year => d.ordinal() == 1,
                Grain::Month => d.day() == 1,
                Grain::Day => true,
            })
        };
        let ends = |g: Grain| {
            self.end.is_none_or(|d| {
                let next = d.succ_opt();
                match g {
                    Grain::Year => next.is_none_or(|n| n.ordinal() == 1),
                    Grain::Month => next.is_none_or(|n| n.day() == 1),
                    Grain::Day => true,
                }
            })
        };
        let grain = [Grain::Year, Grain::Month]
            .into_iter()
            .find(|&g| starts(g) && ends(g))
            .unwrap_or(Grain::Day);
        let write = |d: NaiveDate| match grain {
            Grain::Year => format!("{:04}", d.year()),
            Grain::Month => format!("{:04}-{:02}", d.year(), d.month()),
            Grain::Day => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
        };
        let (a, b) = (self.start.map(write), self.end.map(write));
        match (a, b) {
            (Some(a), Some(b)) if a == b => a,
            (a, b) => format!("{}..{}", a.unwrap_or_default(), b.unwrap_or_default()),
        }
    }

    pub fn contains(&self, d: NaiveDate) -> bool {
        self.start.is_none_or(|s| s <= d) && self.end.is_none_or(|e| d <= e)
    }
}

/// "28 Aug 2023"
fn day_month_year(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), month_abbr(d), d.year())
}

/// The range in words, for the line above the list: "28 Aug 2023" (one day),
/// "1 – 31 Aug 2023" (within a month), "1 Jan – 30 Jun 2022" (within a year),
/// "15 Dec 2022 – 10 Jan 2023", "from 1 Jan 2024", "until 30 Jun 2022".
pub fn describe(range: &DateRange) -> String {
    match (range.start, range.end) {
        (Some(a), Some(b)) if a == b => day_month_year(a),
        (Some(a), Some(b)) if (a.year(), a.month()) == (b.year(), b.month()) => {
            format!("{} \u{2013} {}", a.day(), day_month_year(b))
        }
        (Some(a), Some(b)) if a.year() == b.year() => {
            format!(
                "{} {} \u{2013} {}",
                a.day(),
                month_abbr(a),
                day_month_year(b)
            )
        }
        (Some(a), Some(b)) => format!("{} \u{2013} {}", day_month_year(a), day_month_year(b)),
        (Some(a), None) => format!("from {}", day_month_year(a)),
        (None, Some(b)) => format!("until {}", day_month_year(b)),
        // `DateRange::new` refuses a range open at both ends.
        (None, None) => "any date".to_string(),
    }
}
