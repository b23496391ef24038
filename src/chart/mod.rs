//! Charts: a pure "what to draw" ([`spec`]) and a thin "draw it on this canvas" ([`draw`]).

#[cfg(all(target_arch = "wasm32", feature = "web"))]
pub mod draw;
pub mod spec;
