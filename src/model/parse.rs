//! One parser for every number a person types or a file carries: money, counts, percentages,
//! whole months. It accepts what people write in Chinese and English spreadsheets and rejects the
//! rest with a message in the user's language.
//!
//! Accepted, for example: `12,345.67`, `12 345.67`, `¥12,000`, `$1,200`, `1.2万` (12,000),
//! `3亿`, `12k`, `1.5M`, full-width `１２，０００．５`, `5%` (or `5`) in a percent field.

use std::str::FromStr;

use rust_decimal::Decimal;

/// What a field accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    /// Smallest value allowed (inclusive).
    pub min: Decimal,
    /// Largest value allowed (inclusive), or `None` for "below 10^15".
    pub max: Option<Decimal>,
    /// Most decimal places kept.
    pub max_decimals: u32,
    /// Whether the value is a percentage (`5%` and `5` both mean five percent).
    pub percent: bool,
    /// Whether only whole numbers are allowed.
    pub whole: bool,
}

/// Every value must be below this: 10^15.
pub fn amount_limit() -> Decimal {
    Decimal::from(1_000_000_000_000_000_i64)
}

impl Rule {
    /// A non-negative amount of money: below 10^15, at most 4 decimals.
    pub fn money() -> Rule {
        Rule {
            min: Decimal::ZERO,
            max: None,
            max_decimals: 4,
            percent: false,
            whole: false,
        }
    }

    /// A non-negative number of customers (fractions allowed: they are averages).
    pub fn count() -> Rule {
        Rule::money()
    }

    /// A share or rate in percent, 0–100.
    pub fn percent() -> Rule {
        Rule {
            min: Decimal::ZERO,
            max: Some(Decimal::ONE_HUNDRED),
            max_decimals: 4,
            percent: true,
            whole: false,
        }
    }

    /// A relative change in percent, −100 to +1000 (a lever).
    pub fn change_pct() -> Rule {
        Rule {
            min: -Decimal::ONE_HUNDRED,
            max: Some(Decimal::from(1000)),
            max_decimals: 4,
            percent: true,
            whole: false,
        }
    }

    /// Monthly growth in percent: above −100 (to four decimals) and at most +1,000.
    pub fn growth_pct() -> Rule {
        Rule {
            min: Decimal::new(-999_999, 4),
            ..Rule::change_pct()
        }
    }

    /// A seasonal percentage of the planned new customers, 0–1,000 (100 = as planned).
    pub fn seasonal_pct() -> Rule {
        Rule {
            min: Decimal::ZERO,
            ..Rule::change_pct()
        }
    }

    /// A whole number of months from `min` to `max`.
    pub fn months(min: u16, max: u16) -> Rule {
        Rule {
            min: Decimal::from(min),
            max: Some(Decimal::from(max)),
            max_decimals: 0,
            percent: false,
            whole: true,
        }
    }
}

/// Why a text is not a valid value. Each says what is wrong in zh-CN and English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseError {
    Empty,
    NotANumber,
    MultipleDecimalPoints,
    BadGrouping,
    Negative,
    TooLarge,
    TooManyDecimals {
        max: u32,
    },
    PercentNotAllowed,
    CurrencyNotAllowed,
    NotWhole,
    OutOfRange {
        min: Decimal,
        max: Decimal,
        percent: bool,
    },
}

impl std::error::Error for ParseError {}

/// Folds full-width forms and the various spaces and minus signs to their ASCII equivalents.
fn fold_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' | '\u{202F}' | '\u{2009}' | '\u{2007}' => ' ',
        '\u{FFE5}' => '¥',
        '\u{FFE1}' => '£',
        '\u{2212}' | '\u{2013}' => '-',
        '\u{3002}' => '.',
        _ => c,
    }
}

const CURRENCY_PREFIXES: [&str; 13] = [
    "US$", "HK$", "RMB", "CNY", "USD", "EUR", "GBP", "HKD", "JPY", "¥", "$", "€", "£",
];

/// Strips one currency marker from the start, returning the rest and whether one was found.
fn strip_currency_prefix(s: &str) -> (&str, bool) {
    for p in CURRENCY_PREFIXES {
        if s.len() >= p.len() && s.is_char_boundary(p.len()) && s[..p.len()].eq_ignore_ascii_case(p)
        {
            return (s[p.len()..].trim_start(), true);
        }
    }
    (s, false)
}

/// Strips one sign from the start; `Some(true)` for minus.
fn strip_sign(s: &str) -> (&str, Option<bool>) {
    if let Some(rest) = s.strip_prefix('-') {
        (rest.trim_start(), Some(true))
    } else if let Some(rest) = s.strip_prefix('+') {
        (rest.trim_start(), Some(false))
    } else {
        (s, None)
    }
}

/// Multiplier suffixes, longest first so `万亿` wins over `亿`.
fn strip_multiplier(s: &str) -> (&str, Option<Decimal>) {
    const SUFFIXES: [(&str, i64); 11] = [
        ("万亿", 1_000_000_000_000),
        ("千万", 10_000_000),
        ("百万", 1_000_000),
        ("亿", 100_000_000),
        ("万", 10_000),
        ("千", 1_000),
        ("bn", 1_000_000_000),
        ("k", 1_000),
        ("K", 1_000),
        ("m", 1_000_000),
        ("M", 1_000_000),
    ];
    for (suffix, factor) in SUFFIXES {
        if let Some(rest) = s.strip_suffix(suffix) {
            return (rest.trim_end(), Some(Decimal::from(factor)));
        }
    }
    if let Some(rest) = s.strip_suffix(['b', 'B']) {
        return (rest.trim_end(), Some(Decimal::from(1_000_000_000_i64)));
    }
    (s, None)
}

/// Parses the bare digits: optional thousands separators (`,`, space, `_`) in groups of three,
/// one decimal point.
fn parse_digits(s: &str, max_decimals: u32) -> Result<Decimal, ParseError> {
    if s.is_empty() {
        return Err(ParseError::NotANumber);
    }
    if s.chars()
        .any(|c| !(c.is_ascii_digit() || matches!(c, ',' | ' ' | '_' | '.')))
    {
        return Err(ParseError::NotANumber);
    }
    let mut parts = s.split('.');
    let int_part = parts.next().unwrap_or("");
    let frac_part = parts.next();
    if parts.next().is_some() {
        return Err(ParseError::MultipleDecimalPoints);
    }
    let is_sep = |c: char| matches!(c, ',' | ' ' | '_');
    if let Some(frac) = frac_part {
        if frac.contains(is_sep) {
            return Err(ParseError::BadGrouping);
        }
    }
    if int_part.contains(is_sep) {
        let groups: Vec<&str> = int_part.split(is_sep).collect();
        let first_ok = groups.first().is_some_and(|g| (1..=3).contains(&g.len()));
        if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
            return Err(ParseError::BadGrouping);
        }
    }
    let int_digits: String = int_part.chars().filter(char::is_ascii_digit).collect();
    let frac_digits = frac_part.unwrap_or("");
    if int_digits.is_empty() && frac_digits.is_empty() {
        return Err(ParseError::NotANumber);
    }
    // Leading zeros cannot make a number too large; trailing zeros of the fraction cannot add
    // precision. Trimming them keeps very long but harmless input (00000012.5000000) valid.
    let int_trimmed = int_digits.trim_start_matches('0');
    let frac_trimmed = frac_digits.trim_end_matches('0');
    if int_trimmed.len() > 16 {
        return Err(ParseError::TooLarge);
    }
    if frac_trimmed.len() > 12 {
        return Err(ParseError::TooManyDecimals { max: max_decimals });
    }
    let text = format!(
        "{}.{}",
        if int_trimmed.is_empty() {
            "0"
        } else {
            int_trimmed
        },
        if frac_trimmed.is_empty() {
            "0"
        } else {
            frac_trimmed
        }
    );
    Decimal::from_str(&text)
        .map(|d| d.normalize())
        .map_err(|_| ParseError::NotANumber)
}

/// Parses `text` as a value under `rule`. The value is normalised (`5.50` → `5.5`).
///
/// ```
/// use customer_cost_planner::model::{parse_value, Rule};
/// use rust_decimal::Decimal;
/// assert_eq!(parse_value("1.2万", Rule::money()), Ok(Decimal::from(12_000)));
/// assert_eq!(parse_value("¥12,000", Rule::money()), Ok(Decimal::from(12_000)));
/// assert_eq!(parse_value("5%", Rule::percent()), Ok(Decimal::from(5)));
/// assert!(parse_value("abc", Rule::money()).is_err());
/// ```
pub fn parse_value(text: &str, rule: Rule) -> Result<Decimal, ParseError> {
    let folded: String = text.chars().map(fold_char).collect();
    let s = folded.trim();
    if s.is_empty() {
        return Err(ParseError::Empty);
    }

    // Sign and currency may come in either order: -¥100, ¥-100.
    let (s, sign1) = strip_sign(s);
    let (s, currency_front) = strip_currency_prefix(s);
    let (s, sign2) = strip_sign(s);
    if sign1.is_some() && sign2.is_some() {
        return Err(ParseError::NotANumber);
    }
    let negative = sign1.or(sign2).unwrap_or(false);

    let (s, currency_back) = match s.strip_suffix('元') {
        Some(rest) => (rest.trim_end(), true),
        None => (s, false),
    };
    let (s, has_percent) = match s.strip_suffix('%') {
        Some(rest) => (rest.trim_end(), true),
        None => (s, false),
    };
    let (s, multiplier) = strip_multiplier(s);
    let has_currency = currency_front || currency_back;

    if has_percent && !rule.percent {
        return Err(ParseError::PercentNotAllowed);
    }
    if rule.percent && (has_currency || multiplier.is_some()) {
        return Err(ParseError::CurrencyNotAllowed);
    }
    if rule.whole && (has_currency || multiplier.is_some()) {
        return Err(ParseError::CurrencyNotAllowed);
    }

    let digits = parse_digits(s, rule.max_decimals)?;
    let magnitude = match multiplier {
        Some(m) => digits.checked_mul(m).ok_or(ParseError::TooLarge)?,
        None => digits,
    }
    .normalize();
    let value = if negative { -magnitude } else { magnitude };

    check_value(value, rule)
}

/// Checks a value that did not come from text (a file, a link, a computation) against `rule`.
///
/// ```
/// use customer_cost_planner::model::{check_value, Rule};
/// use rust_decimal::Decimal;
/// assert!(check_value(Decimal::from(101), Rule::percent()).is_err());
/// assert_eq!(check_value(Decimal::from(5), Rule::percent()), Ok(Decimal::from(5)));
/// ```
pub fn check_value(value: Decimal, rule: Rule) -> Result<Decimal, ParseError> {
    if value.is_sign_negative() && !value.is_zero() && rule.min >= Decimal::ZERO {
        return Err(ParseError::Negative);
    }
    if value.abs() >= amount_limit() {
        return Err(ParseError::TooLarge);
    }
    let value = value.normalize();
    if rule.whole && value.scale() > 0 {
        return Err(ParseError::NotWhole);
    }
    if value.scale() > rule.max_decimals {
        return Err(ParseError::TooManyDecimals {
            max: rule.max_decimals,
        });
    }
    if let Some(max) = rule.max {
        if value < rule.min || value > max {
            return Err(ParseError::OutOfRange {
                min: rule.min,
                max,
                percent: rule.percent,
            });
        }
    }
    // -0 and 0 are the same value; keep one of them.
    Ok(if value.is_zero() {
        Decimal::ZERO
    } else {
        value
    })
}

/// Twelve seasonal percentages from a row copied out of a spreadsheet (tabs, commas,
/// semicolons or spaces between them; a `%` after each is fine), or `None` when it is not
/// twelve valid ones.
///
/// ```
/// use customer_cost_planner::model::seasonality_row;
/// let row = seasonality_row("100\t90\t60\t100\t100\t100\t100\t100\t110\t100\t200\t150").unwrap();
/// assert_eq!(row[10], 200.into());
/// assert_eq!(seasonality_row("100%, 90%, 60, 100, 100, 100, 100, 100, 110, 100, 200, 150").map(|v| v[1]), Some(90.into()));
/// assert_eq!(seasonality_row("100 100"), None);
/// assert_eq!(seasonality_row(&"100 ".repeat(13)), None);
/// assert_eq!(seasonality_row(&"-5 ".repeat(12)), None);
/// ```
pub fn seasonality_row(text: &str) -> Option<Vec<Decimal>> {
    let values: Vec<Decimal> = text
        .split(['\t', ',', ';', ' ', '\u{3001}', '\u{FF0C}'])
        .filter(|c| !c.trim().is_empty())
        .map(|c| parse_value(c, Rule::seasonal_pct()).ok())
        .collect::<Option<_>>()?;
    (values.len() == 12).then_some(values)
}

/// What a percent typed as a decimal fraction probably meant: `0.025` in a percent field is most
/// likely 2.5 % copied from a spreadsheet, not 0.025 %. Returns that percent when `text` is a
/// number strictly between −1 and 1 (not 0) with no `%` sign, and the percent is valid under
/// `rule`; the field then asks before it uses either reading. `None` for every other text, for
/// fields that are not percentages, and when the user wrote `%` (then they said what they meant).
///
/// ```
/// use customer_cost_planner::model::{percent_from_fraction, Rule};
/// use rust_decimal::Decimal;
/// assert_eq!(percent_from_fraction("0.025", Rule::percent()), Some(Decimal::new(25, 1)));
/// assert_eq!(percent_from_fraction("-0.2", Rule::change_pct()), Some(Decimal::from(-20)));
/// assert_eq!(percent_from_fraction("0.025%", Rule::percent()), None);
/// assert_eq!(percent_from_fraction("2.5", Rule::percent()), None);
/// assert_eq!(percent_from_fraction("0.5", Rule::money()), None);
/// ```
pub fn percent_from_fraction(text: &str, rule: Rule) -> Option<Decimal> {
    if !rule.percent || text.chars().any(|c| matches!(c, '%' | '\u{FF05}')) {
        return None;
    }
    // The fraction may carry two more decimals than the percent it stands for.
    let wide = Rule {
        max_decimals: rule.max_decimals + 2,
        min: -Decimal::ONE,
        max: Some(Decimal::ONE),
        ..rule
    };
    let fraction = parse_value(text, wide).ok()?;
    if fraction.is_zero() || fraction.abs() >= Decimal::ONE {
        return None;
    }
    let percent = fraction.checked_mul(Decimal::ONE_HUNDRED)?;
    check_value(percent, rule).ok()
}

/// Parses a whole number of months under `rule` (which must be [`Rule::months`]).
pub fn parse_months(text: &str, rule: Rule) -> Result<u16, ParseError> {
    let value = parse_value(text, rule)?;
    u16::try_from(value.mantissa()).map_err(|_| ParseError::TooLarge)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("test literal")
    }

    #[test]
    fn a_percent_typed_as_a_fraction_is_offered_as_a_percent() {
        let asks = [
            ("0.025", Rule::percent(), "2.5"),
            ("0.35", Rule::percent(), "35"),
            (".5", Rule::percent(), "50"),
            ("0.00125", Rule::percent(), "0.125"),
            ("０．０２５", Rule::percent(), "2.5"),
            ("-0.2", Rule::change_pct(), "-20"),
            ("0.999999", Rule::percent(), "99.9999"),
        ];
        for (text, rule, percent) in asks {
            assert_eq!(
                percent_from_fraction(text, rule),
                Some(d(percent)),
                "{text:?}"
            );
        }
        let silent = [
            ("0.025%", Rule::percent()),
            ("0.025％", Rule::percent()),
            ("1", Rule::percent()),
            ("2.5", Rule::percent()),
            ("0", Rule::percent()),
            ("-0", Rule::change_pct()),
            ("-1", Rule::change_pct()),
            // Negative in a 0–100 field: the field says why, no guess.
            ("-0.2", Rule::percent()),
            // Six decimals as a fraction would be more than four as a percent.
            ("0.0000001", Rule::percent()),
            ("abc", Rule::percent()),
            ("0.5", Rule::money()),
            ("0.5", Rule::months(1, 120)),
        ];
        for (text, rule) in silent {
            assert_eq!(percent_from_fraction(text, rule), None, "{text:?}");
        }
    }

    #[test]
    fn accepts_what_people_type_as_money() {
        let cases = [
            ("12,345.67", "12345.67"),
            ("12 345.67", "12345.67"),
            ("¥12,000", "12000"),
            ("￥12,000", "12000"),
            ("$1,200", "1200"),
            ("US$1,200", "1200"),
            ("RMB 3,000", "3000"),
            ("cny3000", "3000"),
            ("3000元", "3000"),
            ("1.2万", "12000"),
            ("1.2 万", "12000"),
            ("1.2万元", "12000"),
            ("3亿", "300000000"),
            ("2千", "2000"),
            ("1.5百万", "1500000"),
            ("1万亿", "1000000000000"),
            ("12k", "12000"),
            ("12K", "12000"),
            ("1.5M", "1500000"),
            ("2m", "2000000"),
            ("1.25bn", "1250000000"),
            ("２B", "2000000000"),
            ("１２，３４５．６７", "12345.67"),
            ("１２３４５。６７", "12345.67"),
            ("\u{3000}１２０００\u{3000}", "12000"),
            ("12\u{00A0}000", "12000"),
            ("0", "0"),
            ("-0", "0"),
            (".5", "0.5"),
            ("5.", "5"),
            ("00012.5000000", "12.5"),
            ("1_000", "1000"),
            ("+100", "100"),
            ("999999999999999.9999", "999999999999999.9999"),
            ("0.0001", "0.0001"),
            ("12.3400", "12.34"),
        ];
        for (input, expected) in cases {
            assert_eq!(
                parse_value(input, Rule::money()),
                Ok(d(expected)),
                "input {input:?}"
            );
        }
    }

    #[test]
    fn rejects_bad_money_with_the_reason() {
        let cases = [
            ("", ParseError::Empty),
            ("   ", ParseError::Empty),
            ("abc", ParseError::NotANumber),
            ("12abc", ParseError::NotANumber),
            ("1e5", ParseError::NotANumber),
            ("¥", ParseError::NotANumber),
            ("万", ParseError::NotANumber),
            ("1.2.3", ParseError::MultipleDecimalPoints),
            ("1,23", ParseError::BadGrouping),
            ("1,5", ParseError::BadGrouping),
            ("1234,567", ParseError::BadGrouping),
            ("1,234.5,6", ParseError::BadGrouping),
            (",123", ParseError::BadGrouping),
            ("-5", ParseError::Negative),
            ("-¥5", ParseError::Negative),
            ("¥-5", ParseError::Negative),
            ("−5", ParseError::Negative),
            ("--5", ParseError::NotANumber),
            ("-¥-5", ParseError::NotANumber),
            ("1000000000000000", ParseError::TooLarge),
            ("1000万亿", ParseError::TooLarge),
            ("99999999999999999999999999999999", ParseError::TooLarge),
            ("1.23456", ParseError::TooManyDecimals { max: 4 }),
            ("0.00001", ParseError::TooManyDecimals { max: 4 }),
            (
                "0.1234567890123456789",
                ParseError::TooManyDecimals { max: 4 },
            ),
            ("5%", ParseError::PercentNotAllowed),
            ("NaN", ParseError::NotANumber),
            ("inf", ParseError::NotANumber),
            ("1.5M%", ParseError::PercentNotAllowed),
        ];
        for (input, expected) in cases {
            assert_eq!(
                parse_value(input, Rule::money()),
                Err(expected.clone()),
                "input {input:?}"
            );
        }
    }

    #[test]
    fn percent_fields_take_five_or_five_percent() {
        for (input, expected) in [
            ("5", "5"),
            ("5%", "5"),
            ("５％", "5"),
            ("5 %", "5"),
            ("0", "0"),
            ("100", "100"),
            ("2.5", "2.5"),
            ("0.0125%", "0.0125"),
        ] {
            assert_eq!(
                parse_value(input, Rule::percent()),
                Ok(d(expected)),
                "input {input:?}"
            );
        }
        let out = ParseError::OutOfRange {
            min: Decimal::ZERO,
            max: Decimal::ONE_HUNDRED,
            percent: true,
        };
        for (input, expected) in [
            ("101", out.clone()),
            ("100.01%", out),
            ("-1", ParseError::Negative),
            ("¥5", ParseError::CurrencyNotAllowed),
            ("5k", ParseError::CurrencyNotAllowed),
            ("1.2万", ParseError::CurrencyNotAllowed),
            ("x%", ParseError::NotANumber),
            ("%", ParseError::NotANumber),
        ] {
            assert_eq!(
                parse_value(input, Rule::percent()),
                Err(expected),
                "input {input:?}"
            );
        }
    }

    #[test]
    fn change_percent_allows_cuts_down_to_minus_100() {
        assert_eq!(parse_value("-10%", Rule::change_pct()), Ok(d("-10")));
        assert_eq!(parse_value("+15", Rule::change_pct()), Ok(d("15")));
        assert_eq!(parse_value("-100", Rule::change_pct()), Ok(d("-100")));
        assert!(matches!(
            parse_value("-100.5", Rule::change_pct()),
            Err(ParseError::OutOfRange { .. })
        ));
        assert!(matches!(
            parse_value("1001", Rule::change_pct()),
            Err(ParseError::OutOfRange { .. })
        ));
    }

    #[test]
    fn months_are_whole_and_in_range() {
        let rule = Rule::months(1, 120);
        assert_eq!(parse_months("36", rule), Ok(36));
        assert_eq!(parse_months("１２０", rule), Ok(120));
        assert_eq!(parse_months("12.0", rule), Ok(12));
        assert_eq!(parse_months("1.5", rule), Err(ParseError::NotWhole));
        assert_eq!(
            parse_months("1k", rule),
            Err(ParseError::CurrencyNotAllowed)
        );
        assert!(matches!(
            parse_months("0", rule),
            Err(ParseError::OutOfRange { .. })
        ));
        assert!(matches!(
            parse_months("121", rule),
            Err(ParseError::OutOfRange { .. })
        ));
        assert_eq!(parse_months("", rule), Err(ParseError::Empty));
    }
}
