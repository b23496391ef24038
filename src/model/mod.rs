//! The cost model: pure Rust, no browser dependencies. This is where correctness lives; the UI
//! only edits plans and shows what the model says. Formulas and their sources: `docs/model.md`.

pub mod analysis;
mod arith;
pub mod compare;
pub mod driver;
pub mod error;
pub mod examples;
pub mod lang;
pub mod metrics;
pub mod parse;
pub mod plan;
pub mod presets;
pub mod scenario;
pub mod simulate;
pub mod validate;

pub use compare::{
    best, compare, compare_from, delta, evaluate, evaluate_scenario, judge, same_baseline, Better,
    Column, Comparison, Delta, Evaluation, Formula, Metric, MetricGroup, Unit,
};
pub use driver::{Driver, Input, InputRange};
pub use error::{Field, ModelError, Problem};
pub use examples::Example;
pub use lang::Lang;
pub use metrics::{metrics, Figure, Metrics, Undefined};
pub use parse::{
    amount_limit, check_value, parse_months, parse_value, percent_from_fraction, seasonality_row,
    ParseError, Rule,
};
pub use plan::{
    Basis, BasisKind, BudgetLine, Category, FeeTier, Lever, LeverKind, LineId, Plan, Scenario,
    ScenarioId, Stage, Strategy, TierId, Timed,
};
pub use scenario::{apply_scenario, lever_steps, neutral_lever, LeverEffect, LeverStep, Timeline};
pub use simulate::{
    arrivals, line_total, monthly_rate, project, project_phases, HorizonDrivers, Month,
    MonthColumn, Projection,
};
pub use validate::{limits, validate, validate_lever, validate_line, validate_timed};
