//! Answers to the questions people ask of a plan, computed exactly with the model's own checked
//! decimal arithmetic (definitions and sources: `docs/model.md`, "Answers"):
//!
//! - [`sensitivity`]: each driver moved down and up by a swing, one at a time (a tornado);
//! - [`solve`]: the value of one driver that brings a figure to a target (goal seek);
//! - [`MonteCarlo`]: percentiles of the headline figures when drivers carry ranges;
//! - [`attribute`]: each lever's share of a scenario's change (Shapley values).
//!
//! Every analysis works on the baseline or on one scenario: on the plan *as that scenario sees
//! it* (the baseline with its levers applied), except the Monte Carlo run, which draws the
//! baseline's uncertain inputs and then applies the scenario's levers to them.

use std::ops::ControlFlow::{self, Break, Continue};

use rust_decimal::{Decimal, RoundingStrategy};

use super::compare::{evaluate_timeline, Better, Column, Metric, Unit};
use super::driver::Driver;
use super::error::ModelError;
use super::metrics::{Figure, Undefined};
use super::plan::{BudgetLine, Lever, LeverKind, LineId, Plan, Scenario, ScenarioId};
use super::scenario::Timeline;
use super::validate::validate;

/// Why an analysis has no answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnalysisError {
    /// The plan itself cannot be computed.
    Model(ModelError),
    /// The plan has no scenario with this id.
    NoScenario(ScenarioId),
    /// The plan (or the scenario) has no such driver: a tier or line it does not have, or a
    /// category without lines.
    NoDriver(Driver),
    /// The figure is undefined, for this reason, where the analysis needs a value.
    Undefined(Undefined),
    /// The baseline has no levers to attribute a change to.
    NoLevers,
    /// More levers than an attribution splits a change between ([`MAX_ATTRIBUTED_LEVERS`]).
    TooManyLevers { levers: usize },
    /// A setting outside what it accepts (a swing, a number of runs).
    BadSetting,
}

impl From<ModelError> for AnalysisError {
    fn from(e: ModelError) -> Self {
        AnalysisError::Model(e)
    }
}

/// The plan as `column` sees it, month by month: the baseline, or the baseline with a
/// scenario's levers from the months they act in. Refuses a plan that does not validate.
pub fn effective(plan: &Plan, column: Column) -> Result<Timeline, AnalysisError> {
    if let Some(e) = validate(plan).into_iter().next() {
        return Err(e.into());
    }
    match column {
        Column::Baseline => Ok(Timeline::baseline(plan)),
        Column::Scenario(id) => {
            let s = plan.scenario(id).ok_or(AnalysisError::NoScenario(id))?;
            Ok(Timeline::of(plan, s)?)
        }
    }
}

/// `driver`'s value as `at` sees it: its value in the first month's plan that has it (a line a
/// lever adds from a later month has it only there).
pub fn driver_value(at: &Timeline, driver: Driver) -> Option<Decimal> {
    at.plans().find_map(|p| driver.value(p))
}

/// `at` with `driver` set to `to(its value)` in every month that has it: an analysis moves a
/// driver as a lever added last, from month 1, would.
fn with_driver(at: &Timeline, driver: Driver, to: impl Fn(Decimal) -> Decimal) -> Option<Timeline> {
    let mut out = at.clone();
    out.change(|p| match driver.value(p) {
        Some(v) => driver.set(p, to(v)).map_err(|_| ()),
        None => Ok(()),
    })
    .ok()?;
    Some(out)
}

/// Whether `column` has the same figures in `a` and `b`: the same plan once the column's
/// levers are applied, whatever else changed (the plan's name, ranges, other scenarios). An
/// answer about `column` asked of `a` still holds in `b` exactly when this is true.
pub fn same_figures(a: &Plan, b: &Plan, column: Column) -> bool {
    let bare = |mut t: Timeline| {
        for (_, p) in &mut t.phases {
            p.name = String::new();
            p.ranges = Vec::new();
        }
        t
    };
    match (effective(a, column), effective(b, column)) {
        (Ok(x), Ok(y)) => bare(x) == bare(y),
        _ => false,
    }
}

/// One figure of a plan derived from a valid one; a figure too large to compute is undefined.
fn figure_of(at: &Timeline, metric: Metric) -> Figure {
    match evaluate_timeline(at) {
        Ok(e) => metric.of(&e.metrics),
        Err(_) => Figure::Undefined(Undefined::TooLarge),
    }
}

/// `plan` with its lines merged by category, stage and basis (keeping the lines in `keep`
/// apart, with their ids), for the many evaluations of an analysis. The model sums lines of one
/// category, stage and basis before anything else (`simulate::Budget`), exactly, so every
/// figure is the same; a category change scales a merged line as it would each line. Only the
/// name of the line to blame for a figure too large differs.
fn compact(at: &Timeline, keep: &[LineId]) -> Timeline {
    Timeline {
        phases: at
            .phases
            .iter()
            .map(|(m, p)| (*m, compact_plan(p, keep)))
            .collect(),
    }
}

fn compact_plan(plan: &Plan, keep: &[LineId]) -> Plan {
    let kept = |id: LineId| keep.contains(&id);
    let mut lines: Vec<BudgetLine> = Vec::new();
    for line in &plan.lines {
        if kept(line.id) {
            lines.push(line.clone());
            continue;
        }
        let same = |l: &&mut BudgetLine| {
            !kept(l.id)
                && l.category == line.category
                && l.stage == line.stage
                && l.basis == line.basis
                && l.window() == line.window()
        };
        match lines
            .iter_mut()
            .find(|l| same(l))
            .map(|l| l.amount.checked_add(line.amount).map(|sum| l.amount = sum))
        {
            Some(Some(())) => {}
            // Too large to merge (the plan is then too large to compute anyway): kept apart.
            Some(None) | None => lines.push(BudgetLine {
                name: String::new(),
                ..line.clone()
            }),
        }
    }
    Plan {
        lines,
        ..plan.clone()
    }
}

/// The lines a scenario's levers name (set or removed): they must stay lines of their own.
fn named_lines(scenario: Option<&Scenario>) -> Vec<LineId> {
    scenario
        .map(|s| s.levers.iter().filter_map(|l| l.lever.target()).collect())
        .unwrap_or_default()
}

fn round4(x: Decimal) -> Decimal {
    x.round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
}

// ---------------------------------------------------------------------------------------------
// Sensitivity

/// One driver of a tornado: its value moved down and up, and the figure at each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DriverSwing {
    pub driver: Driver,
    pub value: Decimal,
    pub low_input: Decimal,
    pub high_input: Decimal,
    pub low: Figure,
    pub high: Figure,
}

impl DriverSwing {
    /// |high − low|, when both are defined.
    pub fn spread(&self) -> Option<Decimal> {
        match (self.low, self.high) {
            (Figure::Value(l), Figure::Value(h)) => h.checked_sub(l).map(|d| d.abs()),
            _ => None,
        }
    }
}

/// A tornado: the figure as planned and each driver's swing, widest first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sensitivity {
    pub metric: Metric,
    pub swing_pct: Decimal,
    pub base: Figure,
    pub drivers: Vec<DriverSwing>,
}

/// The smallest and largest swing, in percent.
pub fn swing_bounds() -> (Decimal, Decimal) {
    (Decimal::ONE, Decimal::ONE_HUNDRED)
}

/// `driver`'s value moved by `pct` percent of itself (a category's spend: `pct` percent change),
/// kept within what the driver may take.
fn moved(driver: Driver, value: Decimal, pct: Decimal) -> Decimal {
    let (min, max) = driver.bounds();
    let raw = match driver {
        Driver::Cost(_) | Driver::Seasonality => {
            // value is already a change in percent: (1 + v)(1 + p) − 1.
            let f = (Decimal::ONE + value / Decimal::ONE_HUNDRED)
                * (Decimal::ONE + pct / Decimal::ONE_HUNDRED);
            (f - Decimal::ONE) * Decimal::ONE_HUNDRED
        }
        Driver::Input(_) | Driver::LineAmount(_) => value + value * pct / Decimal::ONE_HUNDRED,
    };
    raw.clamp(min, max).normalize()
}

/// Each driver of `column` moved down and up by `swing_pct` percent of its own value (1–100),
/// one at a time with everything else held, ranked by the spread of `metric`.
///
/// ```
/// use customer_cost_planner::model::{analysis, Column, Example, Lang, Metric};
/// let plan = Example::Starter.plan(Lang::En);
/// let t = analysis::sensitivity(&plan, Column::Baseline, Metric::LtvCac, 10.into()).unwrap();
/// // Revenue per customer and gross margin move LTV:CAC most, and equally (R × g).
/// assert_eq!(t.drivers[0].driver.key(), "revenue_per_customer_month");
/// assert_eq!(t.drivers[0].spread(), t.drivers[1].spread());
/// ```
pub fn sensitivity(
    plan: &Plan,
    column: Column,
    metric: Metric,
    swing_pct: Decimal,
) -> Result<Sensitivity, AnalysisError> {
    let (lo, hi) = swing_bounds();
    if swing_pct < lo || swing_pct > hi || swing_pct.scale() > 4 {
        return Err(AnalysisError::BadSetting);
    }
    let at = effective(plan, column)?;
    let base = figure_of(&at, metric);
    // No driver of a tornado is a single line: every evaluation can use the merged lines.
    let full = at;
    let at = compact(&full, &[]);
    let mut drivers = Vec::new();
    let mut all: Vec<Driver> = Vec::new();
    for p in full.plans() {
        for d in Driver::all_of(p) {
            if !all.contains(&d) {
                all.push(d);
            }
        }
    }
    for driver in all {
        let Some(value) = driver_value(&at, driver) else {
            continue;
        };
        let low_input = moved(driver, value, -swing_pct);
        let high_input = moved(driver, value, swing_pct);
        // Each month's own value moves by the swing (a lever may have changed it from a month).
        let run = |pct: Decimal| match with_driver(&at, driver, |v| moved(driver, v, pct)) {
            Some(p) => figure_of(&p, metric),
            None => Figure::Undefined(Undefined::TooLarge),
        };
        drivers.push(DriverSwing {
            driver,
            value,
            low_input,
            high_input,
            low: run(-swing_pct),
            high: run(swing_pct),
        });
    }
    // Widest first; drivers whose swing is undefined last; ties keep the drivers' order.
    drivers.sort_by(|a, b| match (a.spread(), b.spread()) {
        (Some(x), Some(y)) => y.cmp(&x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    Ok(Sensitivity {
        metric,
        swing_pct,
        base,
        drivers,
    })
}

// ---------------------------------------------------------------------------------------------
// Goal seek

/// Why a goal seek found no value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unreachable {
    /// The figure does not change with this driver.
    NoEffect,
    /// Every value in the driver's valid range leaves the figure on one side of the target.
    OutOfRange,
    /// The figure is undefined for every value tried.
    Undefined,
    /// The figure jumps over the target between two neighbouring values the driver can take
    /// (it moves in steps, like a break-even month).
    Steps,
}

impl Unreachable {
    pub const fn key(self) -> &'static str {
        match self {
            Unreachable::NoEffect => "no_effect",
            Unreachable::OutOfRange => "out_of_range",
            Unreachable::Undefined => "undefined",
            Unreachable::Steps => "steps",
        }
    }
}

/// A goal seek's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Solution {
    /// The driver at `value` gives `metric_value`, within the tolerance of the target.
    Found {
        value: Decimal,
        metric_value: Decimal,
    },
    /// No value in the valid range reaches the target; the closest one found, if any figure
    /// was defined.
    Unreachable {
        reason: Unreachable,
        best: Option<(Decimal, Decimal)>,
    },
}

/// How close a goal seek must come: 0.01 for money, 0.0001 for everything else.
pub fn tolerance(metric: Metric) -> Decimal {
    match metric.unit() {
        Unit::Money => Decimal::new(1, 2),
        Unit::Customers | Unit::Months | Unit::Times | Unit::Share => Decimal::new(1, 4),
    }
}

/// Values are searched on the grid of 4 decimals that every field accepts.
const GRID_SCALE: u32 = 4;

fn grid_value(i: i128) -> Decimal {
    Decimal::from_i128_with_scale(i, GRID_SCALE)
}

fn grid_index(x: Decimal, up: bool) -> i128 {
    let scaled = x * Decimal::new(10_000, 0);
    let r = if up { scaled.ceil() } else { scaled.floor() };
    r.mantissa() / 10_i128.pow(r.scale())
}

/// What `driver` must be in `column` for `metric` to reach `target`, over the driver's valid
/// range, on the grid of 4 decimals its field accepts (finer, up to [`ANSWER_DP`] decimals,
/// when neighbouring values on that grid straddle the target).
///
/// The range is scanned (evenly for a bounded driver, in powers of two and ten around its
/// value for an unbounded one); the bracket nearest the driver's present value is then halved
/// down to two neighbouring grid values, and the closer one is the answer.
///
/// ```
/// use customer_cost_planner::model::{analysis, Column, Driver, Example, Input, Lang, Metric};
/// use analysis::Solution;
/// let plan = Example::Starter.plan(Lang::En);
/// let churn = Driver::Input(Input::ChurnPct);
/// let s = analysis::solve(&plan, Column::Baseline, Metric::LtvCac, 3.into(), churn).unwrap();
/// let Solution::Found { metric_value, .. } = s else { panic!("{s:?}") };
/// assert!((metric_value - rust_decimal::Decimal::from(3)).abs() <= analysis::tolerance(Metric::LtvCac));
/// ```
pub fn solve(
    plan: &Plan,
    column: Column,
    metric: Metric,
    target: Decimal,
    driver: Driver,
) -> Result<Solution, AnalysisError> {
    let seek = Seek::new(plan, column, metric, target, driver)?;
    let flow = (|| {
        let points = seek.points();
        let bracket = match seek.scan(&points)? {
            Scan::Bracket(bracket) => bracket,
            Scan::Missed(scanned) => return Break(seek.unreachable(&scanned)),
        };
        let bracket = seek.narrow(bracket)?;
        Continue(seek.refine(bracket))
    })();
    Ok(match flow {
        Break(solution) | Continue(solution) => solution,
    })
}

/// A point of the scan: a grid index and the figure there.
type Point = (i128, Decimal);

/// Two points whose figures lie on either side of the target, the lower index first.
type Bracket = (Point, Point);

/// A step of a goal seek: `Break` with the answer when it is found early.
type Seeking<T> = ControlFlow<Solution, T>;

/// What the scan found: a bracket, or every point it evaluated when none straddles the target.
enum Scan {
    Bracket(Bracket),
    Missed(Vec<Point>),
}

/// One goal seek: the plan as its column sees it, the driver, and the target it seeks.
struct Seek {
    at: Timeline,
    driver: Driver,
    metric: Metric,
    target: Decimal,
    tol: Decimal,
    /// The driver's bounds on the grid, and its present value there.
    lo: i128,
    hi: i128,
    now: i128,
    bounded: bool,
}

impl Seek {
    fn new(
        plan: &Plan,
        column: Column,
        metric: Metric,
        target: Decimal,
        driver: Driver,
    ) -> Result<Seek, AnalysisError> {
        let at = effective(plan, column)?;
        let Some(current) = driver_value(&at, driver) else {
            return Err(AnalysisError::NoDriver(driver));
        };
        let keep: &[LineId] = match &driver {
            Driver::LineAmount(id) => std::slice::from_ref(id),
            Driver::Input(_) | Driver::Cost(_) | Driver::Seasonality => &[],
        };
        let (min, max) = driver.bounds();
        let (lo, hi) = (grid_index(min, true), grid_index(max, false));
        Ok(Seek {
            at: compact(&at, keep),
            driver,
            metric,
            target,
            tol: tolerance(metric),
            lo,
            hi,
            now: grid_index(current, false).clamp(lo, hi),
            bounded: max <= Decimal::from(1000),
        })
    }

    fn eval_at(&self, x: Decimal) -> Option<Decimal> {
        let p = with_driver(&self.at, self.driver, |_| x)?;
        figure_of(&p, self.metric).value()
    }

    fn eval(&self, i: i128) -> Option<Decimal> {
        self.eval_at(grid_value(i))
    }

    /// A figure may be near the largest decimal (a ratio with a tiny divisor): its distance
    /// to the target saturates rather than overflow.
    fn gap(&self, v: Decimal) -> Decimal {
        v.saturating_sub(self.target).abs()
    }

    fn side(&self, v: Decimal) -> bool {
        v >= self.target
    }

    /// The answer, if the figure at this point is within the tolerance of the target.
    fn hit(&self, (i, v): Point) -> Seeking<()> {
        if self.gap(v) <= self.tol {
            return Break(Solution::Found {
                value: grid_value(i).normalize(),
                metric_value: v,
            });
        }
        Continue(())
    }

    /// The points to scan, as grid indices: outward from the present value at growing steps
    /// (×4 from 1 % of it, or from one percentage point for a category change), and towards
    /// each bound by quarters, which finds targets close to a bound (LTV:CAC with churn near
    /// zero).
    fn points(&self) -> Vec<i128> {
        let (lo, hi, now) = (self.lo, self.hi, self.now);
        let unit = match self.driver {
            Driver::Cost(_) | Driver::Seasonality => 100 * 10_000,
            Driver::Input(_) | Driver::LineAmount(_) => now.abs().max(10_000),
        };
        let mut points = vec![lo, hi, now];
        let mut d = (unit / 100).max(1);
        while d < hi - lo {
            points.extend([now.saturating_add(d), now.saturating_sub(d)]);
            d = d.saturating_mul(4);
        }
        for k in 1..=24 {
            points.push(lo + (now - lo) / 4_i128.pow(k));
            if self.bounded {
                points.push(hi - (hi - now) / 4_i128.pow(k));
            }
        }
        points.retain(|p| (lo..=hi).contains(p));
        points.sort_unstable();
        points.dedup();
        points
    }

    /// Scans the points from the present value: the first step each way says which way the
    /// target lies; that way is scanned first, to its first bracket (the one nearest the
    /// present value), then the other way.
    fn scan(&self, points: &[i128]) -> Seeking<Scan> {
        let now = self.now;
        let start = points.partition_point(|p| *p < now);
        let ups: Vec<i128> = points[start..].iter().copied().skip(1).collect();
        let downs: Vec<i128> = points[..start].iter().rev().copied().collect();
        let mut scanned: Vec<Point> = Vec::new();
        let at_now = self.eval(now).map(|v| (now, v));
        if let Some(p) = at_now {
            self.hit(p)?;
            scanned.push(p);
        }
        let mut first = [None, None];
        for (slot, list) in first.iter_mut().zip([&ups, &downs]) {
            if let Some(&p) = list.first() {
                if let Some(v) = self.eval(p) {
                    self.hit((p, v))?;
                    *slot = Some((p, v));
                }
            }
        }
        let up_first = match (first[0], first[1]) {
            (Some((_, u)), Some((_, dn))) => self.gap(u) <= self.gap(dn),
            (Some(_), None) => true,
            (None, _) => false,
        };
        let order = if up_first {
            [(&ups, first[0]), (&downs, first[1])]
        } else {
            [(&downs, first[1]), (&ups, first[0])]
        };
        for (list, head) in order {
            if let Some(bracket) = self.scan_way(list, head, at_now, &mut scanned)? {
                return Continue(Scan::Bracket(bracket));
            }
        }
        Continue(Scan::Missed(scanned))
    }

    /// Scans one way from the present value (`at_now`) to the first bracket; `head` is the
    /// first point's figure, already evaluated. A point where the figure is undefined breaks
    /// a bracket.
    fn scan_way(
        &self,
        list: &[i128],
        head: Option<Point>,
        at_now: Option<Point>,
        scanned: &mut Vec<Point>,
    ) -> Seeking<Option<Bracket>> {
        let mut last = at_now;
        for (k, &p) in list.iter().enumerate() {
            let v = if k == 0 {
                head.map(|h| h.1)
            } else {
                self.eval(p)
            };
            let Some(v) = v else {
                if let Some(good) = last {
                    if let Some(bracket) = self.to_edge(good, p, scanned)? {
                        return Continue(Some(bracket));
                    }
                }
                last = None;
                continue;
            };
            self.hit((p, v))?;
            scanned.push((p, v));
            if let Some((q, fq)) = last {
                if self.side(fq) != self.side(v) {
                    return Continue(Some(ordered((q, fq), (p, v))));
                }
            }
            last = Some((p, v));
        }
        Continue(None)
    }

    /// The figure stops being defined between `good` and the point `bad` (payback as the
    /// margin vanishes): that edge is approached by halving, since the figure may pass the
    /// target just before it.
    fn to_edge(
        &self,
        (mut good, mut f_good): Point,
        mut bad: i128,
        scanned: &mut Vec<Point>,
    ) -> Seeking<Option<Bracket>> {
        while (bad - good).abs() > 1 {
            let m = good + (bad - good) / 2;
            let Some(fm) = self.eval(m) else {
                bad = m;
                continue;
            };
            self.hit((m, fm))?;
            scanned.push((m, fm));
            if self.side(fm) != self.side(f_good) {
                return Continue(Some(ordered((good, f_good), (m, fm))));
            }
            (good, f_good) = (m, fm);
        }
        Continue(None)
    }

    /// No bracket: the scanned point closest to the target (nearest the present value among
    /// equals), and why it falls short.
    fn unreachable(&self, scanned: &[Point]) -> Solution {
        let now = self.now;
        let best = scanned.iter().copied().min_by(|x, y| {
            self.gap(x.1)
                .cmp(&self.gap(y.1))
                .then((x.0 - now).abs().cmp(&(y.0 - now).abs()))
        });
        let Some(best) = best else {
            return Solution::Unreachable {
                reason: Unreachable::Undefined,
                best: None,
            };
        };
        let reason = if scanned.iter().all(|(_, v)| *v == best.1) {
            Unreachable::NoEffect
        } else {
            Unreachable::OutOfRange
        };
        Solution::Unreachable {
            reason,
            best: Some((grid_value(best.0).normalize(), best.1)),
        }
    }

    /// Narrows a bracket to two neighbouring grid values by the Illinois method (regula falsi
    /// that halves the weight of an end kept twice; Dowell & Jarratt 1971), with a plain
    /// halving every third step so a flat stretch cannot stall it.
    fn narrow(&self, ((mut a, mut fa), (mut b, mut fb)): Bracket) -> Seeking<Bracket> {
        let mut weights = Illinois::new(fa, fb, self.target);
        let mut step = 0_u32;
        while b - a > 1 {
            step += 1;
            let halve = a + (b - a) / 2;
            let m = if step.is_multiple_of(3) {
                halve
            } else {
                let t = weights.fraction().unwrap_or(Decimal::new(5, 1));
                Decimal::from_i128_with_scale(b - a, 0)
                    .checked_mul(t)
                    .map(|x| x.round().mantissa() / 10_i128.pow(x.round().scale()))
                    .map_or(halve, |d| a + d)
            }
            .clamp(a + 1, b - 1);
            let Some(fm) = self.eval(m) else {
                break;
            };
            self.hit((m, fm))?;
            if self.side(fm) == self.side(fa) {
                (a, fa) = (m, fm);
                weights.replace_low(fm);
            } else {
                (b, fb) = (m, fm);
                weights.replace_high(fm);
            }
        }
        let closer = if self.gap(fa) <= self.gap(fb) {
            (a, fa)
        } else {
            (b, fb)
        };
        self.hit(closer)?;
        Continue(((a, fa), (b, fb)))
    }

    /// Two neighbouring values of the grid straddle the target: for an input, finer values
    /// than a field takes (up to ANSWER_DP decimals, what a "set" lever keeps) may reach it,
    /// unless the figure itself moves in steps. A category change or a line amount stays on
    /// the grid of its lever. Illinois steps again, between the two grid values, every third a
    /// halving.
    fn refine(&self, ((a, mut fa), (b, fb)): Bracket) -> Solution {
        let (mut xa, mut xb) = (grid_value(a), grid_value(b));
        let mut best = if self.gap(fa) <= self.gap(fb) {
            (xa, fa)
        } else {
            (xb, fb)
        };
        let refine: u32 = if matches!(self.driver, Driver::Input(_)) {
            64
        } else {
            0
        };
        let mut weights = Illinois::new(fa, fb, self.target);
        let snap = |x: Decimal| {
            x.round_dp_with_strategy(ANSWER_DP, RoundingStrategy::MidpointAwayFromZero)
        };
        for step in 1..=refine {
            let halve = snap((xa + xb) / Decimal::TWO);
            let xm = if step.is_multiple_of(3) {
                halve
            } else {
                weights
                    .fraction()
                    .and_then(|t| (xb - xa).checked_mul(t))
                    .map_or(halve, |d| snap(xa + d))
            };
            let xm = if xm > xa && xm < xb { xm } else { halve };
            if xm == xa || xm == xb {
                break;
            }
            let Some(fm) = self.eval_at(xm) else {
                break;
            };
            if self.gap(fm) < self.gap(best.1) {
                best = (xm, fm);
            }
            if self.gap(fm) <= self.tol {
                return Solution::Found {
                    value: xm.normalize(),
                    metric_value: fm,
                };
            }
            if self.side(fm) == self.side(fa) {
                (xa, fa) = (xm, fm);
                weights.replace_low(fm);
            } else {
                xb = xm;
                weights.replace_high(fm);
            }
        }
        Solution::Unreachable {
            reason: Unreachable::Steps,
            best: Some((best.0.normalize(), best.1)),
        }
    }
}

/// Two points in the order of their grid indices.
fn ordered(p: Point, q: Point) -> Bracket {
    if p.0 < q.0 {
        (p, q)
    } else {
        (q, p)
    }
}

/// The Illinois method's weights at the two ends of a bracket (Dowell & Jarratt 1971): the
/// figure's distance from the target at each end, halved at an end kept twice in a row, so
/// the false position cannot stall on one side.
struct Illinois {
    target: Decimal,
    low: Decimal,
    high: Decimal,
    /// Which end the last step kept: `Some(true)` the low one.
    kept_low: Option<bool>,
}

impl Illinois {
    fn new(f_low: Decimal, f_high: Decimal, target: Decimal) -> Illinois {
        Illinois {
            target,
            low: f_low.saturating_sub(target),
            high: f_high.saturating_sub(target),
            kept_low: None,
        }
    }

    /// How far from the low end to the high end the secant meets the target (0–1), unless
    /// the weights are too large to divide.
    fn fraction(&self) -> Option<Decimal> {
        self.low.checked_div(self.low.saturating_sub(self.high))
    }

    /// The low end moved to a point with figure `f`; the high end is kept.
    fn replace_low(&mut self, f: Decimal) {
        self.low = f.saturating_sub(self.target);
        if self.kept_low == Some(false) {
            self.high /= Decimal::TWO;
        }
        self.kept_low = Some(false);
    }

    /// The high end moved to a point with figure `f`; the low end is kept.
    fn replace_high(&mut self, f: Decimal) {
        self.high = f.saturating_sub(self.target);
        if self.kept_low == Some(true) {
            self.low /= Decimal::TWO;
        }
        self.kept_low = Some(true);
    }
}

/// The most decimals a goal seek's answer has: the 4 a field takes, refined up to this when
/// a figure is so sensitive that neighbouring 4-decimal values straddle the target.
pub const ANSWER_DP: u32 = 12;

/// The lever that puts a goal seek's answer into a scenario: a "set" lever for an input, a
/// category change for a category, a line amount for a line.
pub fn answer_lever(driver: Driver, value: Decimal) -> Lever {
    match driver {
        Driver::Input(input) => Lever::Set { input, value },
        Driver::Cost(category) => Lever::CategorySpend {
            category,
            pct: value,
        },
        Driver::LineAmount(line) => Lever::LineAmount {
            line,
            amount: value,
        },
        Driver::Seasonality => Lever::Seasonality { pct: value },
    }
}

/// The answer as its lever's field takes it: a goal seek refined past the field's 4 decimals
/// (see [`solve`]) becomes the neighbouring 4-decimal value on the target's better side, so the
/// scenario made from it shows a value a person can read and edit and still reaches the target
/// (LTV:CAC at least 3, a payback at most 12 months). An answer on the grid is kept as it is.
///
/// ```
/// use customer_cost_planner::model::{analysis, Column, Driver, Example, Input, Lang, Metric};
/// use rust_decimal::Decimal;
/// let plan = Example::Starter.plan(Lang::En);
/// let revenue = Driver::Input(Input::RevenuePerCustomerMonth);
/// // Net contribution 0 at a revenue of ¥90.865138378755: ¥90.8652 reaches it, ¥90.8651 not.
/// let exact: Decimal = "90.865138378755".parse().unwrap();
/// let v = analysis::field_value(&plan, Column::Baseline, Metric::NetContribution, 0.into(), revenue, exact);
/// assert_eq!(v, "90.8652".parse::<Decimal>().unwrap());
/// ```
pub fn field_value(
    plan: &Plan,
    column: Column,
    metric: Metric,
    target: Decimal,
    driver: Driver,
    value: Decimal,
) -> Decimal {
    if value.normalize().scale() <= GRID_SCALE {
        return value;
    }
    let down = value.round_dp_with_strategy(GRID_SCALE, RoundingStrategy::ToNegativeInfinity);
    let up = value.round_dp_with_strategy(GRID_SCALE, RoundingStrategy::ToPositiveInfinity);
    let Ok(at) = effective(plan, column) else {
        return down;
    };
    let figure = |x: Decimal| {
        let p = with_driver(&at, driver, |_| x)?;
        figure_of(&p, metric).value()
    };
    let reaches = |f: Decimal| match metric.better() {
        Better::Higher => f >= target,
        Better::Lower => f <= target,
    };
    let gap = |f: Option<Decimal>| f.map(|f| f.saturating_sub(target).abs());
    match (figure(down), figure(up)) {
        (Some(fd), Some(fu)) if reaches(fd) != reaches(fu) => {
            if reaches(fd) {
                down
            } else {
                up
            }
        }
        (fd, fu) => match (gap(fd), gap(fu)) {
            (Some(a), Some(b)) if b < a => up,
            (None, Some(_)) => up,
            _ => down,
        },
    }
    .normalize()
}

/// A new scenario (id `id`, named `name`) that is `column` with the answer applied last: its
/// figures are the ones the goal seek found.
pub fn answer_scenario(
    plan: &Plan,
    column: Column,
    driver: Driver,
    value: Decimal,
    id: ScenarioId,
    name: String,
) -> Scenario {
    let mut levers = match column {
        Column::Baseline => Vec::new(),
        Column::Scenario(s) => plan
            .scenario(s)
            .map(|s| s.levers.clone())
            .unwrap_or_default(),
    };
    levers.push(answer_lever(driver, value).into());
    Scenario {
        id,
        name,
        preset: None,
        levers,
    }
}

// ---------------------------------------------------------------------------------------------
// Ranges (Monte Carlo)

/// SplitMix64 (Steele, Lea & Flood 2014): a small, fast generator whose sequence is the same on
/// every platform, so a seed gives the same draws in the browser and the command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform draw in [0, 1) with 53 bits, as an exact decimal.
    pub fn unit(&mut self) -> Decimal {
        let bits = self.next_u64() >> 11;
        Decimal::from(bits) / Decimal::from(1_u64 << 53)
    }

    /// A uniform integer below `n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        // Widening multiply: no modulo bias worth the name for the small n used here.
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }
}

/// √y for 0 ≤ y ≤ 1 by Newton's method, to the precision of a decimal.
fn sqrt_unit(y: Decimal) -> Decimal {
    if y <= Decimal::ZERO {
        return Decimal::ZERO;
    }
    let two = Decimal::TWO;
    let mut x = Decimal::ONE;
    for _ in 0..200 {
        let next = (x + y / x) / two;
        if next == x {
            break;
        }
        x = next;
    }
    x
}

/// The inverse of the triangular distribution's CDF at `u` ∈ [0, 1): low `a`, mode `c`, high
/// `b`, on the 4-decimal grid.
///
/// ```
/// use customer_cost_planner::model::analysis::triangular;
/// use rust_decimal::Decimal;
/// let (a, c, b) = (Decimal::from(2), Decimal::from(5), Decimal::from(8));
/// assert_eq!(triangular(Decimal::ZERO, a, c, b), a);
/// assert_eq!(triangular(Decimal::new(5, 1), a, c, b), c); // symmetric: median = mode
/// ```
pub fn triangular(u: Decimal, a: Decimal, c: Decimal, b: Decimal) -> Decimal {
    let width = b - a;
    if width <= Decimal::ZERO {
        return a;
    }
    let fc = (c - a) / width;
    let x = if u < fc {
        a + width * sqrt_unit(u * fc)
    } else {
        b - width * sqrt_unit((Decimal::ONE - u) * (Decimal::ONE - fc))
    };
    round4(x.clamp(a, b))
}

/// The largest number of draws.
pub const MAX_RUNS: usize = 10_000;
/// The number of draws unless another is asked for.
pub const DEFAULT_RUNS: usize = 1_000;

/// The 10th, 50th and 90th percentiles of one figure over the draws.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Percentiles {
    pub p10: Figure,
    pub p50: Figure,
    pub p90: Figure,
    /// Draws in which the figure was undefined (left out of the percentiles).
    pub undefined: usize,
}

/// The nearest-rank percentile `p` of sorted values.
fn nearest_rank(sorted: &[Decimal], p: u32) -> Option<Decimal> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let rank = (usize::try_from(p).unwrap_or(100) * n).div_ceil(100).max(1);
    sorted.get(rank - 1).copied()
}

fn percentiles(values: &[Figure]) -> Percentiles {
    let mut defined: Vec<Decimal> = values.iter().filter_map(|f| f.value()).collect();
    defined.sort_unstable();
    let undefined = values.len() - defined.len();
    // When no draw has a value, the reason most draws gave.
    let reason = || {
        let mut counts: Vec<(Undefined, usize)> = Vec::new();
        for u in values.iter().filter_map(|f| f.undefined()) {
            match counts.iter_mut().find(|(r, _)| *r == u) {
                Some((_, n)) => *n += 1,
                None => counts.push((u, 1)),
            }
        }
        counts
            .into_iter()
            .max_by_key(|(_, n)| *n)
            .map_or(Undefined::TooLarge, |(u, _)| u)
    };
    let at =
        |p| nearest_rank(&defined, p).map_or_else(|| Figure::Undefined(reason()), Figure::Value);
    Percentiles {
        p10: at(10),
        p50: at(50),
        p90: at(90),
        undefined,
    }
}

/// What a Monte Carlo run reports: percentiles of each headline figure and, month by month,
/// of cumulative net contribution (the fan chart).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RangeSummary {
    pub runs: usize,
    pub seed: u64,
    pub metrics: Vec<(Metric, Percentiles)>,
    /// Month m (1-based) at index m − 1: P10, P50, P90 of cumulative net contribution.
    pub fan: Vec<[Decimal; 3]>,
}

/// The figures a Monte Carlo run summarises.
pub const RANGE_METRICS: [Metric; 9] = [
    Metric::TotalCost,
    Metric::Cac,
    Metric::CostToServe,
    Metric::ClvNet,
    Metric::LtvCac,
    Metric::PaybackMonths,
    Metric::EndCustomers,
    Metric::NetContribution,
    Metric::Npv,
];

/// A seeded Monte Carlo run that can be advanced a few draws at a time (so a page stays
/// responsive) and stopped at any point.
#[derive(Clone, Debug)]
pub struct MonteCarlo {
    plan: Plan,
    scenario: Option<Scenario>,
    /// Each uncertain driver: low, most likely (the plan's value), high.
    ranges: Vec<(Driver, Decimal, Decimal, Decimal)>,
    rng: Rng,
    seed: u64,
    runs: usize,
    figures: Vec<Vec<Figure>>,
    cumulative: Vec<Vec<Decimal>>,
    done: usize,
}

impl MonteCarlo {
    /// A run of `runs` draws (1 to [`MAX_RUNS`]) of `plan`'s ranges, seen by `column`.
    /// A range that does not contain the plan's own value is widened to contain it.
    pub fn new(
        plan: &Plan,
        column: Column,
        runs: usize,
        seed: u64,
    ) -> Result<MonteCarlo, AnalysisError> {
        if runs == 0 || runs > MAX_RUNS {
            return Err(AnalysisError::BadSetting);
        }
        let base = effective(plan, Column::Baseline)?.phases.remove(0).1;
        let scenario = match column {
            Column::Baseline => None,
            Column::Scenario(id) => Some(
                plan.scenario(id)
                    .cloned()
                    .ok_or(AnalysisError::NoScenario(id))?,
            ),
        };
        let mut ranges = Vec::new();
        for r in &plan.ranges {
            let Some(mode) = r.driver.value(&base) else {
                continue;
            };
            ranges.push((r.driver, r.low.min(mode), mode, r.high.max(mode)));
        }
        let months = usize::from(base.horizon_months);
        let mut keep = named_lines(scenario.as_ref());
        keep.extend(ranges.iter().filter_map(|(d, ..)| match d {
            Driver::LineAmount(id) => Some(*id),
            Driver::Input(_) | Driver::Cost(_) | Driver::Seasonality => None,
        }));
        Ok(MonteCarlo {
            plan: compact_plan(&base, &keep),
            scenario,
            ranges,
            rng: Rng::new(seed),
            seed,
            runs,
            figures: vec![Vec::with_capacity(runs); RANGE_METRICS.len()],
            cumulative: vec![Vec::with_capacity(runs); months],
            done: 0,
        })
    }

    pub fn runs(&self) -> usize {
        self.runs
    }

    pub fn done(&self) -> usize {
        self.done
    }

    pub fn finished(&self) -> bool {
        self.done >= self.runs
    }

    /// Makes up to `n` more draws.
    pub fn step(&mut self, n: usize) {
        for _ in 0..n.min(self.runs - self.done) {
            let mut p = self.plan.clone();
            for &(driver, a, c, b) in &self.ranges {
                let x = triangular(self.rng.unit(), a, c, b);
                // The drawn value stays on the driver's grid and range; setting it cannot fail
                // for an input or a line, and a category's factor is at most 11.
                let _ = driver.set(&mut p, x);
            }
            let seen = match &self.scenario {
                None => Ok(Timeline::baseline(&p)),
                Some(s) => Timeline::of(&p, s),
            };
            match seen.and_then(|t| evaluate_timeline(&t)) {
                Ok(e) => {
                    for (slot, m) in self.figures.iter_mut().zip(RANGE_METRICS) {
                        slot.push(m.of(&e.metrics));
                    }
                    for (slot, month) in self.cumulative.iter_mut().zip(&e.projection.months) {
                        slot.push(month.cumulative_net_contribution);
                    }
                }
                Err(_) => {
                    for slot in &mut self.figures {
                        slot.push(Figure::Undefined(Undefined::TooLarge));
                    }
                }
            }
            self.done += 1;
        }
    }

    /// The percentiles of the draws made so far.
    pub fn summary(&self) -> RangeSummary {
        let metrics = RANGE_METRICS
            .into_iter()
            .zip(&self.figures)
            .map(|(m, values)| (m, percentiles(values)))
            .collect();
        let fan = self
            .cumulative
            .iter()
            .map(|values| {
                let mut sorted = values.clone();
                sorted.sort_unstable();
                let at = |p| nearest_rank(&sorted, p).unwrap_or(Decimal::ZERO);
                [at(10), at(50), at(90)]
            })
            .collect();
        RangeSummary {
            runs: self.done,
            seed: self.seed,
            metrics,
            fan,
        }
    }
}

/// A whole Monte Carlo run at once (what `ccp ranges` prints).
pub fn ranges(
    plan: &Plan,
    column: Column,
    runs: usize,
    seed: u64,
) -> Result<RangeSummary, AnalysisError> {
    let mut mc = MonteCarlo::new(plan, column, runs, seed)?;
    mc.step(runs);
    Ok(mc.summary())
}

// ---------------------------------------------------------------------------------------------
// Attribution (Shapley values)

/// One lever's share of a scenario's change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeverShare {
    pub index: usize,
    pub kind: LeverKind,
    pub share: Decimal,
}

/// A scenario's change in one figure, split between its levers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    pub metric: Metric,
    /// The baseline's figure and the scenario's, rounded to [`SHARE_DP`] decimals.
    pub base: Decimal,
    pub value: Decimal,
    /// value − base = Σ shares, exactly.
    pub total: Decimal,
    pub levers: Vec<LeverShare>,
    /// Exact Shapley values (up to [`EXACT_LEVERS`] levers), or an average over
    /// [`SAMPLED_ORDERS`] orders drawn with a fixed seed.
    pub exact: bool,
}

fn too_large() -> AnalysisError {
    AnalysisError::Model(ModelError::TooLarge {
        field: super::error::Field::Scenarios,
    })
}

/// Up to this many levers, every subset is evaluated.
pub const EXACT_LEVERS: usize = 8;
/// Above [`EXACT_LEVERS`], the number of lever orders sampled.
pub const SAMPLED_ORDERS: usize = 250;
/// Decimals a share is rounded to; the remainder goes to the largest share.
pub const SHARE_DP: u32 = 10;
/// The seed of the sampled orders.
pub const ATTRIBUTION_SEED: u64 = 1;

/// Most levers an attribution splits a change between: above [`EXACT_LEVERS`] it costs
/// [`SAMPLED_ORDERS`] × levers evaluations, each applying every lever (50 levers: 12,500).
pub const MAX_ATTRIBUTED_LEVERS: usize = 50;

/// Each lever's share of the change in `metric` from the baseline to scenario `id`: its
/// Shapley value, where a set of levers is worth the figure of the baseline with those levers
/// applied (in the scenario's order). The shares sum exactly to the total change, do not depend
/// on which lever is listed first, and a single lever's share is the whole change. All at once;
/// the page runs the same computation in slices ([`Attributor`]).
///
/// ```
/// use customer_cost_planner::model::{analysis, Example, Lang, Metric};
/// let plan = Example::Starter.plan(Lang::En);
/// let s = &plan.scenarios[0];
/// let a = analysis::attribute(&plan, s.id, Metric::NetContribution).unwrap();
/// let sum: rust_decimal::Decimal = a.levers.iter().map(|l| l.share).sum();
/// assert_eq!(sum, a.total);
/// ```
pub fn attribute(
    plan: &Plan,
    id: ScenarioId,
    metric: Metric,
) -> Result<Attribution, AnalysisError> {
    let mut a = Attributor::new(plan, id, metric)?;
    while !a.finished() {
        a.step(256);
    }
    a.result()
}

/// Where a sampled attribution is: the order being walked and how far along it.
#[derive(Clone, Debug)]
struct Walk {
    rng: Rng,
    order: Vec<usize>,
    present: Vec<bool>,
    /// Position in `order`; `n` means the next order must be drawn.
    at: usize,
    before: Decimal,
    orders_done: usize,
    sums: Vec<Decimal>,
}

/// An attribution computed a few evaluations at a time ([`Attributor::step`]), so the page can
/// paint, show progress and cancel between slices; [`attribute`] runs it to the end. The
/// result is the same however the steps are cut.
#[derive(Clone, Debug)]
pub struct Attributor {
    base_plan: Plan,
    scenario: Scenario,
    metric: Metric,
    /// The baseline's figure and the scenario's, once evaluated (the first two steps).
    base: Option<Decimal>,
    value: Option<Decimal>,
    /// Exact: the figure of each subset (by bit mask) computed so far.
    values: Vec<Decimal>,
    walk: Option<Walk>,
    done: usize,
    total: usize,
    error: Option<AnalysisError>,
}

impl Attributor {
    /// Starts an attribution (nothing is evaluated yet: the two ends are the first steps);
    /// refused for the baseline, a scenario with no levers or more than
    /// [`MAX_ATTRIBUTED_LEVERS`]. An undefined end is the result's error.
    pub fn new(plan: &Plan, id: ScenarioId, metric: Metric) -> Result<Attributor, AnalysisError> {
        let base_plan = effective(plan, Column::Baseline)?;
        let scenario = plan.scenario(id).ok_or(AnalysisError::NoScenario(id))?;
        let n = scenario.levers.len();
        if n == 0 {
            return Err(AnalysisError::NoLevers);
        }
        if n > MAX_ATTRIBUTED_LEVERS {
            return Err(AnalysisError::TooManyLevers { levers: n });
        }
        let base_plan = compact_plan(base_plan.first(), &named_lines(Some(scenario)));
        let mut a = Attributor {
            base_plan,
            scenario: scenario.clone(),
            metric,
            base: None,
            value: None,
            values: Vec::new(),
            walk: None,
            done: 0,
            total: 0,
            error: None,
        };
        if n <= EXACT_LEVERS {
            a.total = 2 + (1 << n);
        } else {
            a.total = 2 + SAMPLED_ORDERS * n;
            a.walk = Some(Walk {
                rng: Rng::new(ATTRIBUTION_SEED),
                order: (0..n).collect(),
                present: vec![false; n],
                at: n,
                before: Decimal::ZERO,
                orders_done: 0,
                sums: vec![Decimal::ZERO; n],
            });
        }
        Ok(a)
    }

    /// The figure with the levers whose indices are listed (kept in the scenario's order).
    fn worth(&self, indices: &mut dyn Iterator<Item = usize>) -> Result<Decimal, AnalysisError> {
        let subset = Scenario {
            levers: indices.map(|i| self.scenario.levers[i].clone()).collect(),
            ..self.scenario.clone()
        };
        let p = Timeline::of(&self.base_plan, &subset)?;
        match figure_of(&p, self.metric) {
            Figure::Value(v) => Ok(v),
            Figure::Undefined(u) => Err(AnalysisError::Undefined(u)),
        }
    }

    /// Evaluations made and to be made in all.
    pub fn progress(&self) -> (usize, usize) {
        (self.done, self.total)
    }

    pub fn finished(&self) -> bool {
        self.done >= self.total || self.error.is_some()
    }

    /// Whether the shares are exact (up to [`EXACT_LEVERS`] levers) or sampled.
    pub fn exact(&self) -> bool {
        self.walk.is_none()
    }

    /// Makes up to `evaluations` more evaluations.
    pub fn step(&mut self, evaluations: usize) {
        for _ in 0..evaluations {
            if self.finished() {
                return;
            }
            if let Err(e) = self.one() {
                self.error = Some(e);
            }
        }
    }

    fn one(&mut self) -> Result<(), AnalysisError> {
        let n = self.scenario.levers.len();
        // The two ends first.
        if self.base.is_none() {
            self.base = Some(self.worth(&mut std::iter::empty())?);
            self.done += 1;
            return Ok(());
        }
        if self.value.is_none() {
            self.value = Some(self.worth(&mut (0..n))?);
            self.done += 1;
            return Ok(());
        }
        let base = self.base.unwrap_or_default();
        let Some(mut walk) = self.walk.take() else {
            let mask = self.values.len();
            let v = self.worth(&mut (0..n).filter(|i| mask & (1 << i) != 0))?;
            self.values.push(v);
            self.done += 1;
            return Ok(());
        };
        if walk.at == n {
            // Fisher–Yates, a new order.
            for i in (1..n).rev() {
                walk.order.swap(i, walk.rng.below(i + 1));
            }
            walk.present = vec![false; n];
            walk.before = base;
            walk.at = 0;
        }
        let i = walk.order[walk.at];
        walk.present[i] = true;
        let present = walk.present.clone();
        let result = self.worth(&mut (0..n).filter(|j| present[*j]));
        let after = match result {
            Ok(v) => v,
            Err(e) => {
                self.walk = Some(walk);
                return Err(e);
            }
        };
        let sum = after
            .checked_sub(walk.before)
            .and_then(|g| walk.sums[i].checked_add(g))
            .ok_or_else(too_large);
        walk.before = after;
        walk.at += 1;
        if walk.at == n {
            walk.orders_done += 1;
        }
        self.walk = Some(walk);
        self.done += 1;
        if let (Ok(v), Some(w)) = (&sum, self.walk.as_mut()) {
            w.sums[i] = *v;
        }
        sum.map(|_| ())
    }

    /// The attribution, once [`Attributor::finished`] (or why there is none).
    pub fn result(self) -> Result<Attribution, AnalysisError> {
        if let Some(e) = self.error {
            return Err(e);
        }
        if !self.finished() {
            return Err(AnalysisError::BadSetting);
        }
        let n = self.scenario.levers.len();
        // The two ends on the shares' grid: a ratio's 28 digits leave no room to add a
        // remainder to a share exactly, and 10 decimals are far below anything shown.
        let on_grid =
            |x: Decimal| x.round_dp_with_strategy(SHARE_DP, RoundingStrategy::MidpointNearestEven);
        let (Some(base), Some(value)) = (self.base, self.value) else {
            return Err(AnalysisError::BadSetting);
        };
        let total = on_grid(value)
            .checked_sub(on_grid(base))
            .ok_or_else(too_large)?;
        let raw: Vec<Decimal> = match &self.walk {
            None => {
                let v = &self.values;
                let fact = |k: usize| (1..=k).product::<usize>();
                let n_fact = Decimal::from(fact(n));
                let mut shares = Vec::with_capacity(n);
                for i in 0..n {
                    let mut sum = Decimal::ZERO;
                    for mask in (0..v.len()).filter(|m| m & (1 << i) == 0) {
                        let s = mask.count_ones() as usize;
                        let weight = Decimal::from(fact(s) * fact(n - 1 - s));
                        let gain = v[mask | (1 << i)]
                            .checked_sub(v[mask])
                            .ok_or_else(too_large)?;
                        sum = gain
                            .checked_mul(weight)
                            .and_then(|g| sum.checked_add(g))
                            .ok_or_else(too_large)?;
                    }
                    shares.push(sum.checked_div(n_fact).ok_or_else(too_large)?);
                }
                shares
            }
            Some(walk) => {
                let orders = Decimal::from(SAMPLED_ORDERS);
                walk.sums
                    .iter()
                    .map(|s| s.checked_div(orders).ok_or_else(too_large))
                    .collect::<Result<_, _>>()?
            }
        };
        let exact = self.walk.is_none();
        let scenario = &self.scenario;
        let metric = self.metric;
        // Rounded, with the remainder on the largest share, so they sum to the total exactly.
        let mut shares: Vec<Decimal> = raw
            .iter()
            .map(|s| s.round_dp_with_strategy(SHARE_DP, RoundingStrategy::MidpointNearestEven))
            .collect();
        let sum = shares
            .iter()
            .try_fold(Decimal::ZERO, |acc, s| acc.checked_add(*s))
            .ok_or_else(too_large)?;
        let remainder = total.checked_sub(sum).ok_or_else(too_large)?;
        if let Some(largest) =
            (0..n).max_by(|a, b| shares[*a].abs().cmp(&shares[*b].abs()).then(b.cmp(a)))
        {
            shares[largest] = shares[largest]
                .checked_add(remainder)
                .ok_or_else(too_large)?;
        }
        Ok(Attribution {
            metric,
            base: on_grid(base).normalize(),
            value: on_grid(value).normalize(),
            total: total.normalize(),
            levers: shares
                .into_iter()
                .enumerate()
                .map(|(index, share)| LeverShare {
                    index,
                    kind: scenario.levers[index].lever.kind(),
                    share: share.normalize(),
                })
                .collect(),
            exact,
        })
    }
}
