//! Customer Cost Planner (客户管理费规划器).
//!
//! `model` is the pure cost model; the rest is the Leptos app that edits plans and shows what
//! the model says.

pub mod model;
