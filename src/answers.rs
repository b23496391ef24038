//! The Answers tab's questions as pure state: a goal seek's answer and whether it still stands,
//! and a Monte Carlo run (started, drawn in slices, replaced, cancelled, finished, stale). No
//! signals and no browser code, like [`crate::session`]: the view keeps one of these in a
//! signal, calls its methods when the user or a slice of the run acts, and draws what it holds.
//! Tested natively (`tests/answers.rs`).

use std::sync::Arc;

use rust_decimal::Decimal;

use crate::model::analysis::{self, AnalysisError, MonteCarlo, RangeSummary, Solution};
use crate::model::{Column, Driver, Metric, Plan};

/// Whether an answer still answers the question on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// Asked of the column on screen, whose figures are as they were.
    Current,
    /// Asked of another column (another scenario was chosen since): it says so.
    OtherColumn,
    /// Its column's figures changed since: it asks to be worked out again.
    Stale,
}

/// Whether something computed from `from` (a plan and a column) still stands for `column` of
/// `plan` now. An edit that leaves the column's figures as they were (a range, a name, another
/// scenario) keeps it current; `figures_only` is false for results that also depend on what
/// figures do not show (a Monte Carlo run draws from the ranges), which any edit makes stale.
fn standing(
    from: &Arc<Plan>,
    of: Column,
    column: Column,
    plan: Option<&Arc<Plan>>,
    figures_only: bool,
) -> Standing {
    if of != column {
        return Standing::OtherColumn;
    }
    match plan {
        Some(p) if Arc::ptr_eq(p, from) => Standing::Current,
        Some(p) if figures_only && analysis::same_figures(from, p, of) => Standing::Current,
        Some(_) | None => Standing::Stale,
    }
}

/// A goal seek asked and answered.
#[derive(Clone, Debug, PartialEq)]
pub struct Solved {
    /// The plan it was asked of.
    pub plan: Arc<Plan>,
    pub column: Column,
    pub metric: Metric,
    pub target: Decimal,
    pub driver: Driver,
    /// The driver's value before the answer (what the sentence says it goes from).
    pub from: Option<Decimal>,
    /// The answer, or why there is none (put into words when shown).
    pub answer: Result<Solution, AnalysisError>,
}

impl Solved {
    /// Asks `plan` which value of `driver` brings `metric` to `target` in `column`.
    pub fn ask(
        plan: Arc<Plan>,
        column: Column,
        metric: Metric,
        target: Decimal,
        driver: Driver,
    ) -> Solved {
        let answer = analysis::solve(&plan, column, metric, target, driver);
        let from = analysis::effective(&plan, column)
            .ok()
            .and_then(|at| analysis::driver_value(&at, driver));
        Solved {
            plan,
            column,
            metric,
            target,
            driver,
            from,
            answer,
        }
    }

    /// Whether the answer stands for `column` of `plan` (the ones on screen now).
    pub fn standing(&self, column: Column, plan: Option<&Arc<Plan>>) -> Standing {
        standing(&self.plan, self.column, column, plan, true)
    }
}

/// A Monte Carlo run of the ranges.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Run {
    #[default]
    Idle,
    /// Drawing, in slices between paints (how far is the view's to show).
    Running {
        id: u64,
        /// The plan and column drawn from.
        from: (Arc<Plan>, Column),
        /// The user asked to stop: the next slice shows what was drawn so far.
        cancelled: bool,
    },
    Finished {
        summary: Arc<RangeSummary>,
        /// Stopped by the user before every run was drawn.
        cancelled: bool,
        from: (Arc<Plan>, Column),
    },
    /// Why the run could not start: put into words when shown.
    Failed(AnalysisError),
}

/// What a slice of a run does next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    /// Draw another slice.
    Draw,
    /// Stop and show what was drawn (the user cancelled).
    Stop,
    /// A newer run (or nothing) replaced this one: stop without a word.
    Drop,
}

/// The runs of one Answers tab: the one shown, and the number of the newest started.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Runs {
    pub run: Run,
    started: u64,
}

impl Runs {
    /// Starts a run of `runs` draws from `seed` on `column` of `plan`: the sampler to draw with
    /// and its number, or nothing when it cannot start (the run shows why). A run still going
    /// is replaced: its next slice drops it.
    pub fn start(
        &mut self,
        plan: Arc<Plan>,
        column: Column,
        runs: usize,
        seed: u64,
    ) -> Option<(u64, MonteCarlo)> {
        match MonteCarlo::new(&plan, column, runs, seed) {
            Ok(mc) => {
                self.started += 1;
                self.run = Run::Running {
                    id: self.started,
                    from: (plan, column),
                    cancelled: false,
                };
                Some((self.started, mc))
            }
            Err(e) => {
                self.run = Run::Failed(e);
                None
            }
        }
    }

    /// The user's Cancel: the run going stops at its next slice.
    pub fn cancel(&mut self) {
        if let Run::Running { cancelled, .. } = &mut self.run {
            *cancelled = true;
        }
    }

    /// After a slice of run `id`: whether to draw on.
    pub fn next(&self, id: u64) -> Next {
        match &self.run {
            Run::Running {
                id: going,
                cancelled,
                ..
            } if *going == id => {
                if *cancelled {
                    Next::Stop
                } else {
                    Next::Draw
                }
            }
            Run::Running { .. } | Run::Idle | Run::Finished { .. } | Run::Failed(_) => Next::Drop,
        }
    }

    /// Run `id` ends with `summary` (all its draws, or those made before a cancel). A run that
    /// was replaced changes nothing.
    pub fn finish(&mut self, id: u64, summary: RangeSummary) {
        let Run::Running {
            id: going,
            from,
            cancelled,
        } = &self.run
        else {
            return;
        };
        if *going != id {
            return;
        }
        self.run = Run::Finished {
            summary: Arc::new(summary),
            cancelled: *cancelled,
            from: from.clone(),
        };
    }

    /// Whether a finished run stands for `column` of `plan`: any edit makes it stale (the
    /// ranges it drew from are not figures), as does another column.
    pub fn standing(&self, column: Column, plan: Option<&Arc<Plan>>) -> Option<Standing> {
        match &self.run {
            Run::Finished { from, .. } => Some(standing(&from.0, from.1, column, plan, false)),
            Run::Idle | Run::Running { .. } | Run::Failed(_) => None,
        }
    }
}
