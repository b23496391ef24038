//! How numbers look on the page, in charts and in exported text. Pure, tested natively.
//!
//! Display rounding is half away from zero (四舍五入, what accountants expect), not the banker's
//! rounding of `round_dp`. The model's exact values stay in `data-value` attributes.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::model::{Figure, Lang, Metric, Undefined, Unit};

/// `x` rounded half away from zero to `dp` decimals.
pub fn round(x: Decimal, dp: u32) -> Decimal {
    x.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

/// `x` with thousands separators and exactly `dp` decimals: `1234567.891` → `1,234,567.89`.
///
/// ```
/// use customer_cost_planner::format::grouped;
/// use rust_decimal::Decimal;
/// assert_eq!(grouped(Decimal::new(-12345675, 3), 2), "-12,345.68");
/// ```
pub fn grouped(x: Decimal, dp: u32) -> String {
    let mut r = round(x, dp);
    r.rescale(dp);
    let text = r.abs().to_string();
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i.to_owned(), Some(f.to_owned())),
        None => (text, None),
    };
    let mut out = String::with_capacity(int.len() + int.len() / 3 + 4);
    if r.is_sign_negative() && !r.is_zero() {
        out.push('-');
    }
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(&f);
    }
    out
}

/// Like [`grouped`] but drops trailing zeros of the fraction: `1,459.6`, `1,200`.
pub fn grouped_trim(x: Decimal, max_dp: u32) -> String {
    let r = round(x, max_dp).normalize();
    grouped(r, r.scale().min(max_dp))
}

/// The symbol written before an amount in `currency`, and the decimals it uses.
pub fn currency_symbol(currency: &str) -> (&str, u32) {
    match currency {
        "CNY" => ("¥", 2),
        "JPY" => ("¥", 0),
        "USD" => ("$", 2),
        "EUR" => ("€", 2),
        "GBP" => ("£", 2),
        "HKD" => ("HK$", 2),
        "TWD" => ("NT$", 2),
        "KRW" => ("₩", 0),
        "SGD" => ("S$", 2),
        _ => (currency, 2),
    }
}

/// An amount of money: `¥1,234.56`, `-$12.00`, `CHF 5.00`.
pub fn money(x: Decimal, currency: &str) -> String {
    let (symbol, dp) = currency_symbol(currency);
    let digits = grouped(x.abs(), dp);
    let sign = if round(x, dp).is_sign_negative() && !round(x, dp).is_zero() {
        "-"
    } else {
        ""
    };
    if symbol.chars().all(|c| c.is_ascii_uppercase()) {
        format!("{sign}{symbol} {digits}")
    } else {
        format!("{sign}{symbol}{digits}")
    }
}

/// A short label for chart axes: `120万`, `1.2亿` in Chinese; `120k`, `1.2M` in English.
///
/// ```
/// use customer_cost_planner::{format::compact, model::Lang};
/// use rust_decimal::Decimal;
/// assert_eq!(compact(Decimal::from(1_200_000), Lang::Zh), "120万");
/// assert_eq!(compact(Decimal::from(1_200_000), Lang::En), "1.2M");
/// ```
pub fn compact(x: Decimal, lang: Lang) -> String {
    let steps: &[(i64, &str)] = match lang {
        Lang::Zh => &[
            (1_000_000_000_000, "万亿"),
            (100_000_000, "亿"),
            (10_000, "万"),
        ],
        Lang::En => &[
            (1_000_000_000_000, "T"),
            (1_000_000_000, "B"),
            (1_000_000, "M"),
            (1_000, "k"),
        ],
    };
    let abs = x.abs();
    for (factor, suffix) in steps {
        let f = Decimal::from(*factor);
        if abs >= f {
            let scaled = x.checked_div(f).unwrap_or_default();
            let dp = if scaled.abs() >= Decimal::from(100) {
                0
            } else {
                1
            };
            return format!("{}{suffix}", grouped_trim(scaled, dp));
        }
    }
    grouped_trim(x, if abs >= Decimal::from(100) { 0 } else { 2 })
}

/// A percentage change with its sign: `+12.5%`, `-3%`.
pub fn signed_pct(x: Decimal) -> String {
    let sign = if x > Decimal::ZERO { "+" } else { "" };
    if !x.is_zero() && round(x, 2).is_zero() {
        let sign = if x.is_sign_negative() { "-" } else { "+" };
        return format!("{sign}<0.01%");
    }
    format!("{sign}{}%", grouped_trim(x, 2))
}

/// A fraction as percentage points: 0.2726 → 27.26.
fn percent_of(x: Decimal) -> Decimal {
    x.checked_mul(Decimal::ONE_HUNDRED).unwrap_or(x)
}

/// A figure as shown in tables and cards, in the plan's currency.
pub fn figure(metric: Metric, f: Figure, currency: &str, lang: Lang) -> String {
    match f {
        Figure::Undefined(u) => undefined(u, lang),
        Figure::Value(v) => value(metric.unit(), metric, v, currency, lang),
    }
}

/// The text shown in place of an undefined figure.
pub fn undefined(u: Undefined, lang: Lang) -> String {
    format!("— {}", undefined_reason(u, lang))
}

/// Why a figure is undefined, in a few words.
pub fn undefined_reason(u: Undefined, lang: Lang) -> &'static str {
    match u {
        Undefined::NoNewCustomers => lang.pick("无新增客户", "no new customers"),
        Undefined::NoCustomers => lang.pick("无活跃客户", "no active customers"),
        Undefined::NoChurnNoDiscount => {
            lang.pick("零流失且不折现：无上限", "no churn, no discount: unbounded")
        }
        Undefined::NeverPaysBack => lang.pick("永远无法回本", "never pays back"),
        Undefined::NoAcquisitionCost => lang.pick("获客成本为零", "no acquisition cost"),
        Undefined::NoRevenue => lang.pick("无收入", "no revenue"),
        Undefined::NoServeCost => lang.pick("无服务成本", "no serve cost"),
        Undefined::NotWithinHorizon => lang.pick("规划期内未回本", "not within the horizon"),
        Undefined::TooLarge => lang.pick("数值过大，无法精确计算", "too large to compute exactly"),
    }
}

/// A calendar month, 1–12, short: "3月", "Mar".
pub fn calendar_month(m: u8, lang: Lang) -> String {
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    match lang {
        Lang::Zh => format!("{m}月"),
        Lang::En => EN[usize::from(m.clamp(1, 12) - 1)].to_owned(),
    }
}

/// A month number ("month 3") and a number of months ("4.1 months").
pub fn month_number(n: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("第 {n} 个月"),
        Lang::En => format!("month {n}"),
    }
}

pub fn months(n: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{n} 个月"),
        Lang::En => format!("{n} months"),
    }
}

/// A number of months where space is short (a difference in a table cell).
pub fn months_short(n: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{n} 个月"),
        Lang::En => format!("{n} mo"),
    }
}

/// A defined value of `metric`.
pub fn value(unit: Unit, metric: Metric, v: Decimal, currency: &str, lang: Lang) -> String {
    match unit {
        Unit::Money => money(v, currency),
        Unit::Customers => customers(v),
        Unit::Times => format!("{}×", grouped(v, 2)),
        Unit::Share => format!("{}%", grouped(percent_of(v), 2)),
        Unit::Months if metric == Metric::BreakEvenMonth => month_number(&grouped_trim(v, 0), lang),
        Unit::Months => months(&grouped(v, 1), lang),
    }
}

/// A number of customers: whole from 100 up, where the model's averaged fraction adds nothing
/// (`1,460`); below that up to two decimals (`2.5`). The exact value stays in `data-value`.
pub fn customers(x: Decimal) -> String {
    grouped_trim(x, customer_decimals(x))
}

fn customer_decimals(x: Decimal) -> u32 {
    if x.abs() >= Decimal::ONE_HUNDRED {
        0
    } else {
        2
    }
}

/// The difference of a figure from the baseline, in its unit, with its sign: `+¥1,200.00`,
/// `-0.35×`, `+2.5 pp`. The sign is the exact difference's; a difference too small to show at
/// the unit's precision says so (`+<0.1 个月`) instead of printing `+0.0`; no difference is `0`.
///
/// ```
/// use customer_cost_planner::{format::delta, model::{Lang, Metric}};
/// use rust_decimal::Decimal;
/// assert_eq!(delta(Metric::Cac, Decimal::new(-30, 0), "CNY", Lang::Zh), "-¥30.00");
/// assert_eq!(delta(Metric::PaybackMonths, Decimal::new(4, 2), "CNY", Lang::Zh), "+<0.1 个月");
/// assert_eq!(delta(Metric::CostRatio, Decimal::new(4, 4), "CNY", Lang::En), "+0.04 pp");
/// assert_eq!(delta(Metric::CostRatio, Decimal::ZERO, "CNY", Lang::En), "0 pp");
/// ```
pub fn delta(metric: Metric, abs: Decimal, currency: &str, lang: Lang) -> String {
    let unit = metric.unit();
    let (magnitude, dp) = match unit {
        Unit::Money => (abs.abs(), currency_symbol(currency).1),
        Unit::Share => (percent_of(abs.abs()), 2),
        Unit::Months => (abs.abs(), 1),
        Unit::Customers => (abs.abs(), customer_decimals(abs)),
        Unit::Times => (abs.abs(), 2),
    };
    let body = |text: &str| match unit {
        Unit::Money => format!("{}{text}", money_prefix(currency)),
        Unit::Customers => text.to_owned(),
        Unit::Times => format!("{text}×"),
        Unit::Share => format!("{text} pp"),
        Unit::Months => months_short(text, lang),
    };
    if abs.is_zero() {
        return body("0");
    }
    let sign = if abs.is_sign_negative() { "-" } else { "+" };
    if round(magnitude, dp).is_zero() {
        let smallest = Decimal::new(1, dp);
        return format!("{sign}{}", body(&format!("<{}", grouped(smallest, dp))));
    }
    let digits = match unit {
        Unit::Customers => grouped_trim(magnitude, dp),
        _ => grouped(magnitude, dp),
    };
    format!("{sign}{}", body(&digits))
}

/// What is written before an amount in `currency`: `¥`, `$`, `CHF ` (codes get a space).
fn money_prefix(currency: &str) -> String {
    let (symbol, _) = currency_symbol(currency);
    if symbol.chars().all(|c| c.is_ascii_uppercase()) {
        format!("{symbol} ")
    } else {
        symbol.to_owned()
    }
}

/// A plan value as it goes back into an input: plain digits, no grouping (`12000`, `5.5`).
pub fn input(x: Decimal) -> String {
    x.normalize().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("test literal")
    }

    #[test]
    fn money_rounds_half_away_from_zero_and_groups() {
        let cases = [
            ("832334.20833", "CNY", "¥832,334.21"),
            ("0.005", "CNY", "¥0.01"),
            ("0.015", "CNY", "¥0.02"),
            ("-0.004", "CNY", "¥0.00"),
            ("-1234.5", "USD", "-$1,234.50"),
            ("1234.5", "JPY", "¥1,235"),
            ("1000000", "CHF", "CHF 1,000,000.00"),
            ("999.999", "EUR", "€1,000.00"),
        ];
        for (x, currency, expected) in cases {
            assert_eq!(money(d(x), currency), expected, "{x} {currency}");
        }
    }

    #[test]
    fn grouping_and_trimming() {
        assert_eq!(grouped(d("1459.6399"), 2), "1,459.64");
        assert_eq!(grouped(d("100"), 0), "100");
        assert_eq!(grouped(d("123456789"), 0), "123,456,789");
        assert_eq!(grouped_trim(d("1200.00"), 2), "1,200");
        assert_eq!(grouped_trim(d("1459.6399123"), 2), "1,459.64");
    }

    #[test]
    fn compact_labels_use_wan_and_yi_in_chinese() {
        let cases = [
            ("0", "0", "0"),
            ("950", "950", "950"),
            ("12.345", "12.35", "12.35"),
            ("12000", "1.2万", "12k"),
            ("-35000", "-3.5万", "-35k"),
            ("150000000", "1.5亿", "150M"),
            ("2000000000000", "2万亿", "2T"),
        ];
        for (x, zh, en) in cases {
            assert_eq!(compact(d(x), Lang::Zh), zh, "{x}");
            assert_eq!(compact(d(x), Lang::En), en, "{x}");
        }
    }

    #[test]
    fn figures_in_their_units() {
        use crate::model::Metric::*;
        let cases = [
            (LtvCac, "4.84613", "4.85×"),
            (CostRatio, "0.2725954", "27.26%"),
            (PaybackMonths, "4.127", "4.1 months"),
            (BreakEvenMonth, "7", "month 7"),
            (EndCustomers, "1459.6399123", "1,460"),
            (EndCustomers, "12.345", "12.35"),
            (Cac, "400", "¥400.00"),
        ];
        for (metric, x, expected) in cases {
            assert_eq!(
                figure(metric, Figure::Value(d(x)), "CNY", Lang::En),
                expected,
                "{metric:?}"
            );
        }
        assert_eq!(
            figure(
                PaybackMonths,
                Figure::Undefined(Undefined::NeverPaysBack),
                "CNY",
                Lang::Zh
            ),
            "— 永远无法回本"
        );
        assert_eq!(
            figure(PaybackMonths, Figure::Value(d("4.127")), "CNY", Lang::Zh),
            "4.1 个月"
        );
    }

    #[test]
    fn deltas_carry_their_sign() {
        assert_eq!(
            delta(Metric::TotalCost, d("1200"), "CNY", Lang::En),
            "+¥1,200.00"
        );
        assert_eq!(
            delta(Metric::TotalCost, d("-1200"), "CNY", Lang::En),
            "-¥1,200.00"
        );
        assert_eq!(
            delta(Metric::LtvCac, d("-0.351"), "CNY", Lang::En),
            "-0.35×"
        );
        assert_eq!(
            delta(Metric::CostRatio, d("0.0125"), "CNY", Lang::En),
            "+1.25 pp"
        );
        assert_eq!(signed_pct(d("12.345")), "+12.35%");
        assert_eq!(signed_pct(d("-3")), "-3%");
        assert_eq!(signed_pct(d("0")), "0%");
    }
}
