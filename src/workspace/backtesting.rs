//! The walk-forward backtest of the reach model on the workspace's own imported videos: one
//! [`AccountHistory`] per account, read through [`Workspace::account_history`] (the same reading
//! the forecast session fits on), walked by [`model::backtest`](crate::model::backtest). The
//! `backtest` command and the Reach view's accuracy panel both call it.

use super::{Workspace, WorkspaceError};
use crate::domain::Account;
use crate::model::{Backtest, backtest};

impl Workspace {
    /// Predicts every video of `accounts` from the `min_history` or more videos posted before
    /// it, at the age it was measured, beside the "median of earlier videos" baseline.
    pub fn backtest(
        &self,
        accounts: &[Account],
        min_history: usize,
    ) -> Result<Backtest, WorkspaceError> {
        let histories = accounts
            .iter()
            .map(|a| self.account_history(a))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(backtest(&histories, min_history))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MIN_HISTORY;
    use crate::workspace::{DEFAULT_DEMO_SEED, Silent};

    #[test]
    fn every_demo_video_after_the_first_few_is_predicted_from_the_ones_before_it() {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = Workspace::open(&dir.path().join("w.scrollstop")).unwrap();
        ws.create_demo(DEFAULT_DEMO_SEED, &Silent).unwrap();
        let accounts = ws.store().accounts().unwrap();
        let one = &accounts[..1];
        let stored = ws.store().videos(one[0].id).unwrap();
        let measured = stored.iter().filter(|v| !v.snapshots.is_empty()).count();
        let result = ws.backtest(one, MIN_HISTORY).unwrap();
        assert!(measured > MIN_HISTORY);
        assert_eq!(result.rows.len(), measured - MIN_HISTORY);
        assert_eq!(result.accounts.len(), 1);
        assert_eq!(result.accounts[0].account, Some(one[0].at_handle()));
        let posted: Vec<_> = result.rows.iter().map(|r| r.posted_at).collect();
        let in_order = posted.windows(2).all(|w| w[0] <= w[1]);
        assert!(in_order, "rows follow posting order");
        assert!(result.overall.mae_log10.is_some());
        assert!(result.rows.iter().all(|r| r.p10 <= r.p50 && r.p50 <= r.p90));
    }
}
