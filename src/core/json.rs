//! Reading the data files: a small JSON reader and the [`Read`] trait the model's types
//! implement through [`reads!`] and [`names!`].
//!
//! serde's derived readers were about a tenth of the app's compiled code: each type got its
//! visitors, field enums and sequence forms, generic over the reader. Here each type gets one
//! plain function over one reader, and the messages keep serde_json's wording, position
//! included, so a broken file reads the same as before. The ingest tool still writes the files
//! with serde; a test reads back what it writes.

use std::borrow::Cow;

use chrono::NaiveDate;

use super::date;

/// What is wrong, and the byte offset where the reader found it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub at: usize,
    pub message: String,
}

impl Error {
    /// The 1-based line and column of `at` in `text`, the column counted in bytes.
    pub fn position(&self, text: &str) -> (usize, usize) {
        let before = &text.as_bytes()[..self.at.min(text.len())];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        (line, before.len() - line_start + 1)
    }
}

pub type Result<T> = std::result::Result<T, Error>;

/// Deep enough for any file of the data set; deeper nesting in an ignored field is refused
/// rather than allowed to exhaust the stack.
const MAX_DEPTH: u32 = 128;

/// The bytes that end a run of plain characters in a string: the closing quote, a backslash
/// and the control characters JSON forbids. A table, as serde_json has: one load per byte.
static STOP: [bool; 256] = {
    let mut stop = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        stop[b] = true;
        b += 1;
    }
    stop[b'"' as usize] = true;
    stop[b'\\' as usize] = true;
    stop
};

/// A reader over one file's text. Values are read in place: no tree is built.
pub struct Reader<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str) -> Self {
        Reader { text, at: 0 }
    }

    /// Reads the one value the whole text holds.
    pub fn whole<T: Read>(text: &'a str) -> Result<T> {
        let mut r = Reader::new(text);
        let value = T::read(&mut r)?;
        match r.peek() {
            None => Ok(value),
            Some(_) => Err(r.error("trailing characters")),
        }
    }

    pub fn error(&self, message: impl Into<String>) -> Error {
        Error {
            at: self.at,
            message: message.into(),
        }
    }

    /// The next byte that is not white space, left unread.
    fn peek(&mut self) -> Option<u8> {
        let bytes = self.text.as_bytes();
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = bytes.get(self.at) {
            self.at += 1;
        }
        bytes.get(self.at).copied()
    }

    fn eof(&self, what: &str) -> Error {
        self.error(format!("EOF while parsing {what}"))
    }

    /// The error for a value of the wrong kind: says what was found and what was expected.
    pub fn invalid_type(&mut self, expected: &str) -> Error {
        let at = self.at;
        let found = match self.peek() {
            Some(b'"') => match self.string() {
                Ok(s) => format!("string {s:?}"),
                Err(e) => return e,
            },
            Some(b'{') => "map".into(),
            Some(b'[') => "sequence".into(),
            Some(b't' | b'f') => match self.bool() {
                Ok(b) => format!("boolean `{b}`"),
                Err(e) => return e,
            },
            Some(b'n') => match self.literal("null") {
                Ok(()) => "null".into(),
                Err(e) => return e,
            },
            Some(b'-' | b'0'..=b'9') => match self.number() {
                Ok(n) if n.contains(['.', 'e', 'E']) => format!("floating point `{n}`"),
                Ok(n) => format!("integer `{n}`"),
                Err(e) => return e,
            },
            Some(_) => return self.error("expected value"),
            None => return self.eof("a value"),
        };
        Error {
            at: at.max(self.at),
            message: format!("invalid type: {found}, expected {expected}"),
        }
    }

    /// Consumes `b` (after white space) if it comes next.
    fn eat(&mut self, b: u8) -> bool {
        let next = self.peek() == Some(b);
        self.at += usize::from(next);
        next
    }

    /// Consumes the literal `word` (`true`, `false`, `null`), which the caller has peeked at.
    fn literal(&mut self, word: &str) -> Result<()> {
        if self.text[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(())
        } else if word.starts_with(&self.text[self.at..]) {
            self.at = self.text.len();
            Err(self.eof("a value"))
        } else {
            Err(self.error("expected ident"))
        }
    }

    /// Consumes `null` if it comes next.
    pub fn null(&mut self) -> Result<bool> {
        if self.peek() != Some(b'n') {
            return Ok(false);
        }
        self.literal("null").map(|()| true)
    }

    pub fn bool(&mut self) -> Result<bool> {
        match self.peek() {
            Some(b't') => self.literal("true").map(|()| true),
            Some(b'f') => self.literal("false").map(|()| false),
            _ => Err(self.invalid_type("a boolean")),
        }
    }

    /// The text of a number, checked against JSON's grammar.
    fn number(&mut self) -> Result<&'a str> {
        let bytes = self.text.as_bytes();
        let start = self.at;
        let digits = |at: &mut usize| {
            let from = *at;
            while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
                *at += 1;
            }
            *at > from
        };
        let mut at = start + usize::from(bytes.get(start) == Some(&b'-'));
        // JSON allows no leading zero: `0` alone, or a digit from 1 and then any.
        let mut ok = if bytes.get(at) == Some(&b'0') {
            at += 1;
            true
        } else {
            digits(&mut at)
        };
        if ok && bytes.get(at) == Some(&b'.') {
            at += 1;
            ok = digits(&mut at);
        }
        if ok && matches!(bytes.get(at), Some(b'e' | b'E')) {
            at += 1;
            at += usize::from(matches!(bytes.get(at), Some(b'+' | b'-')));
            ok = digits(&mut at);
        }
        self.at = at;
        match (ok, bytes.get(at)) {
            (true, _) => Ok(&self.text[start..at]),
            (false, None) => Err(self.eof("a value")),
            (false, Some(_)) => Err(self.error("invalid number")),
        }
    }

    /// A whole number from 0 to `max`; `name` is the type's name for the message.
    pub fn unsigned(&mut self, max: u64, name: &str) -> Result<u64> {
        if !matches!(self.peek(), Some(b'-' | b'0'..=b'9')) {
            return Err(self.invalid_type(name));
        }
        let start = self.at;
        let text = self.number()?;
        match text.parse::<u64>() {
            Ok(n) if n <= max => Ok(n),
            _ if text.contains(['.', 'e', 'E']) => Err(Error {
                at: start,
                message: format!("invalid type: floating point `{text}`, expected {name}"),
            }),
            _ => Err(self.error(format!("invalid value: integer `{text}`, expected {name}"))),
        }
    }

    /// A string, borrowed from the text unless it holds escapes.
    pub fn string(&mut self) -> Result<Cow<'a, str>> {
        if self.peek() != Some(b'"') {
            return Err(self.invalid_type("a string"));
        }
        self.at += 1;
        let bytes = self.text.as_bytes();
        let mut owned: Option<String> = None;
        let mut run = self.at;
        loop {
            // Runs of plain characters are most of the text: find the run's end in one scan.
            let rest = &bytes[self.at..];
            let Some(n) = rest.iter().position(|&b| STOP[usize::from(b)]) else {
                self.at = bytes.len();
                return Err(self.eof("a string"));
            };
            self.at += n;
            match rest[n] {
                b'"' => {
                    let tail = &self.text[run..self.at];
                    self.at += 1;
                    return Ok(match owned {
                        None => Cow::Borrowed(tail),
                        Some(mut s) => {
                            s.push_str(tail);
                            Cow::Owned(s)
                        }
                    });
                }
                b'\\' => {
                    let mut s = owned.take().unwrap_or_default();
                    s.push_str(&self.text[run..self.at]);
                    self.at += 1;
                    s.push(self.escape()?);
                    owned = Some(s);
                    run = self.at;
                }
                _ => {
                    return Err(self
                        .error("control character (\\u0000-\\u001F) found while parsing a string"))
                }
            }
        }
    }

    /// One escape after its backslash.
    fn escape(&mut self) -> Result<char> {
        let Some(&b) = self.text.as_bytes().get(self.at) else {
            return Err(self.eof("a string"));
        };
        self.at += 1;
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let high = self.hex4()?;
                let code = if (0xD800..0xDC00).contains(&high) {
                    if !self.text[self.at..].starts_with("\\u") {
                        return Err(self.error("unexpected end of hex escape"));
                    }
                    self.at += 2;
                    let low = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&low) {
                        return Err(self.error("lone leading surrogate in hex escape"));
                    }
                    0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    high
                };
                char::from_u32(code)
                    .ok_or_else(|| self.error("lone leading surrogate in hex escape"))?
            }
            _ => return Err(self.error("invalid escape")),
        })
    }

    fn hex4(&mut self) -> Result<u32> {
        let Some(digits) = self.text.as_bytes().get(self.at..self.at + 4) else {
            self.at = self.text.len();
            return Err(self.eof("a string"));
        };
        let code = digits
            .iter()
            .try_fold(0, |n, &b| char::from(b).to_digit(16).map(|d| n * 16 + d));
        match code {
            Some(code) => {
                self.at += 4;
                Ok(code)
            }
            None => Err(self.error("invalid escape")),
        }
    }

    /// Starts a list; then call [`Reader::item`] before each element.
    pub fn begin_list(&mut self) -> Result<()> {
        if self.eat(b'[') {
            Ok(())
        } else {
            Err(self.invalid_type("a sequence"))
        }
    }

    /// Whether another element follows, consuming the comma or the closing bracket.
    pub fn item(&mut self, first: bool) -> Result<bool> {
        self.next(first, b']', "a list")
    }

    /// Starts an object; `what` names it for a message ("struct Person").
    pub fn begin_object(&mut self, what: &str) -> Result<()> {
        if self.eat(b'{') {
            Ok(())
        } else {
            Err(self.invalid_type(what))
        }
    }

    /// The next key of an object and its colon, or `None` after the closing brace.
    pub fn key(&mut self, first: bool) -> Result<Option<Cow<'a, str>>> {
        if !self.next(first, b'}', "an object")? {
            return Ok(None);
        }
        match self.peek() {
            Some(b'"') => {}
            None => return Err(self.eof("an object")),
            Some(_) => return Err(self.error("key must be a string")),
        }
        let key = self.string()?;
        match self.peek() {
            Some(b':') => {
                self.at += 1;
                Ok(Some(key))
            }
            None => Err(self.eof("an object")),
            Some(_) => Err(self.error("expected `:`")),
        }
    }

    fn next(&mut self, first: bool, close: u8, what: &str) -> Result<bool> {
        match self.peek() {
            Some(b) if b == close => {
                self.at += 1;
                Ok(false)
            }
            None => Err(self.eof(what)),
            Some(_) if first => Ok(true),
            Some(b',') => {
                self.at += 1;
                if self.peek() == Some(close) {
                    Err(self.error("trailing comma"))
                } else {
                    Ok(true)
                }
            }
            Some(_) if close == b']' => Err(self.error("expected `,` or `]`")),
            Some(_) => Err(self.error("expected `,` or `}`")),
        }
    }

    /// Reads and drops one value of any kind (a field this version does not know).
    pub fn skip(&mut self) -> Result<()> {
        self.skip_within(0)
    }

    fn skip_within(&mut self, depth: u32) -> Result<()> {
        if depth > MAX_DEPTH {
            return Err(self.error("recursion limit exceeded"));
        }
        match self.peek() {
            Some(b'"') => self.string().map(drop),
            Some(b't' | b'f') => self.bool().map(drop),
            Some(b'n') => self.literal("null"),
            Some(b'-' | b'0'..=b'9') => self.number().map(drop),
            Some(b'[') => {
                self.at += 1;
                let mut first = true;
                while self.item(first)? {
                    first = false;
                    self.skip_within(depth + 1)?;
                }
                Ok(())
            }
            Some(b'{') => {
                self.at += 1;
                let mut first = true;
                while self.key(first)?.is_some() {
                    first = false;
                    self.skip_within(depth + 1)?;
                }
                Ok(())
            }
            Some(_) => Err(self.error("expected value")),
            None => Err(self.eof("a value")),
        }
    }

    /// Reads a field's value into its slot, refusing a second one.
    pub fn field<T: Read>(&mut self, slot: &mut Option<T>, key: &str) -> Result<()> {
        if slot.is_some() {
            return Err(self.keyed("duplicate field", key));
        }
        *slot = Some(T::read(self)?);
        Ok(())
    }

    /// A required field's value, or the error that it is missing.
    pub fn required<T>(&self, slot: Option<T>, key: &str) -> Result<T> {
        slot.ok_or_else(|| self.keyed("missing field", key))
    }

    /// "missing field `id`": one function for every field's message, not one per field type.
    fn keyed(&self, what: &str, key: &str) -> Error {
        self.error(format!("{what} `{key}`"))
    }

    /// Which of a kind's names (`"council_member"`) comes next, as an index into `names`.
    pub fn name(&mut self, names: &[&str]) -> Result<usize> {
        let start = self.at;
        let s = self.string()?;
        if let Some(i) = names.iter().position(|&n| n == s) {
            return Ok(i);
        }
        let names: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
        Err(Error {
            at: start.max(self.at),
            message: format!(
                "unknown variant `{s}`, expected one of {}",
                names.join(", ")
            ),
        })
    }
}

/// `s` as a JSON string, quotes included (for the JSON export).
pub fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0'..='\u{1f}' => out.push_str(&format!("\\u{:04x}", c as u32)),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A value the data files hold.
pub trait Read: Sized {
    fn read(r: &mut Reader<'_>) -> Result<Self>;
}

impl Read for String {
    fn read(r: &mut Reader<'_>) -> Result<Self> {
        r.string().map(Cow::into_owned)
    }
}

impl Read for bool {
    fn read(r: &mut Reader<'_>) -> Result<Self> {
        r.bool()
    }
}

macro_rules! unsigned {
    ($($t:ty),*) => {$(
        impl Read for $t {
            fn read(r: &mut Reader<'_>) -> Result<Self> {
                r.unsigned(<$t>::MAX.into(), stringify!($t)).map(|n| n as $t)
            }
        }
    )*};
}
unsigned!(u8, u16, u32);

/// A `YYYY-MM-DD` date.
impl Read for NaiveDate {
    fn read(r: &mut Reader<'_>) -> Result<Self> {
        let start = r.at;
        let s = r.string()?;
        date::parse_iso(&s).ok_or_else(|| Error {
            at: start.max(r.at),
            message: date::why_not(&s),
        })
    }
}

/// `null` is `None`, as serde reads it.
impl<T: Read> Read for Option<T> {
    fn read(r: &mut Reader<'_>) -> Result<Self> {
        if r.null()? {
            Ok(None)
        } else {
            T::read(r).map(Some)
        }
    }
}

impl<T: Read> Read for Vec<T> {
    fn read(r: &mut Reader<'_>) -> Result<Self> {
        r.begin_list()?;
        let mut list = Vec::new();
        while r.item(list.is_empty())? {
            list.push(T::read(r)?);
        }
        Ok(list)
    }
}

/// Implements [`Read`] for a struct of the data set: the fields before `;` must be present,
/// those after it may be left out and then take their default. `field = "key"` reads a field
/// stored under another key. Unknown keys are skipped, as serde does.
macro_rules! reads {
    ($ty:ident { $($req:ident $(= $rkey:literal)?),* $(; $($opt:ident),*)? $(,)? }) => {
        impl $crate::core::json::Read for $ty {
            fn read(r: &mut $crate::core::json::Reader<'_>) -> $crate::core::json::Result<Self> {
                $(let mut $req = None;)*
                $($(let mut $opt = None;)*)?
                r.begin_object(concat!("struct ", stringify!($ty)))?;
                let mut first = true;
                while let Some(key) = r.key(first)? {
                    first = false;
                    match &*key {
                        $(reads!(@key $req $($rkey)?) => r.field(&mut $req, &key)?,)*
                        $($(stringify!($opt) => r.field(&mut $opt, &key)?,)*)?
                        _ => r.skip()?,
                    }
                }
                Ok($ty {
                    $($req: r.required($req, reads!(@key $req $($rkey)?))?,)*
                    $($($opt: $opt.unwrap_or_default(),)*)?
                })
            }
        }
    };
    (@key $field:ident) => { stringify!($field) };
    (@key $field:ident $key:literal) => { $key };
}
pub(crate) use reads;

/// Declares a kind (a fieldless enum) with each variant's name as the data files write it,
/// `Variant = "name"`, and gives it `ALL`, `as_str` and [`Read`].
macro_rules! names {
    (
        $(#[$meta:meta])*
        $vis:vis enum $ty:ident {
            $($(#[$vmeta:meta])* $variant:ident = $name:literal),* $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis enum $ty {
            $($(#[$vmeta])* $variant,)*
        }

        impl $ty {
            pub const ALL: [$ty; [$($name),*].len()] = [$($ty::$variant),*];
            const NAMES: [&'static str; [$($name),*].len()] = [$($name),*];

            /// The name the data files use.
            pub fn as_str(self) -> &'static str {
                Self::NAMES[self as usize]
            }
        }

        impl $crate::core::json::Read for $ty {
            fn read(r: &mut $crate::core::json::Reader<'_>) -> $crate::core::json::Result<Self> {
                r.name(&$ty::NAMES).map(|i| $ty::ALL[i])
            }
        }
    };
}
pub(crate) use names;

#[cfg(test)]
mod tests {
    use super::*;

    fn read<T: Read>(text: &str) -> std::result::Result<T, String> {
        Reader::whole(text).map_err(|e| {
            let (line, column) = e.position(text);
            format!("{} at {line}:{column}", e.message)
        })
    }

    #[test]
    fn strings_read_escapes_and_borrow_otherwise() {
        assert_eq!(read::<String>(r#" "plain" "#), Ok("plain".into()));
        assert_eq!(
            read::<String>(r#""a\"b\\c\/d\n\u00e9\ud83d\ude00""#),
            Ok("a\"b\\c/d\né😀".into())
        );
        let mut r = Reader::new(r#""x""#);
        assert!(matches!(r.string(), Ok(Cow::Borrowed("x"))));
        assert!(read::<String>("\"a\u{1}\"")
            .unwrap_err()
            .starts_with("control character"));
        assert_eq!(
            read::<String>("\"ab"),
            Err("EOF while parsing a string at 1:4".into())
        );
        assert!(read::<String>(r#""\ud83d""#).is_err());
        assert!(read::<String>(r#""\u1😀""#)
            .unwrap_err()
            .starts_with("invalid escape"));
        assert!(read::<String>(r#""\u12"#).unwrap_err().starts_with("EOF"));
        assert!(read::<String>(r#""\x""#)
            .unwrap_err()
            .starts_with("invalid escape"));
    }

    #[test]
    fn quoted_strings_read_back() {
        let all: String = (0u8..0x80)
            .map(char::from)
            .chain("é😀\u{2028}".chars())
            .collect();
        let out = quoted(&all);
        assert_eq!(read::<String>(&out), Ok(all.clone()));
        assert_eq!(serde_json::from_str::<String>(&out).ok(), Some(all));
    }

    #[test]
    fn numbers_are_whole_and_in_range() {
        assert_eq!(read::<u16>("8100"), Ok(8100));
        assert_eq!(read::<u8>("0"), Ok(0));
        assert_eq!(
            read::<u8>("256"),
            Err("invalid value: integer `256`, expected u8 at 1:4".into())
        );
        assert!(read::<u16>("-1")
            .unwrap_err()
            .starts_with("invalid value: integer `-1`"));
        assert!(read::<u32>("1.5")
            .unwrap_err()
            .starts_with("invalid type: floating point `1.5`"));
        assert_eq!(
            read::<u16>("\"one\""),
            Err("invalid type: string \"one\", expected u16 at 1:6".into())
        );
        assert!(read::<u16>("1.").is_err());
        assert!(read::<u16>("01").is_err());
        assert_eq!(read::<u16>("0"), Ok(0));
        assert!(read::<u16>("-").is_err());
    }

    #[test]
    fn lists_options_and_literals() {
        assert_eq!(read::<Vec<u8>>(" [ 1 , 2 ,3 ] "), Ok(vec![1, 2, 3]));
        assert_eq!(read::<Vec<u8>>("[]"), Ok(vec![]));
        assert!(read::<Vec<u8>>("[1,]")
            .unwrap_err()
            .starts_with("trailing comma"));
        assert!(read::<Vec<u8>>("[1 2]")
            .unwrap_err()
            .starts_with("expected `,` or `]`"));
        assert!(read::<Vec<u8>>("[1")
            .unwrap_err()
            .starts_with("EOF while parsing a list"));
        assert!(read::<Vec<u8>>("{}")
            .unwrap_err()
            .starts_with("invalid type: map, expected a sequence"));
        assert_eq!(read::<Option<bool>>("null"), Ok(None));
        assert_eq!(read::<Option<bool>>("true"), Ok(Some(true)));
        assert!(read::<bool>("nul").unwrap_err().starts_with("EOF"));
        assert!(read::<bool>("1")
            .unwrap_err()
            .starts_with("invalid type: integer `1`, expected a boolean"));
        assert!(read::<u8>("1 2")
            .unwrap_err()
            .starts_with("trailing characters"));
        assert!(read::<u8>("")
            .unwrap_err()
            .starts_with("EOF while parsing a value"));
    }

    #[derive(Debug, PartialEq, Default)]
    struct Sample {
        id: String,
        kind: String,
        n: Vec<u8>,
        note: Option<String>,
    }
    reads!(Sample { id, kind = "type"; n, note });

    #[test]
    fn structs_need_their_fields_and_skip_unknown_ones() {
        assert_eq!(
            read::<Sample>(r#"{"id": "a", "type": "b", "extra": {"x": [1, {"y": null}]}}"#),
            Ok(Sample {
                id: "a".into(),
                kind: "b".into(),
                ..Sample::default()
            })
        );
        assert_eq!(
            read::<Sample>(r#"{"type": "b", "n": [1]}"#),
            Err("missing field `id` at 1:24".into())
        );
        assert!(read::<Sample>(r#"{"id": "a", "id": "b"}"#)
            .unwrap_err()
            .starts_with("duplicate field `id`"));
        assert!(read::<Sample>("[]")
            .unwrap_err()
            .starts_with("invalid type: sequence, expected struct Sample"));
        assert!(read::<Sample>(r#"{"id" "a"}"#)
            .unwrap_err()
            .starts_with("expected `:`"));
        assert!(read::<Sample>(r#"{id: 1}"#)
            .unwrap_err()
            .starts_with("key must be a string"));
        let deep = format!(
            r#"{{"id":"a","type":"b","x":{}{}}}"#,
            "[".repeat(200),
            "]".repeat(200)
        );
        assert!(read::<Sample>(&deep)
            .unwrap_err()
            .starts_with("recursion limit exceeded"));
    }

    names! {
        #[derive(Debug, Clone, Copy, PartialEq)]
        enum Colour {
            Red = "red",
            DarkBlue = "dark_blue",
        }
    }

    #[test]
    fn kinds_read_by_name() {
        assert_eq!(read::<Colour>(r#""dark_blue""#), Ok(Colour::DarkBlue));
        assert_eq!(Colour::ALL, [Colour::Red, Colour::DarkBlue]);
        assert_eq!(Colour::DarkBlue.as_str(), "dark_blue");
        assert_eq!(
            read::<Colour>(r#""green""#),
            Err("unknown variant `green`, expected one of `red`, `dark_blue` at 1:8".into())
        );
    }

    #[test]
    fn positions_count_lines_and_columns() {
        let at = |at| {
            Error {
                at,
                message: String::new(),
            }
            .position("ab\ncdef\ng")
        };
        assert_eq!(at(0), (1, 1));
        assert_eq!(at(4), (2, 2));
        assert_eq!(at(8), (3, 1));
        assert_eq!(at(99), (3, 2));
    }
}
