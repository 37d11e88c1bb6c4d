//! Where the team's server is: a `postgres://LOGIN@HOST:PORT/DATABASE?sslmode=...` URL read the
//! way libpq reads it, less the password. A workspace keeps this address; it must never keep a
//! password, so an address that carries one is refused rather than quietly stripped.

use std::fmt;
use std::time::Duration;

use super::error::TeamError;

/// PostgreSQL's port when the address names none.
pub const DEFAULT_PORT: u16 = 5432;

/// How long a connection attempt waits for the server when the address does not say.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// libpq's `sslmode`, less `allow` (plain first, TLS only if the server insists).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SslMode {
    /// Never TLS.
    Disable,
    /// TLS when the server offers it, plain otherwise; the certificate is not checked (libpq's
    /// default).
    #[default]
    Prefer,
    /// TLS or nothing; the certificate is not checked unless a root certificate is given.
    Require,
    /// TLS, and the certificate is signed by a trusted CA (any host name).
    VerifyCa,
    /// TLS, the certificate is signed by a trusted CA and names the host.
    VerifyFull,
}

impl SslMode {
    /// The spelling in a URL.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Disable => "disable",
            Self::Prefer => "prefer",
            Self::Require => "require",
            Self::VerifyCa => "verify-ca",
            Self::VerifyFull => "verify-full",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        [
            Self::Disable,
            Self::Prefer,
            Self::Require,
            Self::VerifyCa,
            Self::VerifyFull,
        ]
        .into_iter()
        .find(|m| m.as_str() == text)
    }
}

/// A team server's address, parsed from its URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerAddress {
    /// A host name, an IP address, or (starting with `/`) the folder of a Unix socket.
    pub host: String,
    pub port: u16,
    /// The PostgreSQL login.
    pub login: String,
    /// The team's database.
    pub database: String,
    pub sslmode: SslMode,
    /// `sslrootcert`: a PEM file of trusted CAs, or `system` for the system's.
    pub sslrootcert: Option<String>,
    pub connect_timeout: Duration,
}

impl ServerAddress {
    /// Reads a `postgres://` or `postgresql://` URL. The login defaults to the computer's user
    /// (`USER`), the host to `localhost`, the port to 5432, the database to the login.
    pub fn parse(url: &str) -> Result<Self, TeamError> {
        let default_login = std::env::var("USER").ok();
        parse_with(url, default_login.as_deref())
    }

    /// The address as a URL, without any secret: what a workspace stores and shows.
    pub fn url(&self) -> String {
        let host = if self.host.starts_with('/') {
            String::new()
        } else if self.host.contains(':') {
            format!("[{}]", self.host)
        } else {
            encode(&self.host)
        };
        let mut url = format!(
            "postgres://{}@{host}:{}/{}?sslmode={}",
            encode(&self.login),
            self.port,
            encode(&self.database),
            self.sslmode.as_str()
        );
        if self.host.starts_with('/') {
            url.push_str(&format!("&host={}", encode(&self.host)));
        }
        if let Some(root) = &self.sslrootcert {
            url.push_str(&format!("&sslrootcert={}", encode(root)));
        }
        if self.connect_timeout != DEFAULT_CONNECT_TIMEOUT {
            url.push_str(&format!(
                "&connect_timeout={}",
                self.connect_timeout.as_secs()
            ));
        }
        url
    }

    /// The host as `.pgpass` matches it: libpq's `localhost` for a Unix socket.
    pub fn pgpass_host(&self) -> &str {
        if self.host.starts_with('/') {
            "localhost"
        } else {
            &self.host
        }
    }
}

impl fmt::Display for ServerAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.url())
    }
}

/// [`ServerAddress::parse`] with the default login given (tests give their own).
pub(crate) fn parse_with(
    url: &str,
    default_login: Option<&str>,
) -> Result<ServerAddress, TeamError> {
    let bad = |problem: &str| TeamError::BadUrl {
        url: url.to_string(),
        problem: problem.to_string(),
    };
    let rest = url
        .strip_prefix("postgres://")
        .or_else(|| url.strip_prefix("postgresql://"))
        .ok_or_else(|| bad("it does not start with postgres:// or postgresql://"))?;
    let (rest, query) = match rest.split_once('?') {
        Some((rest, query)) => (rest, Some(query)),
        None => (rest, None),
    };
    let (authority, path) = match rest.split_once('/') {
        Some((authority, path)) => (authority, Some(path)),
        None => (rest, None),
    };
    let (userinfo, hostport) = match authority.rsplit_once('@') {
        Some((userinfo, hostport)) => (Some(userinfo), hostport),
        None => (None, authority),
    };
    if userinfo.is_some_and(|u| u.contains(':')) {
        return Err(TeamError::PasswordInUrl);
    }
    let mut login = userinfo
        .map(|u| decode(u).ok_or_else(|| bad("the login is badly %-encoded")))
        .transpose()?
        .filter(|u| !u.is_empty());
    if hostport.contains(',') {
        return Err(bad("several hosts are not supported; give one"));
    }
    let (host, port) =
        split_host_port(hostport).ok_or_else(|| bad("the host or port is unreadable"))?;
    let mut host = decode(host)
        .ok_or_else(|| bad("the host is badly %-encoded"))?
        .to_string();
    let mut port = port
        .map(|p| {
            p.parse::<u16>()
                .map_err(|_| bad("the port is not a number from 1 to 65535"))
        })
        .transpose()?;
    let mut database = path
        .filter(|p| !p.is_empty())
        .map(|p| decode(p).ok_or_else(|| bad("the database name is badly %-encoded")))
        .transpose()?;
    let mut sslmode = SslMode::default();
    let mut sslrootcert = None;
    let mut connect_timeout = DEFAULT_CONNECT_TIMEOUT;
    for pair in query
        .into_iter()
        .flat_map(|q| q.split('&'))
        .filter(|p| !p.is_empty())
    {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = decode(value).ok_or_else(|| bad(&format!("{key} is badly %-encoded")))?;
        match key {
            "password" => return Err(TeamError::PasswordInUrl),
            "sslmode" => {
                sslmode = match SslMode::parse(&value) {
                    Some(mode) => mode,
                    None if value == "allow" => {
                        return Err(bad("sslmode=allow is not supported; use prefer"));
                    }
                    None => {
                        return Err(bad(&format!(
                            "sslmode={value} is not one of disable, prefer, require, verify-ca, verify-full"
                        )));
                    }
                }
            }
            "sslrootcert" => sslrootcert = Some(value).filter(|v| !v.is_empty()),
            "connect_timeout" => {
                let seconds: u64 = value
                    .parse()
                    .map_err(|_| bad("connect_timeout is not a whole number of seconds"))?;
                // libpq: zero (or less) waits forever; two seconds is its least.
                connect_timeout = match seconds {
                    0 => Duration::from_secs(24 * 3600),
                    s => Duration::from_secs(s.max(2)),
                };
            }
            "host" => host = value,
            "port" => {
                port = Some(
                    value
                        .parse()
                        .map_err(|_| bad("the port is not a number from 1 to 65535"))?,
                );
            }
            "user" => login = Some(value).filter(|v| !v.is_empty()),
            "dbname" => database = Some(value).filter(|v| !v.is_empty()),
            "application_name" => {}
            other => {
                return Err(bad(&format!(
                    "the parameter {other} is not known (known: sslmode, sslrootcert, connect_timeout, host, port, user, dbname, application_name)"
                )));
            }
        }
    }
    let login = login
        .or_else(|| default_login.map(str::to_string))
        .filter(|l| !l.is_empty())
        .ok_or_else(|| bad("it names no login (postgres://LOGIN@HOST/DATABASE)"))?;
    if host.is_empty() {
        host = "localhost".to_string();
    }
    Ok(ServerAddress {
        host,
        port: port.filter(|p| *p != 0).unwrap_or(DEFAULT_PORT),
        database: database.unwrap_or_else(|| login.clone()),
        login,
        sslmode,
        sslrootcert,
        connect_timeout,
    })
}

/// `host`, `host:port`, `[v6]`, `[v6]:port`.
fn split_host_port(text: &str) -> Option<(&str, Option<&str>)> {
    if let Some(rest) = text.strip_prefix('[') {
        let (host, after) = rest.split_once(']')?;
        return match after {
            "" => Some((host, None)),
            after => Some((host, Some(after.strip_prefix(':')?))),
        };
    }
    match text.split_once(':') {
        Some((host, port)) if !port.contains(':') => Some((host, Some(port))),
        Some(_) => None,
        None => Some((text, None)),
    }
}

/// Undoes %-encoding; `None` for a broken escape or bytes that are not UTF-8.
fn decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// %-encodes what a URL part cannot hold as it is.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(url: &str) -> ServerAddress {
        parse_with(url, Some("me")).expect("a good address")
    }

    fn problem(url: &str) -> String {
        parse_with(url, Some("me"))
            .expect_err("a bad address")
            .to_string()
    }

    #[test]
    fn a_full_address_is_read_part_by_part() {
        let a = parse("postgres://ana@db.example.com:6543/team_acme?sslmode=verify-full");
        assert_eq!(a.login, "ana");
        assert_eq!(a.host, "db.example.com");
        assert_eq!(a.port, 6543);
        assert_eq!(a.database, "team_acme");
        assert_eq!(a.sslmode, SslMode::VerifyFull);
        assert_eq!(a.sslrootcert, None);
        assert_eq!(a.connect_timeout, DEFAULT_CONNECT_TIMEOUT);
    }

    #[test]
    fn missing_parts_take_libpq_defaults() {
        let a = parse("postgresql://db.example.com");
        assert_eq!(a.login, "me");
        assert_eq!(a.port, 5432);
        assert_eq!(a.database, "me");
        assert_eq!(a.sslmode, SslMode::Prefer);
        let b = parse("postgres://");
        assert_eq!(b.host, "localhost");
        assert!(parse_with("postgres://host/db", None).is_err());
    }

    #[test]
    fn a_password_in_the_address_is_refused_with_where_to_put_it() {
        for url in [
            "postgres://ana:secret@host/db",
            "postgres://ana:@host/db",
            "postgres://ana@host/db?password=secret",
        ] {
            let message = problem(url);
            assert!(message.contains("~/.pgpass"), "{url}: {message}");
            assert!(message.contains("PGPASSWORD"), "{url}: {message}");
            assert!(!message.contains("secret"), "{url}: {message}");
        }
    }

    #[test]
    fn encoded_parts_ipv6_and_socket_folders_are_understood() {
        let a = parse("postgres://ana%40agency@[::1]:5433/team%20one");
        assert_eq!(a.login, "ana@agency");
        assert_eq!(a.host, "::1");
        assert_eq!(a.port, 5433);
        assert_eq!(a.database, "team one");
        let s = parse("postgres://ana@%2Fvar%2Frun%2Fpostgresql/team");
        assert_eq!(s.host, "/var/run/postgresql");
        assert_eq!(s.pgpass_host(), "localhost");
        let q = parse("postgres:///team?host=/tmp/pg&port=5999&user=bo");
        assert_eq!(
            (q.host.as_str(), q.port, q.login.as_str()),
            ("/tmp/pg", 5999, "bo")
        );
    }

    #[test]
    fn every_sslmode_but_allow_is_read() {
        for (text, mode) in [
            ("disable", SslMode::Disable),
            ("prefer", SslMode::Prefer),
            ("require", SslMode::Require),
            ("verify-ca", SslMode::VerifyCa),
            ("verify-full", SslMode::VerifyFull),
        ] {
            assert_eq!(
                parse(&format!("postgres://h/d?sslmode={text}")).sslmode,
                mode
            );
        }
        assert!(problem("postgres://h/d?sslmode=allow").contains("prefer"));
        assert!(problem("postgres://h/d?sslmode=strict").contains("verify-full"));
    }

    #[test]
    fn unknown_parameters_and_bad_ports_are_named() {
        assert!(problem("postgres://h/d?sslcert=x").contains("sslcert"));
        assert!(problem("postgres://h:99999/d").contains("port"));
        assert!(problem("postgres://h1,h2/d").contains("several hosts"));
        assert!(problem("mysql://h/d").contains("postgres://"));
    }

    #[test]
    fn the_url_written_back_reads_the_same_and_holds_no_secret() {
        for url in [
            "postgres://ana@db.example.com:6543/team_acme?sslmode=verify-ca&sslrootcert=/etc/ca%20file.pem",
            "postgres://ana%40agency@[::1]:5433/team%20one?connect_timeout=30",
            "postgres://ana@%2Ftmp%2Fpg/team",
        ] {
            let a = parse(url);
            assert_eq!(parse(&a.url()), a, "{}", a.url());
        }
    }

    #[test]
    fn connect_timeout_follows_libpq() {
        assert_eq!(
            parse("postgres://h/d?connect_timeout=1").connect_timeout,
            Duration::from_secs(2)
        );
        assert_eq!(
            parse("postgres://h/d?connect_timeout=30").connect_timeout,
            Duration::from_secs(30)
        );
        assert!(problem("postgres://h/d?connect_timeout=soon").contains("connect_timeout"));
    }
}
