//! The browser side of embedding (the options and messages themselves are pure, in
//! [`crate::embed`]): the host's theme on the page, the messages to the host page, the frame's
//! height, and the plan kept in the frame's own address.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::ctx::Ctx;
use crate::deflate;
use crate::embed::{self, Options};
use std::sync::Arc;

use crate::model::{Column, Plan};

/// Puts the options that shape the page on its root element: `data-view`,
/// `data-embedded` for the stylesheet, and the host's colours, font and radius as custom
/// properties through the CSSOM (a strict CSP allows that, not `style` strings).
pub fn apply_to_page(o: &Options) {
    let Some(root) = document()
        .document_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    // The theme (`theme`, `auto` following the system) is on the root already: boot.js puts it
    // there before the first paint.
    let _ = root.set_attribute("data-view", o.view.key());
    if o.embedded {
        let _ = root.set_attribute("data-embedded", "");
    }
    let style = root.style();
    for (name, value) in o.css_properties() {
        let _ = style.set_property(name, &value);
    }
}

/// The host page, if the app is embedded with a `parent` origin the browser confirms.
#[derive(Clone, Debug)]
pub struct Host {
    origin: String,
}

impl Host {
    /// `None` when the app is not embedded, no `parent` was given, or the page around the frame
    /// is not that origin (then nothing is ever posted).
    pub fn find(o: &Options) -> Option<Host> {
        let parent = o.parent.clone().filter(|_| o.embedded)?;
        let w = window();
        let top = w.parent().ok().flatten()?;
        if js_sys::Object::is(&top, &w) {
            return None;
        }
        // `location.ancestorOrigins` (Chromium, Safari): the origins of the pages around.
        let ancestor = js_sys::Reflect::get(&w.location(), &"ancestorOrigins".into())
            .ok()
            .filter(|list| !list.is_undefined())
            .and_then(|list| js_sys::Reflect::get(&list, &0.into()).ok())
            .and_then(|first| first.as_string());
        if !embed::parent_verified(&parent, ancestor.as_deref()) {
            leptos::logging::warn!(
                "Customer Cost Planner: parent={parent} is not the page around this frame ({}); no messages will be sent",
                ancestor.unwrap_or_default()
            );
            return None;
        }
        Some(Host { origin: parent })
    }

    /// Posts `message` to the host page, to its exact origin only.
    pub fn post(&self, message: &serde_json::Value) {
        let Ok(value) = js_sys::JSON::parse(&message.to_string()) else {
            return;
        };
        if let Ok(Some(top)) = window().parent() {
            let _ = top.post_message(&value, &self.origin);
        }
    }
}

/// Tells the host the page's height whenever it changes, so the frame fits its content. The
/// height is the root element's own (content-sized: nothing in the page sizes itself by the
/// frame's height), so it cannot feed back into growth.
///
/// Only the live page's height is told: while the painted first screen shows (index.html), the
/// frame keeps the height the host reserved (`data-height`), so it changes at most once.
pub fn report_height(host: Host) {
    let last = StoredValue::new(0i32);
    let send = move || {
        let Some(root) = document().document_element() else {
            return;
        };
        if !root.has_attribute("data-live") {
            return;
        }
        let height = root.get_bounding_client_rect().height().ceil() as i32;
        if height > 0 && height != last.get_value() {
            last.set_value(height);
            host.post(&embed::message(
                embed::HostMessage::Height,
                serde_json::json!({ "height": height }),
            ));
        }
    };
    send();
    // The take-over (app.rs) says when the live page shows.
    let on_live = send.clone();
    let live = window_event_listener_untyped("ccp:live", move |_| on_live());
    std::mem::forget(live);
    let callback = Closure::<dyn Fn()>::new(send);
    if let (Ok(observer), Some(root)) = (
        web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()),
        document().document_element(),
    ) {
        observer.observe(&root);
        // Lives as long as the page.
        std::mem::forget(observer);
    }
    callback.forget();
}

/// Posts `change` with the headline figures of `column` whenever they change.
pub fn report_changes(ctx: Ctx, host: Host, column: Memo<Column>) {
    let name = ctx.column_name_of(move || column.get());
    Effect::new(move |_| {
        let column = column.get();
        let name = name.get();
        let message = ctx.comparison.with(|c| {
            let metrics = c
                .as_ref()
                .and_then(|c| c.get(column))
                .and_then(|r| r.as_ref().ok())
                .map(|e| &e.metrics);
            embed::change_message(column, &name, metrics)
        });
        host.post(&message);
    });
}

/// The link that opens the visitor's plan in the full planner, with the plan it was made
/// from: made after a quiet moment (compressing is asynchronous), so it can lag the last edit
/// by a moment; [`FullLink::latest`] always gives the current plan's.
#[derive(Clone, Copy)]
pub struct FullLink {
    made: RwSignal<Option<(Arc<Plan>, Option<String>)>>,
    ctx: Ctx,
}

impl FullLink {
    /// The link last made (`None` while there is none, or the plan is too large for a link).
    pub fn shown(self) -> Option<String> {
        self.made.with(|m| m.as_ref().and_then(|(_, l)| l.clone()))
    }

    /// The link for the plan on screen now, if it was made already (no waiting).
    pub fn ready(self) -> Option<Option<String>> {
        let plan = self.ctx.plan.get_untracked()?;
        self.made.with_untracked(|m| {
            m.as_ref()
                .filter(|(p, _)| Arc::ptr_eq(p, &plan))
                .map(|(_, l)| l.clone())
        })
    }

    /// The link for the plan on screen now: the one made, or made now.
    pub async fn latest(self) -> Option<String> {
        if let Some(ready) = self.ready() {
            return ready;
        }
        let plan = self.ctx.plan.get_untracked()?;
        let link = full_link(&plan).await;
        self.made.set(Some((plan, link.clone())));
        link
    }
}

/// The full planner's address with `plan` in its fragment (`None` if it is too large).
async fn full_link(plan: &Plan) -> Option<String> {
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let origin = location.origin().unwrap_or_default();
    deflate::encode(plan)
        .await
        .ok()
        .map(|fragment| format!("{origin}{path}#{fragment}"))
}

/// Keeps the open plan in the frame's own address (as a share link, after a quiet moment), so
/// a reload of the frame keeps the visitor's edits; returns the link that opens the plan in the
/// full planner.
pub fn keep_in_address(ctx: Ctx) -> FullLink {
    let made = RwSignal::new(None::<(Arc<Plan>, Option<String>)>);
    let timer = StoredValue::new(None::<i32>);
    Effect::new(move |_| {
        let Some(plan) = ctx.plan.get() else {
            return;
        };
        if let Some(id) = timer.get_value() {
            window().clear_timeout_with_handle(id);
        }
        let write = Closure::once_into_js(move || {
            timer.set_value(None);
            leptos::task::spawn_local(async move {
                let location = window().location();
                let path = location.pathname().unwrap_or_default();
                let search = location.search().unwrap_or_default();
                match deflate::encode(&plan).await {
                    Ok(fragment) => {
                        let here = format!("{path}{search}#{fragment}");
                        if let Ok(history) = window().history() {
                            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&here));
                        }
                        let origin = location.origin().unwrap_or_default();
                        made.set(Some((plan, Some(format!("{origin}{path}#{fragment}")))));
                    }
                    Err(_) => made.set(Some((plan, None))),
                }
            });
        });
        let id = window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(write.unchecked_ref(), 400)
            .ok();
        timer.set_value(id);
    });
    FullLink { made, ctx }
}
