//! Every failure names the file and, where there is one, the line that could not be read: a bad
//! source must end the run with a message a person can act on, never with a panic.

use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// A file or folder could not be read or written.
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// A source (or curated file) says something the ingest cannot take as it is.
    #[error("{file}:{line}: {message}")]
    At {
        file: String,
        line: u32,
        message: String,
    },
    /// A problem that belongs to no single line (a count that does not add up, a missing file).
    #[error("{0}")]
    Other(String),
}

impl IngestError {
    pub fn at(file: impl Into<String>, line: u32, message: impl Into<String>) -> Self {
        IngestError::At {
            file: file.into(),
            line,
            message: message.into(),
        }
    }

    pub fn io(path: &Path, source: std::io::Error) -> Self {
        IngestError::Io {
            path: path.display().to_string(),
            source,
        }
    }

    pub fn other(message: impl Into<String>) -> Self {
        IngestError::Other(message.into())
    }
}

/// Reads a whole UTF-8 file, naming the path when that fails.
pub fn read_text(path: &Path) -> Result<String, IngestError> {
    std::fs::read_to_string(path).map_err(|e| IngestError::io(path, e))
}
