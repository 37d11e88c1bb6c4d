//! A draft's findings as the table shows them: counts per severity, the rule ids (for the
//! finding filter) and the hover text listing each rule with its message, prepared once when
//! the checks ran so drawing a row formats nothing.

use crate::checks::{Finding, Severity};

/// Counts and hover text of one draft's findings.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FindingSummary {
    pub errors: u16,
    pub warnings: u16,
    pub tips: u16,
    /// The rule ids found, most severe first.
    pub rules: Vec<&'static str>,
    /// One line per finding, `error caption-too-long: message`, then the seed's line it
    /// comes from.
    pub details: String,
}

impl FindingSummary {
    /// Summarises `findings`.
    pub fn of(findings: &[Finding]) -> Self {
        let mut sorted: Vec<&Finding> = findings.iter().collect();
        sorted.sort_by_key(|f| f.severity);
        let count = |s: Severity| {
            let n = findings.iter().filter(|f| f.severity == s).count();
            u16::try_from(n).unwrap_or(u16::MAX)
        };
        let details = sorted
            .iter()
            .map(|f| {
                format!(
                    "{} {}: {}\n    From the seed article: {}",
                    f.severity.label(),
                    f.rule,
                    f.message,
                    f.source
                )
            })
            .collect::<Vec<_>>()
            .join("\n");
        Self {
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            tips: count(Severity::Tip),
            rules: sorted.iter().map(|f| f.rule).collect(),
            details,
        }
    }

    /// True when the checks found nothing at all.
    pub fn is_clean(&self) -> bool {
        self.errors == 0 && self.warnings == 0 && self.tips == 0
    }
}
