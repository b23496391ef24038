//! The number parser: any text, under every rule, never panics; what it accepts obeys the rule
//! and reads back to the same value.
#![no_main]

use customer_cost_planner::model::{check_value, parse_value, Rule};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for rule in [Rule::money(), Rule::percent(), Rule::change_pct(), Rule::months(1, 120)] {
        if let Ok(value) = parse_value(text, rule) {
            assert_eq!(check_value(value, rule), Ok(value), "{text:?}");
            assert_eq!(parse_value(&value.to_string(), rule), Ok(value), "{text:?}");
        }
    }
});
