//! The browser entry point: install the panic hook and start the app. Everything else lives in
//! the library.

fn main() {
    console_error_panic_hook::set_once();
    customer_cost_planner::app::start();
}
