//! A real PostgreSQL server for the team tests: Debian's package (or binaries on PATH), a new
//! cluster in a temporary folder, listening on 127.0.0.1 on a free port, with password (SCRAM)
//! logins over TCP and a superuser for the test. PostgreSQL refuses to run as root, so as root
//! the server runs as a system user of its own (`scrollstop-pg`, created when missing; `nobody`
//! when it cannot be).
//!
//! The server is stopped (`pg_ctl stop -m immediate`) and its folder removed by a small reaper
//! process that waits for this process to close a pipe: on drop, on a panic, and also when the
//! test binary ends without dropping its statics (the shared server) or is killed.
//!
//! Other test binaries may take it in with `#[path = "../team/server.rs"] mod server;`.

// A binary that takes this in by #[path] uses only part of it.
#![allow(dead_code)]

use std::io::Write;
use std::net::TcpListener;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use scrollstop::workspace::team::{Environment, ServerAddress, TeamServer};

/// The bootstrap superuser of every test cluster.
pub const ADMIN: &str = "scrollstop_admin";

/// The system user the server runs as when the tests run as root.
const SERVER_USER: &str = "scrollstop-pg";

pub struct TestServer {
    pub port: u16,
    pub admin_password: String,
    /// The CA that signed the server's certificate, when the server speaks TLS.
    pub ca_file: Option<PathBuf>,
    dir: PathBuf,
    bin: PathBuf,
    run_as: Option<String>,
    reaper: Mutex<Option<Child>>,
}

impl TestServer {
    /// One server for the whole test binary, with TLS when `openssl` is there to make a
    /// certificate. Tests share it with a database each.
    pub fn shared() -> &'static TestServer {
        static SHARED: OnceLock<TestServer> = OnceLock::new();
        SHARED.get_or_init(|| TestServer::start(true))
    }

    /// A server of its own, for a test that stops it.
    pub fn start(tls: bool) -> TestServer {
        let bin = find_binaries();
        let run_as = running_as_root().then(server_user);
        // /tmp rather than TMPDIR: the server's user must reach the folder, and the socket's
        // path must stay short.
        let parent = Some(PathBuf::from("/tmp"))
            .filter(|p| p.is_dir())
            .unwrap_or_else(std::env::temp_dir);
        let dir = tempfile::Builder::new()
            .prefix("scrollstop-pg-")
            .tempdir_in(parent)
            .expect("a temporary folder")
            .keep();
        let admin_password = format!("admin-{}", std::process::id());
        let mut server = TestServer {
            port: 0,
            admin_password,
            ca_file: None,
            dir,
            bin,
            run_as,
            reaper: Mutex::new(None),
        };
        // The reaper first: from here on, the folder goes away whatever happens.
        server.reaper = Mutex::new(Some(server.spawn_reaper()));
        server.give_to_server_user(&server.dir.clone());
        let pwfile = server.dir.join("pwfile");
        std::fs::write(&pwfile, &server.admin_password).expect("write the password file");
        server.give_to_server_user(&pwfile);
        server.run(
            "initdb",
            &[
                "-D",
                server.data().to_str().expect("utf-8 path"),
                "-U",
                ADMIN,
                "--pwfile",
                pwfile.to_str().expect("utf-8 path"),
                "--auth-host=scram-sha-256",
                "--auth-local=trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            ],
        );
        let mut settings = format!(
            "\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '{}'\n\
             fsync = off\nfull_page_writes = off\nshared_buffers = 32MB\nmax_connections = 60\n",
            server.dir.display()
        );
        if tls && let Some(ca) = server.make_certificates() {
            settings
                .push_str("ssl = on\nssl_cert_file = 'server.crt'\nssl_key_file = 'server.key'\n");
            server.ca_file = Some(ca);
        }
        std::fs::OpenOptions::new()
            .append(true)
            .open(server.data().join("postgresql.conf"))
            .and_then(|mut f| f.write_all(settings.as_bytes()))
            .expect("append to postgresql.conf");
        server.port = server.start_on_a_free_port();
        server
    }

    fn data(&self) -> PathBuf {
        self.dir.join("data")
    }

    /// A URL for `login` on `database`.
    pub fn url(&self, login: &str, database: &str, sslmode: &str) -> String {
        format!(
            "postgres://{login}@127.0.0.1:{}/{database}?sslmode={sslmode}",
            self.port
        )
    }

    /// Connects as the superuser.
    pub fn admin(&self, database: &str) -> TeamServer {
        self.connect(ADMIN, &self.admin_password, database)
    }

    /// Connects as `login` with `password` given as PGPASSWORD would give it.
    pub fn connect(&self, login: &str, password: &str, database: &str) -> TeamServer {
        self.try_connect(login, password, database)
            .unwrap_or_else(|e| panic!("{login} connects to {database}: {e}"))
    }

    pub fn try_connect(
        &self,
        login: &str,
        password: &str,
        database: &str,
    ) -> Result<TeamServer, scrollstop::workspace::team::TeamError> {
        let address = ServerAddress::parse(&self.url(login, database, "disable"))?;
        TeamServer::connect_with(&address, &with_password(password))
    }

    /// A plain client as the superuser, for what the tests look at or try behind the app's back.
    pub fn sql(&self, database: &str) -> postgres::Client {
        postgres::Config::new()
            .host("127.0.0.1")
            .port(self.port)
            .user(ADMIN)
            .password(&self.admin_password)
            .dbname(database)
            .connect(postgres::NoTls)
            .expect("the superuser connects")
    }

    /// Creates `name` (owned by `owner`, else the superuser) and returns it.
    pub fn database(&self, name: &str, owner: Option<&str>) -> String {
        let owner = owner.map(|o| format!(" OWNER \"{o}\"")).unwrap_or_default();
        self.sql("postgres")
            .batch_execute(&format!("CREATE DATABASE \"{name}\"{owner}"))
            .expect("create the test database");
        name.to_string()
    }

    /// Stops the server at once, as a crash would (`pg_ctl stop -m immediate`).
    pub fn stop_immediately(&self) {
        self.run(
            "pg_ctl",
            &[
                "-D",
                self.data().to_str().expect("utf-8"),
                "-w",
                "stop",
                "-m",
                "immediate",
            ],
        );
    }

    /// Starts the server again on its port, after [`TestServer::stop_immediately`].
    pub fn restart(&self) {
        assert!(
            self.try_start(self.port),
            "the server restarts: {}",
            self.log()
        );
    }

    /// The server's log, for failure messages.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.join("log")).unwrap_or_default()
    }

    fn start_on_a_free_port(&self) -> u16 {
        for _ in 0..5 {
            let port = TcpListener::bind("127.0.0.1:0")
                .and_then(|l| l.local_addr())
                .expect("a free port")
                .port();
            if self.try_start(port) {
                return port;
            }
        }
        panic!("PostgreSQL did not start: {}", self.log());
    }

    fn try_start(&self, port: u16) -> bool {
        let log = self.dir.join("log");
        self.command("pg_ctl")
            .args(["-D", self.data().to_str().expect("utf-8"), "-l"])
            .arg(&log)
            .args(["-w", "-t", "60", "-o", &format!("-p {port}"), "start"])
            // postgres inherits these: a pipe would keep a reader waiting for the server's end.
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("pg_ctl runs")
            .success()
    }

    /// Runs one of the server's programs (as the server's user) and expects success.
    fn run(&self, program: &str, args: &[&str]) {
        let out = self
            .command(program)
            .args(args)
            .stdin(Stdio::null())
            .output()
            .unwrap_or_else(|e| panic!("{program} runs: {e}"));
        assert!(
            out.status.success(),
            "{program} {args:?} failed: {}{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr),
            self.log()
        );
    }

    fn command(&self, program: &str) -> Command {
        let path = self.bin.join(program);
        match &self.run_as {
            Some(user) => {
                let mut c = Command::new(system_program("runuser"));
                c.args(["-u", user, "--"]).arg(path);
                c
            }
            None => Command::new(path),
        }
    }

    fn give_to_server_user(&self, path: &Path) {
        if let Some(user) = &self.run_as {
            let (uid, gid) = ids(user);
            std::os::unix::fs::chown(path, Some(uid), Some(gid)).expect("chown to the server user");
        }
        let mode = if path.is_dir() { 0o700 } else { 0o600 };
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
    }

    /// A process that waits for this one to close its stdin, then stops the server and removes
    /// its folder. Its own process group keeps it alive through a Ctrl-C to the tests.
    fn spawn_reaper(&self) -> Child {
        let pg_ctl = self.bin.join("pg_ctl");
        let as_user = match &self.run_as {
            Some(user) => format!("'{}' -u '{user}' -- ", system_program("runuser").display()),
            None => String::new(),
        };
        let script = format!(
            "read _ignored; {as_user}'{}' -D '{}' -w stop -m immediate; rm -rf '{}'",
            pg_ctl.display(),
            self.data().display(),
            self.dir.display()
        );
        Command::new("sh")
            .args(["-c", &script])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .expect("the reaper starts")
    }

    /// A CA and a server certificate for `localhost` signed by it, in the data folder; returns
    /// the CA's file. `None` when `openssl` is not there.
    fn make_certificates(&self) -> Option<PathBuf> {
        let on_path = std::env::var_os("PATH")
            .map(|p| std::env::split_paths(&p).any(|d| d.join("openssl").is_file()))
            .unwrap_or(false);
        if !on_path {
            eprintln!("openssl is not installed: the shared test server runs without TLS");
            return None;
        }
        let data = self.data();
        let ca = self.dir.join("ca.crt");
        let ext = self.dir.join("server.ext");
        std::fs::write(
            &ext,
            "subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n",
        )
        .expect("write the extensions");
        let key = [
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
        ];
        let openssl = |args: &[&str]| {
            let out = Command::new("openssl")
                .current_dir(&self.dir)
                .args(args)
                .output()
                .expect("openssl runs");
            assert!(
                out.status.success(),
                "openssl {args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        };
        openssl(
            &[
                &["req", "-x509"][..],
                &key,
                &[
                    "-keyout",
                    "ca.key",
                    "-out",
                    "ca.crt",
                    "-days",
                    "3",
                    "-subj",
                    "/CN=Scrollstop test CA",
                    "-addext",
                    "basicConstraints=critical,CA:TRUE",
                    "-addext",
                    "keyUsage=critical,keyCertSign,cRLSign",
                ],
            ]
            .concat(),
        );
        openssl(
            &[
                &["req"][..],
                &key,
                &[
                    "-keyout",
                    "server.key",
                    "-out",
                    "server.csr",
                    "-subj",
                    "/CN=localhost",
                ],
            ]
            .concat(),
        );
        openssl(&[
            "x509",
            "-req",
            "-in",
            "server.csr",
            "-CA",
            "ca.crt",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            "server.crt",
            "-days",
            "3",
            "-extfile",
            "server.ext",
        ]);
        for file in ["server.crt", "server.key"] {
            std::fs::rename(self.dir.join(file), data.join(file))
                .expect("move into the data folder");
            self.give_to_server_user(&data.join(file));
        }
        Some(ca)
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        let reaper = self.reaper.get_mut().map(Option::take).unwrap_or_default();
        if let Some(mut reaper) = reaper {
            drop(reaper.stdin.take());
            let _ = reaper.wait();
        }
    }
}

/// An environment whose only password is `password` (as PGPASSWORD).
pub fn with_password(password: &str) -> Environment {
    Environment {
        pgpassword: Some(password.to_string()),
        pgpassfile: None,
        home: None,
    }
}

/// The newest `/usr/lib/postgresql/<version>/bin`, else the folder of `initdb` on PATH.
fn find_binaries() -> PathBuf {
    let newest = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let version: u32 = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").is_file().then_some((version, bin))
        })
        .max();
    if let Some((_, bin)) = newest {
        return bin;
    }
    std::env::var_os("PATH")
        .and_then(|p| std::env::split_paths(&p).find(|d| d.join("initdb").is_file()))
        .expect(
            "PostgreSQL's server programs (initdb, pg_ctl) were not found in /usr/lib/postgresql/*/bin \
             or on PATH: install them (Debian: apt-get install postgresql) to run the team tests",
        )
}

/// A system program, also where root's PATH may not look (`/usr/sbin` for runuser and useradd).
fn system_program(name: &str) -> PathBuf {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(["/usr/sbin", "/sbin", "/usr/bin", "/bin"].map(PathBuf::from))
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
        .unwrap_or_else(|| PathBuf::from(name))
}

fn running_as_root() -> bool {
    std::fs::metadata("/proc/self")
        .map(|m| m.uid() == 0)
        .unwrap_or(false)
}

/// The user the server runs as when we are root: ours, created if missing, else `nobody`.
/// Settled once per process: servers starting at once must not race to create it.
fn server_user() -> String {
    static USER: OnceLock<String> = OnceLock::new();
    USER.get_or_init(settle_server_user).clone()
}

fn settle_server_user() -> String {
    if user_exists(SERVER_USER) {
        return SERVER_USER.to_string();
    }
    let _ = Command::new(system_program("useradd"))
        .args(["--system", "--no-create-home", "--home-dir", "/nonexistent"])
        .args(["--shell", "/usr/sbin/nologin", SERVER_USER])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    // Another test binary may have created it at the same moment: look again.
    if user_exists(SERVER_USER) {
        SERVER_USER.to_string()
    } else {
        "nobody".to_string()
    }
}

fn user_exists(user: &str) -> bool {
    Command::new("id")
        .arg("-u")
        .arg(user)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn ids(user: &str) -> (u32, u32) {
    let id = |flag: &str| -> u32 {
        let out = Command::new("id")
            .args([flag, user])
            .output()
            .expect("id runs");
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse()
            .expect("a numeric id")
    };
    (id("-u"), id("-g"))
}

/// How long a test waits for something a teammate's session should see.
pub const PATIENCE: Duration = Duration::from_secs(10);
