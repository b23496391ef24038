//! JSON import (plan files and workspaces, also what localStorage holds): never panics; what it
//! accepts is valid and computes without panicking.
#![no_main]

use customer_cost_planner::exchange::json::{read, Imported};
use customer_cost_planner::model::{compare, validate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match read(text) {
        Ok(Imported::Plan(plan)) => {
            assert!(validate(&plan).is_empty());
            let _ = compare(&plan);
        }
        Ok(Imported::Workspace(ws, _)) => {
            for entry in &ws.plans {
                let _ = compare(&entry.plan);
            }
        }
        Err(_) => {}
    }
});
