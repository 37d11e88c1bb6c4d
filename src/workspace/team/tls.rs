//! TLS to the team's server with rustls (ring), by libpq's `sslmode` rules: `prefer` and
//! `require` encrypt without checking who answers (unless a root certificate is at hand, as in
//! libpq), `verify-ca` checks the certificate's chain, `verify-full` its chain and host name.
//! Trusted CAs come from `sslrootcert=FILE`, `~/.postgresql/root.crt`, or the system's store
//! (`sslrootcert=system`, and when neither file is there).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, WebPkiSupportedAlgorithms};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{
    CertificateError, ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme,
};

use super::address::{ServerAddress, SslMode};
use super::error::TeamError;
use super::password::Environment;

/// The rustls configuration for connecting to `address`.
pub(crate) fn client_config(
    address: &ServerAddress,
    env: &Environment,
) -> Result<ClientConfig, TeamError> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| TeamError::Tls {
            host: address.host.clone(),
            detail: e.to_string(),
        })?;
    let root_file = root_file(address, env);
    let verifier: Arc<dyn ServerCertVerifier> = match (address.sslmode, &root_file) {
        (SslMode::Disable | SslMode::Prefer | SslMode::Require, None) => {
            Arc::new(Unchecked(provider.signature_verification_algorithms))
        }
        (SslMode::VerifyFull, _) => webpki(address, &root_file, &provider)?,
        _ => Arc::new(ChainOnly(webpki(address, &root_file, &provider)?)),
    };
    let mut config = builder
        .dangerous()
        .with_custom_certificate_verifier(verifier)
        .with_no_client_auth();
    postgres_rustls::set_postgresql_alpn(&mut config);
    Ok(config)
}

/// Where the trusted CAs are: `Some(file)`, or `None` for the system's store (or, with prefer
/// and require, no check at all).
fn root_file(address: &ServerAddress, env: &Environment) -> Option<PathBuf> {
    match address.sslrootcert.as_deref() {
        Some("system") => None,
        Some(path) => Some(PathBuf::from(path)),
        None => env
            .home
            .as_ref()
            .map(|home| home.join(".postgresql/root.crt"))
            .filter(|path| path.is_file()),
    }
}

fn webpki(
    address: &ServerAddress,
    root_file: &Option<PathBuf>,
    provider: &Arc<CryptoProvider>,
) -> Result<Arc<WebPkiServerVerifier>, TeamError> {
    let roots = match root_file {
        Some(path) => roots_from_file(path)?,
        None => system_roots(),
    };
    WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider.clone())
        .build()
        .map_err(|e| TeamError::Tls {
            host: address.host.clone(),
            detail: format!("no trusted CA to check the server against ({e})"),
        })
}

fn roots_from_file(path: &Path) -> Result<RootCertStore, TeamError> {
    let problem = |detail: String| TeamError::RootCertificates {
        path: path.to_path_buf(),
        detail,
    };
    let mut roots = RootCertStore::empty();
    for cert in CertificateDer::pem_file_iter(path).map_err(|e| problem(e.to_string()))? {
        let cert = cert.map_err(|e| problem(e.to_string()))?;
        roots.add(cert).map_err(|e| problem(e.to_string()))?;
    }
    if roots.is_empty() {
        return Err(problem("it holds no certificate".to_string()));
    }
    Ok(roots)
}

/// The system's CAs; those that cannot be read are left out (an empty store refuses every
/// server, which the caller reports).
fn system_roots() -> RootCertStore {
    let mut roots = RootCertStore::empty();
    roots.add_parsable_certificates(rustls_native_certs::load_native_certs().certs);
    roots
}

/// `prefer` and `require` without a root certificate: the traffic is encrypted and the
/// handshake's signatures checked, but not who signed the certificate (libpq does the same).
#[derive(Debug)]
struct Unchecked(WebPkiSupportedAlgorithms);

impl ServerCertVerifier for Unchecked {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.0)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.0)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_schemes()
    }
}

/// `verify-ca`: the chain must lead to a trusted CA; the name in the certificate may be any.
/// The chain is checked before the name, so a name mismatch means the chain was good.
#[derive(Debug)]
struct ChainOnly(Arc<WebPkiServerVerifier>);

impl ServerCertVerifier for ChainOnly {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        match self
            .0
            .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
        {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}
