//! The Embed dialog: choose how the planner looks and what it shows on another site, copy the
//! snippet (or a plain iframe for sites that strip scripts), and see it live. The snippet and
//! the options are built by the pure [`crate::embed`], which also validates them.

use leptos::prelude::*;

use crate::components::dialogs::copy_text;
use crate::ctx::use_ctx;
use crate::deflate;
use crate::embed::{self, Cta, Font, Options, Rgb, Theme, View};
use crate::i18n::{texts, Texts};
use crate::model::Lang;

/// The app's own address (where `embed.js` and the page are), ending in `/`.
fn app_address() -> String {
    let location = window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let dir = path.rsplit_once('/').map_or("", |(d, _)| d);
    format!("{origin}{dir}/")
}

/// The accent the app uses when none is given (style/main.css).
const DEFAULT_ACCENT: &str = "#1f5f8b";
/// The light theme's page and text colours (style/main.css), shown until the host picks its own.
const DEFAULT_BG: &str = "#f4f6f9";
const DEFAULT_TEXT: &str = "#1e293b";
const DEFAULT_RADIUS: u8 = 10;

/// What the dialog's form holds: the embed's options as the user sets them.
#[derive(Clone, Copy)]
struct Choices {
    view: RwSignal<View>,
    lang: RwSignal<Option<Lang>>,
    theme: RwSignal<Theme>,
    accent: RwSignal<String>,
    /// A host's page and text colours; `None` keeps the theme's own.
    background: RwSignal<Option<String>>,
    text: RwSignal<Option<String>>,
    font: RwSignal<Option<Font>>,
    radius: RwSignal<u8>,
    prefill: RwSignal<bool>,
    cta_label: RwSignal<String>,
    cta_url: RwSignal<String>,
    cta_share: RwSignal<bool>,
    host: RwSignal<String>,
}

impl Choices {
    fn new(lang: Lang) -> Self {
        Self {
            view: RwSignal::new(View::Calculator),
            lang: RwSignal::new(Some(lang)),
            theme: RwSignal::new(Theme::Light),
            accent: RwSignal::new(DEFAULT_ACCENT.to_owned()),
            background: RwSignal::new(None),
            text: RwSignal::new(None),
            font: RwSignal::new(None),
            radius: RwSignal::new(DEFAULT_RADIUS),
            prefill: RwSignal::new(true),
            cta_label: RwSignal::new(String::new()),
            cta_url: RwSignal::new(String::new()),
            cta_share: RwSignal::new(false),
            host: RwSignal::new(String::new()),
        }
    }

    /// The options as chosen, before colours that are hard to read are dropped.
    fn wanted(self) -> Options {
        Options {
            lang: self.lang.get(),
            accent: Rgb::parse(&self.accent.get()).filter(|c| c.css() != DEFAULT_ACCENT),
            background: self.background.with(|c| c.as_deref().and_then(Rgb::parse)),
            text: self.text.with(|c| c.as_deref().and_then(Rgb::parse)),
            font: self.font.get(),
            radius: Some(self.radius.get()).filter(|r| *r != DEFAULT_RADIUS),
            theme: self.theme.get(),
            view: self.view.get(),
            cta: self.cta_label.with(|l| {
                let label = l.trim();
                let url = self.cta_url.with(|u| embed::parse_https_url(u))?;
                (!label.is_empty()).then(|| Cta {
                    label: label.chars().take(embed::MAX_TEXT).collect(),
                    url,
                    share: self.cta_share.get(),
                })
            }),
            host: self.host.with(|h| {
                let h = h.trim();
                (!h.is_empty()).then(|| h.chars().take(embed::MAX_TEXT).collect())
            }),
            ..Options::default()
        }
    }
}

#[component]
pub fn EmbedDialog() -> impl IntoView {
    let ctx = use_ctx();
    // Plain text: the dialog is built again when the language changes (see `Dialogs`).
    let tx = texts(ctx.lang.get_untracked());
    let choices = Choices::new(ctx.lang.get_untracked());

    // The open plan's share link (compressing is asynchronous in the browser).
    let fragment = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if let Some(plan) = ctx.plan.get() {
            leptos::task::spawn_local(async move {
                fragment.set(deflate::encode(&plan).await.ok());
            });
        }
    });
    let wanted = Memo::new(move |_| choices.wanted());
    // Colours the embed would drop (it keeps its theme's own when they are hard to read): said
    // beside the fields, and left out of the code.
    let low_contrast = Memo::new(move |_| {
        wanted
            .with(Options::lowest_contrast)
            .filter(|c| *c < embed::MIN_CONTRAST)
    });
    let options = Memo::new(move |_| {
        let mut o = wanted.get();
        if low_contrast.get().is_some() {
            o.background = None;
            o.text = None;
        }
        o
    });
    let link = move || choices.prefill.get().then(|| fragment.get()).flatten();
    let app = app_address();
    // The preview's height once its planner shows, for the snippet's reserved height.
    let preview_height = RwSignal::new(None::<u32>);
    let preview_frame = NodeRef::<leptos::html::Iframe>::new();
    let snippet = {
        let app = app.clone();
        Memo::new(move |_| {
            let height = preview_height.get();
            options.with(|o| embed::snippet(&app, o, link().as_deref(), height))
        })
    };
    let iframe = Memo::new(move |_| {
        // The frame's accessible name in the embed's language.
        options.with(|o| {
            let title = o.lang.map_or(tx.app_title, |l| texts(l).app_title);
            embed::iframe_snippet(&app, o, link().as_deref(), title, 900)
        })
    });
    // The preview is the embed itself, on this origin, without a host to talk to.
    let preview = Memo::new(move |_| {
        let mut src = format!("./?embed=1&{}", options.with(Options::to_query));
        if let Some(l) = link() {
            src.push('#');
            src.push_str(&l);
        }
        src
    });

    view! {
        <h2 id="dialog-title">{tx.embed_title}</h2>
        <p class="small">{tx.embed_help}</p>
        <div class="embed-dialog">
            <div class="form-grid embed-options">
                {look_fields(tx, choices, low_contrast)}
                {host_fields(tx, choices)}
            </div>
            {code_block("embed-snippet", tx.embed_snippet, 4, snippet, "copy-embed", true)}
            {code_block("embed-iframe", tx.embed_iframe, 3, iframe, "copy-iframe", false)}
            <p class="details-title">{tx.embed_preview}</p>
            <iframe
                class="embed-preview"
                data-testid="embed-preview"
                title=tx.embed_preview
                src=move || preview.get()
                node_ref=preview_frame
                on:load=move |_| measure_preview(preview_frame, preview_height)
            ></iframe>
        </div>
    }
}

/// What the embed shows and how it looks: view, language, theme, colours, font and corners.
fn look_fields(
    tx: &'static Texts,
    choices: Choices,
    low_contrast: Memo<Option<f64>>,
) -> impl IntoView {
    (
        view_field(tx, choices.view),
        lang_field(tx, choices.lang),
        theme_field(tx, choices.theme),
        colour_fields(tx, choices, low_contrast),
        font_field(tx, choices.font),
        radius_field(tx, choices.radius),
    )
}

/// Which view the embed opens in, and what that view is for.
fn view_field(tx: &'static Texts, view_kind: RwSignal<View>) -> impl IntoView {
    view! {
        <div class="field">
            <label for="embed-view">{tx.embed_view}</label>
            <select
                id="embed-view"
                aria-describedby="embed-view-about"
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some(k) = View::ALL.into_iter().find(|k| k.key() == v) {
                        view_kind.set(k);
                    }
                }
            >
                {View::ALL
                    .into_iter()
                    .map(|k| {
                        let label = match k {
                            View::Full => tx.view_full,
                            View::Calculator => tx.view_calculator,
                            View::Presentation => tx.view_presentation,
                        };
                        view! { <option value=k.key() selected=k == view_kind.get_untracked()>{label}</option> }
                    })
                    .collect_view()}
            </select>
            <p class="hint" id="embed-view-about">
                {move || match view_kind.get() {
                    View::Full => tx.view_full_about,
                    View::Calculator => tx.view_calculator_about,
                    View::Presentation => tx.view_presentation_about,
                }}
            </p>
        </div>
    }
}

/// The embed's language, or the visitor's.
fn lang_field(tx: &'static Texts, lang: RwSignal<Option<Lang>>) -> impl IntoView {
    let lang_choice = move |value: String| match value.as_str() {
        "zh-CN" => Some(Lang::Zh),
        "en" => Some(Lang::En),
        _ => None,
    };
    view! {
        <div class="field">
            <label for="embed-lang">{tx.language}</label>
            <select id="embed-lang" on:change=move |ev| lang.set(lang_choice(event_target_value(&ev)))>
                <option value="visitor">{tx.embed_lang_visitor}</option>
                <option value="zh-CN" selected=lang.get_untracked() == Some(Lang::Zh)>"中文"</option>
                <option value="en" selected=lang.get_untracked() == Some(Lang::En)>"English"</option>
            </select>
        </div>
    }
}

/// Light, dark, or the visitor's.
fn theme_field(tx: &'static Texts, theme: RwSignal<Theme>) -> impl IntoView {
    view! {
        <div class="field">
            <label for="embed-theme">{tx.embed_theme}</label>
            <select
                id="embed-theme"
                on:change=move |ev| {
                    theme.set(Theme::from_key(&event_target_value(&ev)).unwrap_or_default())
                }
            >
                {Theme::ALL
                    .into_iter()
                    .map(|k| {
                        let label = match k {
                            Theme::Light => tx.theme_light,
                            Theme::Dark => tx.theme_dark,
                            Theme::Auto => tx.theme_auto,
                        };
                        view! { <option value=k.key()>{label}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// The accent, page and text colours, and why a pair is dropped when hard to read.
fn colour_fields(
    tx: &'static Texts,
    choices: Choices,
    low_contrast: Memo<Option<f64>>,
) -> impl IntoView {
    let accent = choices.accent;
    view! {
        <div class="field">
            <label for="embed-accent">{tx.embed_accent}</label>
            <input
                id="embed-accent"
                type="color"
                prop:value=move || accent.get()
                on:input=move |ev| accent.set(event_target_value(&ev))
            />
        </div>
        {colour_field("embed-bg", tx.embed_bg, DEFAULT_BG, choices.background, tx.embed_colour_default, low_contrast)}
        {colour_field("embed-text", tx.embed_text, DEFAULT_TEXT, choices.text, tx.embed_colour_default, low_contrast)}
        <p class="field-error embed-contrast" id="embed-contrast" role="status">
            {move || low_contrast.get().map(|c| tx.embed_low_contrast.replace("{}", &format!("{c:.1}:1")))}
        </p>
    }
}

/// The host's font, or the app's.
fn font_field(tx: &'static Texts, font: RwSignal<Option<Font>>) -> impl IntoView {
    view! {
        <div class="field">
            <label for="embed-font">{tx.embed_font}</label>
            <select id="embed-font" on:change=move |ev| font.set(Font::from_key(&event_target_value(&ev)))>
                <option value="">{tx.font_default}</option>
                {Font::ALL
                    .into_iter()
                    .map(|f| view! { <option value=f.key()>{f.key()}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}

/// The corners' radius in pixels (0–24).
fn radius_field(tx: &'static Texts, radius: RwSignal<u8>) -> impl IntoView {
    view! {
        <div class="field">
            <label for="embed-radius">{tx.embed_radius}</label>
            <input
                id="embed-radius"
                type="number"
                min="0"
                max="24"
                inputmode="numeric"
                prop:value=move || radius.get().to_string()
                on:input=move |ev| {
                    if let Ok(r) = event_target_value(&ev).trim().parse::<u8>() {
                        radius.set(r.min(24));
                    }
                }
            />
        </div>
    }
}

/// What the embed does on the host's site: the call to action, the host's name, and whether
/// the open plan goes with it.
fn host_fields(tx: &'static Texts, choices: Choices) -> impl IntoView {
    let Choices {
        prefill,
        cta_label,
        cta_url,
        cta_share,
        host,
        ..
    } = choices;
    let cta_url_ok = Memo::new(move |_| {
        cta_url.with(|u| u.trim().is_empty() || embed::parse_https_url(u).is_some())
    });
    view! {
        <div class="field">
            <label for="embed-cta">{tx.embed_cta_label}</label>
            <input id="embed-cta" type="text" maxlength="60" on:input=move |ev| cta_label.set(event_target_value(&ev))/>
        </div>
        <div class="field" class:invalid=move || !cta_url_ok.get()>
            <label for="embed-cta-url">{tx.embed_cta_url}</label>
            <input
                id="embed-cta-url"
                type="url"
                placeholder="https://"
                aria-invalid=move || (!cta_url_ok.get()).to_string()
                aria-describedby="embed-cta-url-error"
                on:input=move |ev| cta_url.set(event_target_value(&ev))
            />
            <p class="field-error" id="embed-cta-url-error" role="status">
                {move || (!cta_url_ok.get()).then_some(tx.embed_bad_url)}
            </p>
        </div>
        <div class="field">
            <label for="embed-host">{tx.embed_host}</label>
            <input id="embed-host" type="text" maxlength="60" on:input=move |ev| host.set(event_target_value(&ev))/>
        </div>
        <label class="check">
            <input type="checkbox" prop:checked=move || prefill.get() on:change=move |ev| prefill.set(event_target_checked(&ev))/>
            {tx.embed_prefill}
        </label>
        <label class="check">
            <input type="checkbox" prop:checked=move || cta_share.get() on:change=move |ev| cta_share.set(event_target_checked(&ev))/>
            {tx.embed_cta_share}
        </label>
    }
}

/// A colour the host may set or leave to the theme (`None`): the picker shows the theme's
/// colour until one is chosen, and "Default" gives it back to the theme.
fn colour_field(
    id: &'static str,
    label: &'static str,
    default: &'static str,
    colour: RwSignal<Option<String>>,
    reset: &'static str,
    low_contrast: Memo<Option<f64>>,
) -> impl IntoView {
    view! {
        <div class="field" class:invalid=move || colour.with(Option::is_some) && low_contrast.get().is_some()>
            <label for=id>{label}</label>
            <div class="colour-choice">
                <input
                    id=id
                    type="color"
                    aria-describedby="embed-contrast"
                    prop:value=move || colour.get().unwrap_or_else(|| default.to_owned())
                    on:input=move |ev| colour.set(Some(event_target_value(&ev)))
                />
                <button
                    type="button"
                    class="button quiet"
                    data-action=format!("{id}-default")
                    disabled=move || colour.with(Option::is_none)
                    on:click=move |_| colour.set(None)
                >
                    {reset}
                </button>
            </div>
        </div>
    }
}

/// A labelled, read-only block of code with a button that copies it.
fn code_block(
    id: &'static str,
    label: &'static str,
    rows: u8,
    code: Memo<String>,
    action: &'static str,
    primary: bool,
) -> impl IntoView {
    let ctx = use_ctx();
    let tx = texts(ctx.lang.get_untracked());
    let copied = RwSignal::new(false);
    view! {
        <label for=id>{label}</label>
        <textarea id=id class="embed-code" readonly=true rows=rows prop:value=move || code.get()></textarea>
        <div class="dialog-actions start">
            <button
                type="button"
                class="button"
                class:primary=primary
                data-action=action
                on:click=move |_| copy_text(ctx, code.get_untracked(), copied)
            >
                {move || if copied.get() { tx.copied } else { tx.copy_code }}
            </button>
        </div>
    }
}

/// Reads the preview's height (same origin) once its planner has taken over, trying for a few
/// seconds: the snippet then reserves that space on the host page.
fn measure_preview(frame: NodeRef<leptos::html::Iframe>, height: RwSignal<Option<u32>>) {
    height.set(None);
    leptos::task::spawn_local(async move {
        for _ in 0..50 {
            gloo_timers_sleep(200).await;
            let root = frame
                .get_untracked()
                .and_then(|f| f.content_document())
                .and_then(|d| d.document_element());
            let Some(root) = root else {
                return;
            };
            if root.has_attribute("data-live") {
                let h = root.get_bounding_client_rect().height().ceil();
                if h > 0.0 {
                    height.set(Some(h as u32));
                }
                return;
            }
        }
    });
}

/// Waits `ms` milliseconds.
async fn gloo_timers_sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(
            wasm_bindgen::JsCast::unchecked_ref(&resolve),
            ms,
        );
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
