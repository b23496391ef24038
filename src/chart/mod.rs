//! Charts: a pure "what to draw" ([`spec`]) and a thin "draw it on this canvas" ([`draw`]).

#[cfg(target_arch = "wasm32")]
pub mod draw;
pub mod spec;
