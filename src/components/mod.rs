//! One component per file, named for what the user sees.

pub mod answers;
pub mod budget_table;
pub mod calc_grid;
pub mod charts;
pub mod comparison_table;
pub mod dialogs;
pub mod economics_form;
pub mod embed_bar;
pub mod embed_dialog;
pub mod example_banner;
pub mod fee_tiers;
pub mod figure;
pub mod focus;
pub mod header;
pub mod headline;
pub mod icon;
pub mod lazy;
pub mod line_editor;
pub mod notices;
pub mod number_field;
pub mod report;
pub mod scenario_panel;
pub mod shared_banner;
pub mod summary;
pub mod tabs;
pub mod term;
