//! The page's browser effects, each in the shape of leptos-use's `use_*` functions: what it
//! needs in, a handle (or a signal) out, and the effect undone when the owner that started it
//! is cleaned up (listeners removed, observers disconnected, timers cleared). The rest of the
//! glue and the screens start effects only through these, so each has one place where it is
//! set up and one where it is taken down.

use std::cell::Cell;
use std::rc::Rc;

use leptos::ev::EventDescriptor;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::ctx::Ctx;
use crate::model::Lang;
use crate::session::NoticeKind;

/// Listens to `event` on the window until the calling owner is cleaned up.
pub fn use_window_event<E>(event: E, handler: impl Fn(E::EventType) + 'static)
where
    E: EventDescriptor + 'static,
    E::EventType: JsCast,
{
    let handle = window_event_listener(event, handler);
    on_cleanup(move || handle.remove());
}

/// Listens to a custom event (`ccp:update-ready`) on the window until the calling owner is
/// cleaned up.
pub fn use_window_custom_event(name: &str, handler: impl Fn(web_sys::Event) + 'static) {
    let handle = window_event_listener_untyped(name, handler);
    on_cleanup(move || handle.remove());
}

/// An attribute of the root element (`<html>`), followed: boot.js, the toggle and an embed's
/// options all change `data-theme` there. The observer is disconnected with the owner.
pub fn use_root_attribute(name: &'static str) -> ReadSignal<Option<String>> {
    let read = move || {
        document()
            .document_element()
            .and_then(|r| r.get_attribute(name))
    };
    let (value, set_value) = signal(read());
    let Some(root) = document().document_element() else {
        return value;
    };
    let changed = Closure::<dyn Fn()>::new(move || {
        let now = read();
        if value.try_with_untracked(|v| *v != now).unwrap_or(false) {
            set_value.set(now);
        }
    });
    let Ok(observer) = web_sys::MutationObserver::new(changed.as_ref().unchecked_ref()) else {
        return value;
    };
    let init = web_sys::MutationObserverInit::new();
    init.set_attributes(true);
    init.set_attribute_filter(&js_sys::Array::of1(&name.into()));
    let _ = observer.observe_with_options(&root, &init);
    let kept = StoredValue::new_local((observer, changed));
    on_cleanup(move || {
        kept.try_with_value(|(o, _)| o.disconnect());
    });
    value
}

/// A task that runs once after a quiet delay: starting it again replaces the waiting task
/// (typing never waits on storage), cancelling or dropping it means it never runs.
#[derive(Default)]
pub struct Timeout {
    /// The browser's id of the waiting task; cleared by the task when it runs.
    waiting: Rc<Cell<Option<i32>>>,
}

impl Timeout {
    /// Runs `task` after `ms` milliseconds, instead of any task still waiting.
    pub fn start(&self, ms: i32, task: impl FnOnce() + 'static) {
        self.cancel();
        let waiting = self.waiting.clone();
        let fire = Closure::once_into_js(move || {
            waiting.set(None);
            task();
        });
        let id = window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(fire.unchecked_ref(), ms)
            .ok();
        self.waiting.set(id);
    }

    /// The waiting task will not run.
    pub fn cancel(&self) {
        if let Some(id) = self.waiting.take() {
            window().clear_timeout_with_handle(id);
        }
    }
}

impl Drop for Timeout {
    fn drop(&mut self) {
        self.cancel();
    }
}

/// Runs `f` while holding the named Web Lock (`navigator.locks`), or at once where the browser
/// has no Web Locks (older browsers, pages not served over https or localhost). The lock is
/// released when `f` returns.
pub fn with_lock(name: &str, f: impl FnOnce() + 'static) {
    let task = Rc::new(std::cell::RefCell::new(Some(f)));
    let run = {
        let task = task.clone();
        move || {
            if let Some(f) = task.borrow_mut().take() {
                f();
            }
        }
    };
    let request = js_sys::Reflect::get(&window().navigator(), &JsValue::from_str("locks"))
        .ok()
        .filter(|locks| locks.is_object())
        .and_then(|locks| {
            let request = js_sys::Reflect::get(&locks, &JsValue::from_str("request")).ok()?;
            Some((locks, request.dyn_into::<js_sys::Function>().ok()?))
        });
    let Some((locks, request)) = request else {
        run();
        return;
    };
    let callback = {
        let run = run.clone();
        Closure::once_into_js(move |_lock: JsValue| {
            run();
            JsValue::UNDEFINED
        })
    };
    // If the request itself throws, run without the lock rather than not at all.
    if request
        .call2(&locks, &JsValue::from_str(name), &callback)
        .is_err()
    {
        run();
    }
}

// ---------------------------------------------------------------------------------------------
// The planner page's effects (started by `app::App`).

/// Another tab saved: the session follows it, or lets the user choose. (An embed keeps its
/// plan in memory: no other tab shares it, and it does not call this.)
pub fn use_other_tab_saves(ctx: Ctx) {
    use_window_event(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() == Some(crate::storage::KEY) {
            ctx.storage_changed(ev.new_value());
        }
    });
}

/// Saves wait for a quiet moment; a page being hidden or closed saves at once, so an edit
/// made just before is never lost. If work would still be lost (a changed shared plan,
/// storage that refuses), leaving asks first.
pub fn use_save_on_leave(ctx: Ctx) {
    use_window_event(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            ctx.save_now();
        }
    });
    use_window_event(leptos::ev::pagehide, move |_| ctx.save_now());
    use_window_event(leptos::ev::beforeunload, move |ev| {
        ctx.save_now();
        if ctx.work_at_risk() {
            ev.prevent_default();
            ev.set_return_value("");
        }
    });
}

/// A new build of the app is ready (boot.js watches the offline copy and marks the root
/// `data-update`, then fires `ccp:update-ready`): say so once, and switch only when the user
/// asks (after this page's work is saved).
pub fn use_update_notice(ctx: Ctx) {
    let update_ready = move || {
        if !ctx
            .notices
            .with_untracked(|n| n.iter().any(|n| n.kind == NoticeKind::UpdateReady))
        {
            ctx.notify(NoticeKind::UpdateReady);
        }
    };
    if document()
        .document_element()
        .and_then(|e| e.get_attribute("data-update"))
        .is_some()
    {
        update_ready();
    }
    use_window_custom_event("ccp:update-ready", move |_| update_ready());
}

/// Keeps `<html lang>` and the title in the page's language.
pub fn use_document_lang(lang: ReadSignal<Lang>) {
    Effect::new(move |_| {
        let l = lang.get();
        let doc = document();
        if let Some(root) = doc.document_element() {
            let _ = root.set_attribute("lang", l.tag());
        }
        doc.set_title(crate::i18n::texts(l).app_title);
    });
}

/// Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z (or Ctrl+Y) undo and redo anywhere on the page.
pub fn use_undo_keys(ctx: Ctx) {
    use_window_event(leptos::ev::keydown, move |ev| {
        let modifier = ev.ctrl_key() || ev.meta_key();
        if !modifier || ev.alt_key() {
            return;
        }
        match ev.key().to_ascii_lowercase().as_str() {
            "z" if ev.shift_key() => {
                ev.prevent_default();
                ctx.redo();
            }
            "z" => {
                ev.prevent_default();
                ctx.undo();
            }
            "y" => {
                ev.prevent_default();
                ctx.redo();
            }
            _ => {}
        }
    });
}
