//! The time axis's arithmetic, apart from any drawing: the window of days it shows, the scale
//! that lays that window over pixels, the ticks worth a label, the bins that fold marks too
//! close to tell apart, and the `date:` range that keeps the window in the URL. A pan or zoom
//! step must redraw within a frame, so everything here works on whole day numbers and pixels
//! (no float reaches the output), and binning walks marks already sorted by x once, without
//! allocating per mark.

use chrono::{Datelike, Months, NaiveDate};
use thiserror::Error;

use super::date::{long, month_abbr};

/// The narrowest window the axis zooms to, in days: a week still shows a tick per day.
pub const MIN_SPAN_DAYS: i64 = 7;

fn day_number(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce())
}

/// The date of a day number, held to the dates chrono can represent, so no arithmetic here can
/// fail however far a drag or a zoom overshoots.
fn from_day_number(n: i64) -> NaiveDate {
    let n = n.clamp(day_number(NaiveDate::MIN), day_number(NaiveDate::MAX));
    i32::try_from(n)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .unwrap_or(NaiveDate::MIN)
}

/// `a / b` rounded down, for `b > 0` and any sign of `a`.
fn div_floor(a: i64, b: i64) -> i64 {
    a.div_euclid(b)
}

/// `a / b` rounded up, for `b > 0` and any sign of `a`.
fn div_ceil(a: i64, b: i64) -> i64 {
    -(-a).div_euclid(b)
}

fn saturate(x: i64) -> i32 {
    x.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32
}

// ---------------------------------------------------------------------------------------------
// Window

/// The days the axis shows: `start` to `end`, both included, never empty. Every operation takes
/// the limits (the data's span) and returns a new window inside them, at least
/// [`MIN_SPAN_DAYS`] long (or the limits, if they are shorter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Window {
    start: NaiveDate,
    end: NaiveDate,
}

impl Window {
    /// `None` when `end` is before `start`.
    pub fn new(start: NaiveDate, end: NaiveDate) -> Option<Window> {
        (start <= end).then_some(Window { start, end })
    }

    pub fn start(self) -> NaiveDate {
        self.start
    }

    pub fn end(self) -> NaiveDate {
        self.end
    }

    /// How many days the window holds, both ends counted.
    pub fn days(self) -> i64 {
        day_number(self.end) - day_number(self.start) + 1
    }

    pub fn contains(self, d: NaiveDate) -> bool {
        self.start <= d && d <= self.end
    }

    /// The window of `span` days from day number `first`, made to fit `limits`: the span held
    /// between the minimum and the limits' own, a short window grown around its middle, then
    /// moved (not shrunk) back inside. Every operation ends here, in day numbers, so nothing
    /// can overflow on the way.
    fn fit(first: i64, span: i64, limits: Window) -> Window {
        let (lo, hi) = (day_number(limits.start), day_number(limits.end));
        let max = hi - lo + 1;
        let wanted = span.clamp(MIN_SPAN_DAYS.min(max), max);
        let first = if wanted == span {
            first
        } else {
            // The same middle: first + (span − wanted) / 2, halves rounded down.
            div_floor(first.saturating_mul(2).saturating_add(span) - wanted, 2)
        };
        let first = first.clamp(lo, hi - wanted + 1);
        Window {
            start: from_day_number(first),
            end: from_day_number(first + wanted - 1),
        }
    }

    /// The same days, moved and trimmed to fit `limits`.
    pub fn clamp(self, limits: Window) -> Window {
        Window::fit(day_number(self.start), self.days(), limits)
    }

    /// Moved by `days` (later when positive), its length kept; it stops at the limits.
    pub fn pan(self, days: i64, limits: Window) -> Window {
        Window::fit(
            day_number(self.start).saturating_add(days),
            self.days(),
            limits,
        )
    }

    /// `factor` times closer (2.0 shows half as many days, 0.5 twice as many) around `anchor`,
    /// the day under the pointer: the middle of the anchor's day stays at the same fraction of
    /// the window, so it stays under the pointer unless the limits move the window. Any factor
    /// other than 1 changes the span by at least a day (until a limit), so small wheel steps
    /// on a short window are not rounded away; a factor that is not a positive number only
    /// fits the window to the limits.
    pub fn zoom(self, factor: f64, anchor: NaiveDate, limits: Window) -> Window {
        let days = self.days();
        if !(factor.is_finite() && factor > 0.0) {
            return self.clamp(limits);
        }
        let max = limits.days();
        // `as` saturates, and the clamp keeps the span a real one.
        let mut span = (days as f64 / factor).round() as i64;
        if span == days && factor != 1.0 {
            span += if factor > 1.0 { -1 } else { 1 };
        }
        let span = span.clamp(MIN_SPAN_DAYS.min(max), max);
        let a = (day_number(anchor) - day_number(self.start)).clamp(0, days - 1);
        // The anchor's place in the new window: (a + ½) · span / days, rounded down.
        let at = div_floor((2 * a + 1) * span, 2 * days);
        Window::fit(day_number(self.start) + a - at, span, limits)
    }

    /// What a click on a bin zooms to: `first` to `last` (in either order) with a tenth of their
    /// span, at least a day, on each side, at least the minimum span, inside the limits.
    pub fn around(first: NaiveDate, last: NaiveDate, limits: Window) -> Window {
        let (a, b) = (first.min(last), first.max(last));
        let span = day_number(b) - day_number(a) + 1;
        let pad = (span / 10).max(1);
        Window::fit(day_number(a) - pad, span + 2 * pad, limits)
    }

    /// The window as a `date:` range with both ends.
    pub fn to_range(self) -> DateRange {
        DateRange {
            start: Some(self.start),
            end: Some(self.end),
        }
    }

    /// The window a range shows: an open end reaches the limit on its side, and the result is
    /// fitted to the limits (so a single day becomes the week around it).
    pub fn from_range(range: DateRange, limits: Window) -> Window {
        let start = range.start.unwrap_or(limits.start);
        let end = range.end.unwrap_or(limits.end).max(start);
        Window::fit(
            day_number(start),
            day_number(end) - day_number(start) + 1,
            limits,
        )
    }
}

// ---------------------------------------------------------------------------------------------
// Scale

/// A window laid over `width` pixels. Day `k` of the window (0 for its start) begins at
/// `k · width / days`, which `x` rounds up to a whole pixel, and a pixel belongs to the day its
/// left edge falls in (`date_at`). So when a pixel is at most a day, `date_at(x(d)) == d`, and
/// when a day is at most a pixel, `x(date_at(p)) == p`. Where days share a pixel, the window's
/// last days may begin at `width` itself, so marks are drawn at [`Scale::x_mid`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    window: Window,
    first: i64,
    days: i64,
    width: i64,
}

impl Scale {
    pub fn new(window: Window, width: u32) -> Scale {
        Scale {
            window,
            first: day_number(window.start),
            days: window.days(),
            width: i64::from(width),
        }
    }

    pub fn window(&self) -> Window {
        self.window
    }

    pub fn width(&self) -> u32 {
        self.width as u32
    }

    /// The first pixel of `d`'s day (its left edge; a tick or a band starts here). Dates outside
    /// the window fall outside `0..width`; the result saturates rather than wrapping.
    pub fn x(&self, d: NaiveDate) -> i32 {
        saturate(div_ceil(
            (day_number(d) - self.first) * self.width,
            self.days,
        ))
    }

    /// The middle pixel of those `d`'s day owns, or the pixel a day narrower than a pixel lies
    /// in: where its mark is drawn. Inside `0..width` for every day of the window.
    pub fn x_mid(&self, d: NaiveDate) -> i32 {
        if self.width == 0 {
            return 0;
        }
        let left = i64::from(self.x(d));
        let right = i64::from(self.x(d.succ_opt().unwrap_or(d)));
        saturate(div_floor(left + right - 1, 2))
    }

    /// The day pixel `x`'s left edge falls in: the day under a pointer at `x` (pixels left or
    /// right of the axis continue the days, for a drag that overshoots).
    pub fn date_at(&self, x: i32) -> NaiveDate {
        if self.width == 0 {
            return self.window.start;
        }
        from_day_number(self.first + div_floor(i64::from(x) * self.days, self.width))
    }

    /// The pixels `[left, right)` that a range covers, held to the axis: an open end reaches
    /// the axis's edge. For the brushed range and the term bands, drawn at their real width.
    pub fn extent(&self, range: &DateRange) -> (i32, i32) {
        let width = saturate(self.width);
        let left = range.start.map_or(0, |d| self.x(d)).clamp(0, width);
        let right = range
            .end
            .map_or(width, |d| self.x(d.succ_opt().unwrap_or(d)))
            .clamp(left, width);
        (left, right)
    }

    /// The days a brush between the pointer's positions `a` and `b` (either order) covers: from
    /// the day at the left one to the last day that begins before the right one, so a brush
    /// over a range's [`Scale::extent`] gives the range back; at least the day under a click;
    /// a brush to an edge of the axis takes the window's first or last day.
    pub fn brush(&self, a: i32, b: i32) -> DateRange {
        let (lo, hi) = (a.min(b), a.max(b));
        let start = if lo <= 0 {
            self.window.start
        } else {
            self.date_at(lo)
        };
        let end = if i64::from(hi) >= self.width {
            self.window.end
        } else {
            self.date_at(hi.saturating_sub(1))
        };
        DateRange {
            start: Some(start),
            end: Some(end.max(start)),
        }
    }

    /// The window after a drag of `dx` pixels (to the right when positive, which shows earlier
    /// days). Pass the whole drag since the pointer went down, from the scale at that moment:
    /// steps smaller than a day would each round to nothing.
    pub fn pan_px(&self, dx: i32, limits: Window) -> Window {
        if self.width == 0 {
            return self.window.clamp(limits);
        }
        let days = div_floor(-i64::from(dx) * self.days * 2 + self.width, 2 * self.width);
        self.window.pan(days, limits)
    }

    /// The window after zooming `factor` times closer around pixel `x` (see [`Window::zoom`]).
    pub fn zoom_at(&self, factor: f64, x: i32, limits: Window) -> Window {
        self.window.zoom(factor, self.date_at(x), limits)
    }
}

// ---------------------------------------------------------------------------------------------
// Ticks

/// The period between two ticks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TickUnit {
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

impl TickUnit {
    pub const ALL: [TickUnit; 5] = [
        TickUnit::Day,
        TickUnit::Week,
        TickUnit::Month,
        TickUnit::Quarter,
        TickUnit::Year,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TickUnit::Day => "day",
            TickUnit::Week => "week",
            TickUnit::Month => "month",
            TickUnit::Quarter => "quarter",
            TickUnit::Year => "year",
        }
    }

    /// The shortest such period, in days: what two neighbouring ticks are at least apart.
    fn shortest_days(self) -> i64 {
        match self {
            TickUnit::Day => 1,
            TickUnit::Week => 7,
            TickUnit::Month => 28,
            // January to March of a common year.
            TickUnit::Quarter => 90,
            TickUnit::Year => 365,
        }
    }
}

/// Which ticks the axis draws: every `every` units (more than one only for years, when even a
/// tick a year would crowd the axis).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TickStep {
    pub unit: TickUnit,
    pub every: u32,
}

/// One tick of the axis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tick {
    pub date: NaiveDate,
    /// `Scale::x` of the date.
    pub x: i32,
    /// The period that begins here, as short as it can be said: "2023" where a year begins
    /// (every tick of years, January among quarters and months), else "Q3", "Aug" or "28 Aug".
    pub label: String,
    /// The tick begins the next larger period: a year (among quarters and months; every year
    /// tick) or a month (the first tick of each month among weeks and days). For a two-level
    /// axis: longer lines, stronger labels.
    pub major: bool,
}

impl TickStep {
    /// The finest step whose neighbouring ticks are always at least `min_gap` pixels apart (the
    /// room of the widest label, "28 Aug", and some space; 0 counts as 1, so no two ticks share
    /// a pixel). Years go by 1, 2, 5, 10, 20, 50… until they fit or only one can show.
    pub fn choose(scale: &Scale, min_gap: u32) -> TickStep {
        let gap = i64::from(min_gap.max(1));
        // Ticks `n` days apart are at least ⌊n · width / days⌋ pixels apart.
        let fits = |n: i64| n.saturating_mul(scale.width) / scale.days >= gap;
        for unit in [
            TickUnit::Day,
            TickUnit::Week,
            TickUnit::Month,
            TickUnit::Quarter,
        ] {
            if fits(unit.shortest_days()) {
                return TickStep { unit, every: 1 };
            }
        }
        let mut power: u32 = 1;
        loop {
            for every in [power, power.saturating_mul(2), power.saturating_mul(5)] {
                let days = 365 * i64::from(every);
                // A step of at least the window's length leaves at most one tick, which fits.
                if fits(days) || days >= scale.days {
                    return TickStep {
                        unit: TickUnit::Year,
                        every,
                    };
                }
            }
            power = power.saturating_mul(10);
        }
    }

    /// "days", "weeks", "months", "quarters", "years" or "every 5 years": what the axis is
    /// marked in, for its accessible description.
    pub fn describe(self) -> String {
        if self.every == 1 {
            format!("{}s", self.unit.as_str())
        } else {
            format!("every {} {}s", self.every, self.unit.as_str())
        }
    }

    /// The first tick on or after `d`.
    fn first_on_or_after(self, d: NaiveDate) -> Option<NaiveDate> {
        let month_start = |months_per: u32| {
            let m0 = d.month0();
            let next = if d.day() == 1 && m0.is_multiple_of(months_per) {
                m0
            } else {
                (m0 / months_per + 1) * months_per
            };
            NaiveDate::from_ymd_opt(d.year(), 1, 1)?.checked_add_months(Months::new(next))
        };
        match self.unit {
            TickUnit::Day => Some(d),
            TickUnit::Week => {
                let to_monday = (7 - d.weekday().num_days_from_monday()) % 7;
                d.checked_add_days(chrono::Days::new(u64::from(to_monday)))
            }
            TickUnit::Month => month_start(1),
            TickUnit::Quarter => month_start(3),
            TickUnit::Year => {
                let every = i32::try_from(self.every).ok()?;
                let y = if d.ordinal() == 1 {
                    d.year()
                } else {
                    d.year() + 1
                };
                let y = y + (every - y.rem_euclid(every)) % every;
                NaiveDate::from_ymd_opt(y, 1, 1)
            }
        }
    }

    fn next(self, d: NaiveDate) -> Option<NaiveDate> {
        match self.unit {
            TickUnit::Day => d.succ_opt(),
            TickUnit::Week => d.checked_add_days(chrono::Days::new(7)),
            TickUnit::Month => d.checked_add_months(Months::new(1)),
            TickUnit::Quarter => d.checked_add_months(Months::new(3)),
            TickUnit::Year => d.checked_add_months(Months::new(12u32.checked_mul(self.every)?)),
        }
    }

    fn tick(self, scale: &Scale, d: NaiveDate) -> Tick {
        let year_starts = d.ordinal() == 1;
        let label = match self.unit {
            TickUnit::Year => d.year().to_string(),
            TickUnit::Quarter | TickUnit::Month if year_starts => d.year().to_string(),
            TickUnit::Quarter => format!("Q{}", d.month0() / 3 + 1),
            TickUnit::Month => month_abbr(d).to_string(),
            TickUnit::Week | TickUnit::Day => format!("{} {}", d.day(), month_abbr(d)),
        };
        let major = match self.unit {
            TickUnit::Year | TickUnit::Quarter | TickUnit::Month => year_starts,
            TickUnit::Week => d.day() <= 7,
            TickUnit::Day => d.day() == 1,
        };
        Tick {
            date: d,
            x: scale.x(d),
            label,
            major,
        }
    }

    /// The ticks of this step inside the scale's window, in order.
    pub fn ticks(self, scale: &Scale) -> Vec<Tick> {
        let end = scale.window.end;
        let mut out = Vec::new();
        let mut d = self.first_on_or_after(scale.window.start);
        while let Some(day) = d.filter(|&day| day <= end) {
            out.push(self.tick(scale, day));
            d = self.next(day);
        }
        out
    }
}

/// The ticks for a scale, at least `min_gap` pixels apart: [`TickStep::choose`], then its
/// [`TickStep::ticks`].
pub fn ticks(scale: &Scale, min_gap: u32) -> Vec<Tick> {
    TickStep::choose(scale, min_gap).ticks(scale)
}

// ---------------------------------------------------------------------------------------------
// Binning

/// Marks folded into one: `count` of them, lying from `x0` to `x1`; `first` and `last` are the
/// indices of its first and last mark as given to [`bins`] (for [`bin_xs`], positions in the
/// slice, so the bin holds `first..=last`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bin {
    pub x0: i32,
    pub x1: i32,
    pub count: usize,
    pub first: usize,
    pub last: usize,
}

/// The bins of one lane, made as they are read (see [`bins`]).
#[derive(Debug, Clone)]
pub struct Bins<I> {
    marks: I,
    gap: i64,
    /// The mark that closed the last bin and opens the next.
    pending: Option<(usize, i32)>,
}

impl<I: Iterator<Item = (usize, i32)>> Iterator for Bins<I> {
    type Item = Bin;

    fn next(&mut self) -> Option<Bin> {
        let (i, x) = self.pending.take().or_else(|| self.marks.next())?;
        let mut bin = Bin {
            x0: x,
            x1: x,
            count: 1,
            first: i,
            last: i,
        };
        for (j, y) in self.marks.by_ref() {
            if y < bin.x0 || i64::from(y) - i64::from(bin.x0) > self.gap {
                self.pending = Some((j, y));
                break;
            }
            bin.x1 = bin.x1.max(y);
            bin.count += 1;
            bin.last = j;
        }
        Some(bin)
    }
}

/// Folds one lane's marks, given as (index, x) in ascending x, into bins: a mark joins the bin
/// it follows when it lies at most `gap` pixels right of the bin's first mark, else it opens
/// the next. Every mark lands in exactly one bin and the bins come in order without
/// overlapping. Lazy, and allocates nothing: the drawing reads the bins as they come. (Marks
/// out of order still each land in one bin, but those bins may overlap.)
pub fn bins<M: IntoIterator<Item = (usize, i32)>>(marks: M, gap: u32) -> Bins<M::IntoIter> {
    Bins {
        marks: marks.into_iter(),
        gap: i64::from(gap),
        pending: None,
    }
}

/// Bins as they are drawn: each at the middle of its marks ([`drawn_at`]), `half(count)` pixels
/// either side, inside `0..width`. A bin that would touch the one drawn before it folds into it
/// (and that one, grown, into the one before if need be), so that no two drawn bins overlap;
/// marks that fold stay in order, each in exactly one bin.
pub fn spaced(
    bins: impl Iterator<Item = Bin>,
    half: impl Fn(usize) -> i32,
    width: i32,
) -> Vec<Bin> {
    let mid = |b: &Bin| i64::from(drawn_at(b, half(b.count), width));
    let clear =
        |a: &Bin, b: &Bin| mid(b) - i64::from(half(b.count)) > mid(a) + i64::from(half(a.count));
    let mut out: Vec<Bin> = Vec::new();
    for mut bin in bins {
        while let Some(before) = out.pop() {
            if clear(&before, &bin) {
                out.push(before);
                break;
            }
            bin = Bin {
                x0: before.x0.min(bin.x0),
                x1: before.x1.max(bin.x1),
                count: before.count + bin.count,
                first: before.first,
                last: bin.last,
            };
        }
        out.push(bin);
    }
    out
}

/// Where a bin reaching `half` pixels either side of its middle is drawn: at the middle of its
/// marks, moved inside `0..width` if it would stick out.
pub fn drawn_at(bin: &Bin, half: i32, width: i32) -> i32 {
    ((bin.x0 + bin.x1) / 2).min(width - half).max(half)
}

/// [`bins`] of a slice of ascending xs, collected.
pub fn bin_xs(xs: &[i32], gap: u32) -> Vec<Bin> {
    bins(xs.iter().copied().enumerate(), gap).collect()
}

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
