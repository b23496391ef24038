//! The page's tabs: a tab list (arrow keys move between tabs) and the panels it controls.

use leptos::prelude::*;

use crate::components::focus::focus_later;
use crate::i18n::texts;
use crate::model::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Budget,
    Scenarios,
    Compare,
    Charts,
    Answers,
}

impl From<crate::embed::FirstTab> for Tab {
    fn from(t: crate::embed::FirstTab) -> Tab {
        match t {
            crate::embed::FirstTab::Budget => Tab::Budget,
            crate::embed::FirstTab::Scenarios => Tab::Scenarios,
            crate::embed::FirstTab::Compare => Tab::Compare,
            crate::embed::FirstTab::Charts => Tab::Charts,
            crate::embed::FirstTab::Answers => Tab::Answers,
        }
    }
}

impl Tab {
    pub const ALL: [Tab; 5] = [
        Tab::Budget,
        Tab::Scenarios,
        Tab::Compare,
        Tab::Charts,
        Tab::Answers,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Tab::Budget => "budget",
            Tab::Scenarios => "scenarios",
            Tab::Compare => "compare",
            Tab::Charts => "charts",
            Tab::Answers => "answers",
        }
    }

    fn label(self, lang: Lang) -> &'static str {
        let t = texts(lang);
        match self {
            Tab::Budget => t.tab_budget,
            Tab::Scenarios => t.tab_scenarios,
            Tab::Compare => t.tab_compare,
            Tab::Charts => t.tab_charts,
            Tab::Answers => crate::i18n::answer_texts(lang).tab,
        }
    }

    /// Its name on a phone.
    fn short(self, lang: Lang) -> &'static str {
        let i = Tab::ALL.iter().position(|t| *t == self).unwrap_or(0);
        texts(lang).tabs_short[i]
    }

    /// The tab `step` places away, wrapping around.
    fn offset(self, step: isize) -> Tab {
        let n = Tab::ALL.len() as isize;
        let i = Tab::ALL.iter().position(|t| *t == self).unwrap_or(0) as isize;
        Tab::ALL[(i + step).rem_euclid(n) as usize]
    }
}

#[component]
pub fn TabList(tab: RwSignal<Tab>, lang: ReadSignal<Lang>) -> impl IntoView {
    view! {
        <nav class="tabs" role="tablist" aria-label=move || texts(lang.get()).app_title>
            {Tab::ALL
                .into_iter()
                .map(|which| {
                    view! {
                        <button
                            type="button"
                            role="tab"
                            id=format!("tab-{}", which.key())
                            aria-controls=format!("panel-{}", which.key())
                            aria-selected=move || (tab.get() == which).to_string()
                            tabindex=move || if tab.get() == which { "0" } else { "-1" }
                            class="tab"
                            class:active=move || tab.get() == which
                            on:click=move |_| tab.set(which)
                            on:keydown=move |ev| {
                                let step = match ev.key().as_str() {
                                    "ArrowRight" => 1,
                                    "ArrowLeft" => -1,
                                    _ => return,
                                };
                                let next = which.offset(step);
                                tab.set(next);
                                focus_later(format!("tab-{}", next.key()));
                            }
                        >
                            <span class="tab-long">{move || which.label(lang.get())}</span>
                            <span class="tab-short">{move || which.short(lang.get())}</span>
                        </button>
                    }
                })
                .collect_view()}
        </nav>
    }
}

/// The panel of tab `which`. Its content exists only while the tab is open: a hidden tab costs
/// nothing at start-up and is not updated on every edit.
#[component]
pub fn TabPanel(which: Tab, tab: RwSignal<Tab>, children: ChildrenFn) -> impl IntoView {
    let open = Memo::new(move |_| tab.get() == which);
    view! {
        <section
            class="panel"
            role="tabpanel"
            id=format!("panel-{}", which.key())
            aria-labelledby=format!("tab-{}", which.key())
            hidden=move || !open.get()
        >
            <Show when=move || open.get()>{children()}</Show>
        </section>
    }
}
