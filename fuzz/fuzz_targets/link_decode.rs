//! The share-link decoder: any fragment, damaged or hostile, never panics (no decompression
//! bomb gets through); what it accepts is a valid plan that encodes back to a working link.
//! The input is tried as a fragment as typed, and as the compressed payload of one (so the
//! fuzzer reaches the inflate and JSON stages, not only base64).
#![no_main]

use customer_cost_planner::exchange::base64url;
use customer_cost_planner::exchange::link::{decode, encode};
use customer_cost_planner::model::validate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut fragments = vec![format!("plan=1.{}", base64url::encode(data))];
    if let Ok(text) = std::str::from_utf8(data) {
        fragments.push(text.to_owned());
        fragments.push(format!("plan=1.{text}"));
    }
    for fragment in fragments {
        if let Ok(read) = decode(&fragment) {
            assert!(validate(&read.plan).is_empty());
            if let Ok(again) = encode(&read.plan) {
                assert_eq!(decode(&again).map(|r| r.plan), Ok(read.plan));
            }
        }
    }
});
