//! What can go wrong in a plan, named by the field a user can fix.

use super::parse::ParseError;
use super::plan::{LineId, ScenarioId, TierId};

/// A place in a plan that a user can edit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Field {
    PlanName,
    Currency,
    Horizon,
    StartingCustomers,
    NewCustomers,
    /// Monthly growth of new customers.
    Growth,
    /// The twelve seasonal percentages.
    Seasonality,
    /// The calendar month of the plan's month 1.
    FirstCalendarMonth,
    Churn,
    Revenue,
    GrossMargin,
    Discount,
    Lines,
    LineName {
        id: LineId,
        name: String,
    },
    LineAmount {
        id: LineId,
        name: String,
    },
    LineMonth {
        id: LineId,
        name: String,
    },
    /// The months a line costs in ("from month … to month …").
    LineWindow {
        id: LineId,
        name: String,
    },
    FeeTiers,
    TierName {
        id: TierId,
        name: String,
    },
    TierShare {
        id: TierId,
        name: String,
    },
    TierFee {
        id: TierId,
        name: String,
    },
    Scenarios,
    /// The plan's list of ranges.
    Ranges,
    /// The list of plans in a workspace.
    Plans,
    ScenarioName {
        id: ScenarioId,
        name: String,
    },
    /// The range of a driver (its key).
    Range {
        driver: String,
    },
    /// Lever `index` (0-based) of scenario `id`.
    Lever {
        id: ScenarioId,
        name: String,
        index: usize,
    },
}

/// Why a plan cannot be computed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ModelError {
    /// A value is outside what its field accepts.
    Invalid { field: Field, problem: Problem },
    /// A value makes some figure too large to compute exactly.
    TooLarge { field: Field },
}

/// What is wrong with a value that is not a typed number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    Number(ParseError),
    /// Fee tier shares add up to more than 100 %.
    SharesOver100,
    /// Text longer than the limit (in characters).
    TextTooLong {
        max: usize,
    },
    /// More items than the limit.
    TooMany {
        max: usize,
    },
    /// Two items share one id.
    DuplicateId,
    /// A currency code that is not three letters A–Z.
    BadCurrency,
    /// A list that must not be empty is.
    Empty,
    /// A reference to something that does not exist.
    Dangling,
    /// A range whose low value is above its high value.
    LowAboveHigh,
    /// A list that must have exactly this many items.
    Count {
        exactly: usize,
    },
    /// A window of months that ends before it starts.
    EndsBeforeStart,
    /// A one-time line given a window (it has its own month).
    WindowOnOneTime,
    /// A month to start from given to a lever that acts on the whole plan.
    WholePlan,
}

impl ModelError {
    pub fn field(&self) -> &Field {
        match self {
            ModelError::Invalid { field, .. } | ModelError::TooLarge { field } => field,
        }
    }
}

impl std::error::Error for ModelError {}
