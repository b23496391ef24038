//! CSV import of budget lines: never panics; what it accepts are valid lines that write back to
//! CSV and read again unchanged.
#![no_main]

use customer_cost_planner::exchange::csv::{lines_from_csv, lines_to_csv};
use customer_cost_planner::model::{validate_line, Lang};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(lines) = lines_from_csv(text, 1) {
        for line in &lines {
            assert!(validate_line(line).is_ok());
        }
        let again = lines_to_csv(&lines, Lang::Zh);
        assert_eq!(lines_from_csv(&again, 1), Ok(lines));
    }
});
