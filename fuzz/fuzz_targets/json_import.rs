//! JSON import (plan files and workspaces, also what localStorage holds): never panics; what it
//! accepts is valid and computes without panicking.
#![no_main]

use customer_cost_planner::exchange::json::{read, Imported};
use customer_cost_planner::model::{compare, validate};
use customer_cost_planner::state::validate_workspace;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match read(text) {
        Ok(Imported::Plan(read)) => {
            assert!(validate(&read.plan).is_empty());
            let _ = compare(&read.plan);
        }
        Ok(Imported::Workspace(salvaged)) => {
            // Salvage always gives a valid workspace, whatever was set aside.
            assert!(validate_workspace(&salvaged.workspace).is_empty());
            for entry in &salvaged.workspace.plans {
                let _ = compare(&entry.plan);
            }
        }
        Err(_) => {}
    }
});
