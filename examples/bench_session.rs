//! The session on a 10,000-line plan: heap after 200 undo steps, the time of one keystroke (an
//! edit through the session: copy, validate, diff), and the time of the save that follows a
//! burst of typing (serialise, compare with storage, write, read back). Run with `make bench`
//! (`cargo run --release --no-default-features --example bench_session`).
//!
//! Heap is measured with a counting allocator; times are medians over repeated edits.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Instant;

use customer_cost_planner::exchange::json;
use customer_cost_planner::model::{Lang, LineId};
use customer_cost_planner::session::{self, Session};
use customer_cost_planner::state::{Action, LineEdit, PlanEdit, Workspace};
use customer_cost_planner::storage::{KeyValue, Memory, WorkspaceStore, KEY};
use rust_decimal::Decimal;

struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards every call to the system allocator unchanged and only counts bytes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(new_size, Ordering::Relaxed);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn main() {
    const LINES: u32 = 10_000;
    let mut ws = Workspace::first_visit(Lang::Zh);
    let plan = Arc::make_mut(&mut ws.plans[0].plan);
    let template = plan.lines[0].clone();
    plan.lines = (1..=LINES)
        .map(|i| customer_cost_planner::model::BudgetLine {
            id: LineId(i),
            name: format!("预算项 {i}"),
            amount: Decimal::from(1000 + i),
            ..template.clone()
        })
        .collect();
    let mut store = WorkspaceStore(Memory::default());
    store
        .0
        .set(KEY, &json::workspace_to_json(&ws, 1, false))
        .expect("map");
    drop(ws);
    let (mut s, commands) = Session::start(store.0.get(KEY), Lang::Zh);
    session::drive(&mut s, commands, &mut store);
    let stored_text = store.0.get(KEY).ok().flatten().map_or(0, |t| t.len());
    let base = LIVE.load(Ordering::Relaxed);

    let mut keystrokes = Vec::new();
    for step in 0..200u32 {
        let id = LineId(step * 37 % LINES + 1);
        let edit = PlanEdit::UpdateLine(id, LineEdit::Amount(Decimal::from(step)));
        let started = Instant::now();
        let (result, _) = s.edit(Action::Edit(edit), f64::from(step) * 5_000.0);
        keystrokes.push(started.elapsed().as_secs_f64() * 1e3);
        result.expect("valid");
    }
    let after = LIVE.load(Ordering::Relaxed);

    let mut saves = Vec::new();
    for step in 0..10u32 {
        let edit = PlanEdit::UpdateLine(LineId(step + 1), LineEdit::Amount(Decimal::from(7)));
        let (result, _) = s.edit(Action::Edit(edit), 2e6 + f64::from(step) * 5_000.0);
        result.expect("valid");
        let started = Instant::now();
        session::save(&mut s, &mut store);
        saves.push(started.elapsed().as_secs_f64() * 1e3);
    }

    println!(
        "session on a {LINES}-line plan (stored text {:.2} MB):",
        mb(stored_text)
    );
    println!(
        "  heap: {:.1} MB at start, {:.1} MB after 200 undo steps (history {:.2} MB)",
        mb(base),
        mb(after),
        mb(after.saturating_sub(base))
    );
    println!(
        "  keystroke (edit through the session): median {:.2} ms",
        median(keystrokes)
    );
    println!(
        "  save after typing (serialise, compare, write, read back): median {:.2} ms",
        median(saves)
    );
}
