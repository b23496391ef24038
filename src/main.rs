//! The browser entry point: install the panic hook and start the app. Everything else lives in
//! the library.

fn main() {
    console_error_panic_hook::set_once();
    // In a task of its own: the module's instantiation and the app's first step are two short
    // tasks rather than one long one (docs/performance.md, "Take-over in small tasks").
    leptos::prelude::set_timeout(customer_cost_planner::app::start, std::time::Duration::ZERO);
}
