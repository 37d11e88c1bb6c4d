//! Where a login's password comes from: `PGPASSWORD`, else the password file (`PGPASSFILE`, else
//! `~/.pgpass`) read by libpq's rules. Scrollstop never writes or keeps a password; this module
//! only reads the places a PostgreSQL user already keeps one.

use std::path::{Path, PathBuf};

use super::address::ServerAddress;

/// The parts of the process's environment that say where a password is: taken from the process
/// by [`Environment::from_process`], or set by hand (tests, a window that asks).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Environment {
    /// `PGPASSWORD`.
    pub pgpassword: Option<String>,
    /// `PGPASSFILE`, else `~/.pgpass`.
    pub pgpassfile: Option<PathBuf>,
    /// The home folder, for `~/.postgresql/root.crt`.
    pub home: Option<PathBuf>,
}

impl Environment {
    /// This environment with `password` first (one typed for this run); an empty one changes
    /// nothing.
    pub fn with_typed_password(mut self, password: &str) -> Self {
        if !password.is_empty() {
            self.pgpassword = Some(password.to_string());
        }
        self
    }

    /// What this process's environment says.
    pub fn from_process() -> Self {
        let home = std::env::var_os("HOME")
            .filter(|h| !h.is_empty())
            .map(PathBuf::from);
        let pgpassfile = std::env::var_os("PGPASSFILE")
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
            .or_else(|| home.as_ref().map(|h| h.join(".pgpass")));
        Self {
            pgpassword: std::env::var("PGPASSWORD").ok().filter(|p| !p.is_empty()),
            pgpassfile,
            home,
        }
    }
}

/// A password found for an address, and what was worth telling on the way.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    pub password: Option<String>,
    /// Such as a password file ignored because others may read it.
    pub warnings: Vec<String>,
}

/// The password for `address`: `PGPASSWORD`, else the first matching line of the password file.
pub fn find(address: &ServerAddress, env: &Environment) -> Found {
    if let Some(password) = &env.pgpassword {
        return Found {
            password: Some(password.clone()),
            warnings: Vec::new(),
        };
    }
    let Some(path) = &env.pgpassfile else {
        return Found::default();
    };
    match read_file(path) {
        Ok(Some(text)) => Found {
            password: lookup(
                &text,
                address.pgpass_host(),
                &address.port.to_string(),
                &address.database,
                &address.login,
            ),
            warnings: Vec::new(),
        },
        Ok(None) => Found::default(),
        Err(warning) => Found {
            password: None,
            warnings: vec![warning],
        },
    }
}

/// The file's text; `None` when there is no file; a warning when it is not to be used.
fn read_file(path: &Path) -> Result<Option<String>, String> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(format!(
                "password file {} cannot be read: {e}",
                path.display()
            ));
        }
    };
    if !meta.is_file() {
        return Err(format!(
            "password file {} is not a plain file, so it was not read",
            path.display()
        ));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // libpq's rule: a password file others may read is ignored, not trusted.
        if meta.permissions().mode() & 0o077 != 0 {
            return Err(format!(
                "password file {} has group or world access, so it was ignored; permissions should be u=rw (0600) or less (chmod 600 {})",
                path.display(),
                path.display()
            ));
        }
    }
    std::fs::read_to_string(path)
        .map(Some)
        .map_err(|e| format!("password file {} cannot be read: {e}", path.display()))
}

/// The password of the first line of a password file that matches, by libpq's rules: fields
/// `host:port:database:login:password`, `*` matches anything, `\` escapes `:` and `\`, lines
/// starting with `#` are comments.
pub fn lookup(text: &str, host: &str, port: &str, database: &str, login: &str) -> Option<String> {
    text.lines().find_map(|line| {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.starts_with('#') {
            return None;
        }
        let mut rest = line;
        for wanted in [host, port, database, login] {
            rest = field_matches(rest, wanted)?;
        }
        Some(unescape(rest))
    })
}

/// If the line's next field matches `wanted`, the rest of the line after its `:`.
fn field_matches<'a>(line: &'a str, wanted: &str) -> Option<&'a str> {
    if let Some(rest) = line.strip_prefix("*:") {
        return Some(rest);
    }
    let mut wanted = wanted.chars();
    let mut chars = line.char_indices();
    while let Some((i, c)) = chars.next() {
        let c = match c {
            ':' => {
                return wanted.next().is_none().then(|| &line[i + 1..]);
            }
            '\\' => match chars.next() {
                Some((_, escaped)) => escaped,
                None => return None,
            },
            c => c,
        };
        if wanted.next() != Some(c) {
            return None;
        }
    }
    None
}

/// The password field with its escapes taken out.
fn unescape(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::team::address::parse_with;

    #[test]
    fn the_first_matching_line_wins_and_stars_match_anything() {
        let text = "\
# comments are skipped: db.example.com:5432:team:ana:commented
db.example.com:5432:other:ana:wrong-database
db.example.com:5432:team:ana:first
db.example.com:5432:team:ana:second
*:*:*:bo:for-bo-anywhere
";
        assert_eq!(
            lookup(text, "db.example.com", "5432", "team", "ana").as_deref(),
            Some("first")
        );
        assert_eq!(
            lookup(text, "elsewhere", "1", "x", "bo").as_deref(),
            Some("for-bo-anywhere")
        );
        assert_eq!(lookup(text, "db.example.com", "5433", "team", "ana"), None);
        assert_eq!(lookup(text, "db.example.com", "5432", "team", "cy"), None);
    }

    #[test]
    fn escaped_colons_and_backslashes_match_and_are_unescaped() {
        let text = r"fe80\:\:1:5432:team\\one:ana:pa\:ss\\word:with:colons";
        assert_eq!(
            lookup(text, "fe80::1", "5432", r"team\one", "ana").as_deref(),
            Some(r"pa:ss\word:with:colons")
        );
        // An escaped star is a star, not a wildcard.
        assert_eq!(
            lookup(r"\*:5432:team:ana:x", "host", "5432", "team", "ana"),
            None
        );
        assert_eq!(
            lookup(r"\*:5432:team:ana:x", "*", "5432", "team", "ana").as_deref(),
            Some("x")
        );
    }

    #[test]
    fn short_or_partial_lines_never_match() {
        assert_eq!(
            lookup("host:5432:team", "host", "5432", "team", "ana"),
            None
        );
        assert_eq!(
            lookup("host:5432:team:ana", "host", "5432", "team", "ana"),
            None
        );
        assert_eq!(
            lookup("hostx:5432:team:ana:p", "host", "5432", "team", "ana"),
            None
        );
        assert_eq!(
            lookup("hos:5432:team:ana:p", "host", "5432", "team", "ana"),
            None
        );
        assert_eq!(
            lookup("host:5432:team:ana:", "host", "5432", "team", "ana").as_deref(),
            Some("")
        );
        assert_eq!(
            lookup("host:5432:team:ana:p\r\n", "host", "5432", "team", "ana").as_deref(),
            Some("p")
        );
    }

    #[test]
    fn pgpassword_comes_before_the_file() {
        let address = parse_with("postgres://ana@host/team", None).expect("good");
        let env = Environment {
            pgpassword: Some("from-env".into()),
            pgpassfile: Some("/nonexistent/.pgpass".into()),
            home: None,
        };
        assert_eq!(find(&address, &env).password.as_deref(), Some("from-env"));
        let no_file = Environment {
            pgpassword: None,
            ..env
        };
        assert_eq!(find(&address, &no_file), Found::default());
    }

    #[cfg(unix)]
    #[test]
    fn a_file_others_may_read_is_ignored_with_a_warning() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("pgpass");
        std::fs::write(&path, "host:5432:team:ana:secret\n").expect("write");
        let address = parse_with("postgres://ana@host/team", None).expect("good");
        let env = Environment {
            pgpassfile: Some(path.clone()),
            ..Environment::default()
        };
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        let found = find(&address, &env);
        assert_eq!(found.password, None);
        assert!(
            found.warnings[0].contains("group or world access"),
            "{:?}",
            found.warnings
        );
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).expect("chmod");
        let found = find(&address, &env);
        assert_eq!(found.password.as_deref(), Some("secret"));
        assert!(found.warnings.is_empty());
    }

    #[test]
    fn a_socket_address_matches_localhost_lines() {
        let address =
            parse_with("postgres://ana@%2Fvar%2Frun%2Fpostgresql:5432/team", None).expect("good");
        assert_eq!(
            lookup(
                "localhost:5432:team:ana:p",
                address.pgpass_host(),
                "5432",
                "team",
                "ana"
            )
            .as_deref(),
            Some("p")
        );
    }
}
