//! Customer Cost Planner (客户管理费规划器).
//!
//! [`model`] is the pure cost model (no browser dependencies). The rest is the Leptos app that
//! edits plans and shows what the model says: [`state`] (the one app state and its reducer),
//! [`storage`] (the only file that touches localStorage), [`i18n`] and [`format`] (words and
//! numbers), [`chart`] (what to draw, then drawing it) and [`components`].

pub mod answers;
#[cfg(feature = "web")]
pub mod app;
pub mod chart;
#[cfg(feature = "web")]
pub mod components;
#[cfg(feature = "web")]
pub mod ctx;
#[cfg(feature = "web")]
pub mod deflate;
#[cfg(feature = "web")]
pub mod download;
#[cfg(feature = "web")]
pub mod effects;
pub mod embed;
#[cfg(feature = "web")]
pub mod embedding;
pub mod exchange;
#[cfg(feature = "web")]
pub mod files;
pub mod format;
pub mod i18n;
pub mod messages;
pub mod model;
pub mod prepaint;
pub mod session;
pub mod state;
pub mod storage;
pub mod store;
#[cfg(feature = "web")]
pub mod theme;
