//! Embedding in another site: the options a host page gives in the iframe's address, validated,
//! and the messages the app sends to the host. Pure (no browser crates), tested natively.
//!
//! Every option is checked against a closed set or a strict grammar and turned into a value the
//! app builds its own CSS from, so nothing a host (or a link) writes can inject CSS or script:
//! colours are `#rrggbb` or `rgb(r, g, b)`, fonts come from a short list, the call to action's
//! address must be `https:`, a plan file must be a path on the app's own origin. A rejected
//! option is ignored (the app's default applies) and listed, for the console.
//!
//! The protocol (docs/embedding.md): the app posts `{protocol: "ccp-embed", version: 1, type,
//! …}` only to the exact `parent` origin it was given, and only when the browser confirms that
//! origin is the page around it. It accepts no messages.

use std::sync::Arc;

use crate::exchange::json::{self, ReadPlan};
use crate::exchange::link::LinkError;
use crate::model::{Column, Example, Figure, Lang, Metric, Metrics};
use crate::session::{NoticeKind, PlanFileProblem};
use crate::state::{PlanEntry, PlanId, Workspace};

/// The `protocol` field of every message.
pub const PROTOCOL: &str = "ccp-embed";
/// The protocol version; a new version only adds fields or message types.
pub const VERSION: u32 = 1;

/// An sRGB colour, written back as `#rrggbb` whatever form it came in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rgb`, `#rrggbb`, `rgb(r, g, b)` or `rgb(r g b)` with 0–255 components; nothing else.
    pub fn parse(text: &str) -> Option<Rgb> {
        let t = text.trim();
        if let Some(hex) = t.strip_prefix('#') {
            if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            let digit = |i: usize| u8::from_str_radix(hex.get(i..=i)?, 16).ok();
            return match hex.len() {
                3 => Some(Rgb(digit(0)? * 17, digit(1)? * 17, digit(2)? * 17)),
                6 => {
                    let pair = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
                    Some(Rgb(pair(0)?, pair(2)?, pair(4)?))
                }
                _ => None,
            };
        }
        let inner = t
            .strip_prefix("rgb(")
            .or_else(|| t.strip_prefix("RGB("))?
            .strip_suffix(')')?;
        let parts: Vec<&str> = if inner.contains(',') {
            inner.split(',').map(str::trim).collect()
        } else {
            inner.split_whitespace().collect()
        };
        let [r, g, b] = parts.as_slice() else {
            return None;
        };
        let component = |s: &str| {
            (!s.is_empty() && s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse::<u8>().ok())
                .flatten()
        };
        Some(Rgb(component(r)?, component(g)?, component(b)?))
    }

    pub fn css(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// This colour mixed with `other`: `amount` 0 is this colour, 100 is `other`.
    pub fn mix(self, other: Rgb, amount: u8) -> Rgb {
        let a = u32::from(amount.min(100));
        let f = |x: u8, y: u8| ((u32::from(x) * (100 - a) + u32::from(y) * a + 50) / 100) as u8;
        Rgb(f(self.0, other.0), f(self.1, other.1), f(self.2, other.2))
    }

    /// Relative luminance (WCAG 2), 0 (black) to 1 (white).
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// The WCAG contrast ratio of two colours, 1 to 21.
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }
}

/// WCAG AA for normal text: a host's text and background colours must reach it.
pub const MIN_CONTRAST: f64 = 4.5;

const WHITE: Rgb = Rgb(255, 255, 255);
const BLACK: Rgb = Rgb(0, 0, 0);

/// The fonts a host may choose: the generic families and a short list of common faces, each
/// written out by the app with fallbacks (never the host's text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Font {
    System,
    SansSerif,
    Serif,
    Rounded,
    Inter,
    Roboto,
    NotoSans,
    Georgia,
}

impl Font {
    pub const ALL: [Font; 8] = [
        Font::System,
        Font::SansSerif,
        Font::Serif,
        Font::Rounded,
        Font::Inter,
        Font::Roboto,
        Font::NotoSans,
        Font::Georgia,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Font::System => "system-ui",
            Font::SansSerif => "sans-serif",
            Font::Serif => "serif",
            Font::Rounded => "ui-rounded",
            Font::Inter => "inter",
            Font::Roboto => "roboto",
            Font::NotoSans => "noto-sans",
            Font::Georgia => "georgia",
        }
    }

    pub fn from_key(key: &str) -> Option<Font> {
        let key = key.trim().to_ascii_lowercase();
        Font::ALL.into_iter().find(|f| f.key() == key)
    }

    /// The CSS `font-family` value; Chinese faces always follow, so Chinese text keeps a face
    /// made for it.
    pub fn css(self) -> String {
        const CJK: &str =
            "\"PingFang SC\", \"Hiragino Sans GB\", \"Microsoft YaHei\", \"Noto Sans CJK SC\"";
        let first = match self {
            Font::System => "system-ui, -apple-system, \"Segoe UI\"",
            Font::SansSerif => "\"Helvetica Neue\", Arial",
            Font::Serif => "Georgia, \"Times New Roman\", \"Songti SC\", SimSun",
            Font::Rounded => "ui-rounded, \"SF Pro Rounded\", system-ui",
            Font::Inter => "Inter, system-ui",
            Font::Roboto => "Roboto, system-ui",
            Font::NotoSans => "\"Noto Sans\", \"Noto Sans SC\", system-ui",
            Font::Georgia => "Georgia, \"Songti SC\", SimSun",
        };
        let generic = if matches!(self, Font::Serif | Font::Georgia) {
            "serif"
        } else {
            "sans-serif"
        };
        format!("{first}, {CJK}, {generic}")
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Light,
    Dark,
    /// Follows the visitor's system setting.
    Auto,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::Auto];

    /// The theme named `key` (`light`, `dark`, `auto`), as options and the Embed dialog write it.
    pub fn from_key(key: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.key() == key)
    }

    pub fn key(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
}

/// What the embed shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// The whole planner.
    #[default]
    Full,
    /// A compact calculator: the economics, the budget, the headline and one chart; no plan
    /// management, no scenarios editor.
    Calculator,
    /// A read-only presentation of a prefilled plan and its scenario comparison.
    Presentation,
}

impl View {
    pub const ALL: [View; 3] = [View::Full, View::Calculator, View::Presentation];

    pub fn key(self) -> &'static str {
        match self {
            View::Full => "full",
            View::Calculator => "calculator",
            View::Presentation => "presentation",
        }
    }

    /// Whether the plan may be edited.
    pub fn editable(self) -> bool {
        !matches!(self, View::Presentation)
    }
}

/// The tab a full embed opens on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FirstTab {
    Budget,
    Scenarios,
    Compare,
    Charts,
    Answers,
}

impl FirstTab {
    pub const ALL: [FirstTab; 5] = [
        FirstTab::Budget,
        FirstTab::Scenarios,
        FirstTab::Compare,
        FirstTab::Charts,
        FirstTab::Answers,
    ];

    pub fn key(self) -> &'static str {
        match self {
            FirstTab::Budget => "budget",
            FirstTab::Scenarios => "scenarios",
            FirstTab::Compare => "compare",
            FirstTab::Charts => "charts",
            FirstTab::Answers => "answers",
        }
    }
}

/// The host's call to action: a button that opens `url` in a new top-level tab.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cta {
    pub label: String,
    pub url: String,
    /// Whether the plan's share link is attached to `url` (as the `ccp_plan` parameter).
    pub share: bool,
}

/// The validated options. `Options::default()` is the planner on its own.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    /// Inside another page (`embed=1`): the plan lives in memory and in the address, never in
    /// storage (which browsers partition by the embedding site anyway).
    pub embedded: bool,
    /// The exact origin of the host page, the only one messages are posted to.
    pub parent: Option<String>,
    pub lang: Option<Lang>,
    pub currency: Option<String>,
    pub accent: Option<Rgb>,
    pub background: Option<Rgb>,
    pub text: Option<Rgb>,
    pub font: Option<Font>,
    /// Corner radius in px, 0–24.
    pub radius: Option<u8>,
    pub theme: Theme,
    pub view: View,
    pub tab: Option<FirstTab>,
    pub cta: Option<Cta>,
    /// The host's name, shown in the printed report.
    pub host: Option<String>,
    /// A plan file on the app's own origin, as a path relative to the app.
    pub plan_url: Option<String>,
}

/// Cards stand slightly apart from the page: lighter on a dark page, white-ish on a light one.
fn surface_of(bg: Rgb) -> Rgb {
    if bg.luminance() < 0.2 {
        bg.mix(WHITE, 8)
    } else {
        bg.mix(WHITE, 70)
    }
}

/// The text colour for a host's background when the host gives none.
fn default_text(bg: Rgb) -> Rgb {
    if bg.luminance() < 0.2 {
        Rgb(0xe5, 0xe9, 0xf0)
    } else {
        Rgb(0x1e, 0x29, 0x3b)
    }
}

/// An option that was given but not accepted, and why (for the console; English on purpose:
/// it is read by the host's developer).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    pub key: String,
    pub reason: &'static str,
}

/// Longest text option (label, host name), in characters.
pub const MAX_TEXT: usize = 60;
/// Longest address option (call to action, plan file), in bytes.
pub const MAX_URL: usize = 2_000;

/// Decodes `application/x-www-form-urlencoded` text (`+` is a space); `None` when the escapes
/// are broken or the bytes are not UTF-8.
pub fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = text.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

/// Encodes a query value: everything but unreserved characters is escaped.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `scheme://host[:port]` with nothing after it, lower-cased: `https:` anywhere, `http:` only
/// for localhost and 127.0.0.1 (development).
pub fn parse_origin(text: &str) -> Option<String> {
    let t = text.trim().to_ascii_lowercase();
    let (scheme, rest) = t.split_once("://")?;
    let host_port = rest.strip_suffix('/').unwrap_or(rest);
    if host_port.is_empty()
        || host_port.len() > 253
        || !host_port
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']'))
    {
        return None;
    }
    let host = host_port
        .rsplit_once(':')
        .filter(|(_, port)| port.bytes().all(|b| b.is_ascii_digit()) && !port.is_empty())
        .map_or(host_port, |(h, _)| h);
    let local = matches!(host, "localhost" | "127.0.0.1" | "[::1]");
    match scheme {
        "https" => Some(format!("https://{host_port}")),
        "http" if local => Some(format!("http://{host_port}")),
        _ => None,
    }
}

/// An `https:` address with a host, no credentials, no spaces or quotes; returned as given.
pub fn parse_https_url(text: &str) -> Option<String> {
    let t = text.trim();
    let rest = t.strip_prefix("https://")?;
    let host = rest.split(['/', '?', '#']).next()?;
    let ok_chars = t
        .bytes()
        .all(|b| b.is_ascii_graphic() && !matches!(b, b'"' | b'\'' | b'<' | b'>' | b'\\' | b'`'));
    (t.len() <= MAX_URL && !host.is_empty() && !host.contains('@') && ok_chars)
        .then(|| t.to_owned())
}

/// A plan file beside the app: a relative path of safe characters ending in `.json`, which
/// cannot leave the app's origin (no scheme, no `//`, no `..`).
pub fn parse_plan_path(text: &str) -> Option<String> {
    let t = text.trim();
    let t = t.strip_prefix("./").unwrap_or(t);
    let ok = !t.is_empty()
        && t.len() <= 300
        && t.ends_with(".json")
        && !t.starts_with('/')
        && !t.contains("//")
        && !t.split('/').any(|seg| seg == ".." || seg.is_empty())
        && t.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'/'));
    ok.then(|| t.to_owned())
}

/// Plain text of at most [`MAX_TEXT`] characters, with control characters removed.
fn parse_text(text: &str) -> Option<String> {
    let clean: String = text.chars().filter(|c| !c.is_control()).collect();
    let clean = clean.trim();
    (!clean.is_empty() && clean.chars().count() <= MAX_TEXT).then(|| clean.to_owned())
}

impl Options {
    /// Reads the options from a query string (with or without the leading `?`). Unknown keys
    /// are ignored; known keys with a bad value are listed in the second value.
    pub fn parse(query: &str) -> (Options, Vec<Rejected>) {
        let mut o = Options::default();
        let mut rejected = Vec::new();
        let (mut cta_label, mut cta_url, mut cta_share) = (None, None, false);
        let query = query.strip_prefix('?').unwrap_or(query);
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
            let Some(value) = percent_decode(raw) else {
                rejected.push(Rejected {
                    key: key.to_owned(),
                    reason: "not valid percent-encoded UTF-8",
                });
                continue;
            };
            let mut reject = |reason| {
                rejected.push(Rejected {
                    key: key.to_owned(),
                    reason,
                })
            };
            let value = value.as_str();
            match key {
                "embed" => o.embedded = matches!(value, "1" | "true" | ""),
                "parent" => match parse_origin(value) {
                    Some(origin) => o.parent = Some(origin),
                    None => reject("an origin: https://host[:port] (http only for localhost)"),
                },
                "lang" => match value.to_ascii_lowercase().as_str() {
                    "zh" | "zh-cn" | "zh-hans" => o.lang = Some(Lang::Zh),
                    "en" | "en-us" | "en-gb" => o.lang = Some(Lang::En),
                    _ => reject("zh-CN or en"),
                },
                "currency" => {
                    let code = value.trim().to_ascii_uppercase();
                    if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) {
                        o.currency = Some(code);
                    } else {
                        reject("a three-letter ISO 4217 code such as CNY");
                    }
                }
                "accent" | "bg" | "text" => match Rgb::parse(value) {
                    Some(c) => match key {
                        "accent" => o.accent = Some(c),
                        "bg" => o.background = Some(c),
                        _ => o.text = Some(c),
                    },
                    None => reject("a colour as #rgb, #rrggbb or rgb(r, g, b)"),
                },
                "font" => match Font::from_key(value) {
                    Some(f) => o.font = Some(f),
                    None => reject(
                        "one of system-ui, sans-serif, serif, ui-rounded, inter, roboto, noto-sans, georgia",
                    ),
                },
                "radius" => match value.trim().parse::<u8>() {
                    Ok(r) if r <= 24 => o.radius = Some(r),
                    _ => reject("whole pixels from 0 to 24"),
                },
                "theme" => match Theme::from_key(value) {
                    Some(t) => o.theme = t,
                    None => reject("light, dark or auto"),
                },
                "view" => match View::ALL.into_iter().find(|v| v.key() == value) {
                    Some(v) => o.view = v,
                    None => reject("full, calculator or presentation"),
                },
                "tab" => match FirstTab::ALL.into_iter().find(|t| t.key() == value) {
                    Some(t) => o.tab = Some(t),
                    None => reject("budget, scenarios, compare or charts"),
                },
                "cta" => match parse_text(value) {
                    Some(t) => cta_label = Some(t),
                    None => reject("plain text of 1 to 60 characters"),
                },
                "cta_url" => match parse_https_url(value) {
                    Some(u) => cta_url = Some(u),
                    None => reject("an https: address"),
                },
                "cta_share" => cta_share = matches!(value, "1" | "true"),
                "host" => match parse_text(value) {
                    Some(t) => o.host = Some(t),
                    None => reject("plain text of 1 to 60 characters"),
                },
                "plan" => match parse_plan_path(value) {
                    Some(p) => o.plan_url = Some(p),
                    None => reject("a .json file beside the app, as a relative path"),
                },
                _ => {}
            }
        }
        match (cta_label, cta_url) {
            (Some(label), Some(url)) => {
                o.cta = Some(Cta {
                    label,
                    url,
                    share: cta_share,
                })
            }
            (Some(_), None) => rejected.push(Rejected {
                key: "cta".into(),
                reason: "needs cta_url too",
            }),
            (None, Some(_)) => rejected.push(Rejected {
                key: "cta_url".into(),
                reason: "needs cta (the button's label) too",
            }),
            (None, None) => {}
        }
        (o, rejected)
    }

    /// Settles the options once the page knows whether it is framed: a framed page is an embed
    /// even without `embed=1`; colours, font and radius apply only in an embed (a visitor's own
    /// planner keeps its look); and text and background colours that do not reach WCAG's 4.5:1
    /// against each other (or the page's cards) are dropped for the default theme. Returns what
    /// was dropped, for the console.
    ///
    /// ```
    /// use customer_cost_planner::embed::Options;
    /// let (mut o, _) = Options::parse("?embed=1&bg=%23ffffff&text=%23eeeeee");
    /// let dropped = o.settle(true);
    /// assert_eq!((o.background, o.text, dropped.len()), (None, None, 2));
    /// let (mut o, _) = Options::parse("?accent=%23c2410c");
    /// assert_eq!((o.settle(false).len(), o.accent), (1, None));
    /// ```
    pub fn settle(&mut self, framed: bool) -> Vec<Rejected> {
        let mut dropped = Vec::new();
        if framed {
            self.embedded = true;
        }
        if !self.embedded {
            let styled = [
                ("accent", self.accent.take().is_some()),
                ("bg", self.background.take().is_some()),
                ("text", self.text.take().is_some()),
                ("font", self.font.take().is_some()),
                ("radius", self.radius.take().is_some()),
            ];
            for (key, given) in styled {
                if given {
                    dropped.push(Rejected {
                        key: key.into(),
                        reason: "colours, font and radius apply only in an embed (embed=1)",
                    });
                }
            }
            return dropped;
        }
        // No text or background colour given: nothing to measure (`lowest_contrast` is None).
        if self.lowest_contrast().is_some_and(|c| c < MIN_CONTRAST) {
            for (key, given) in [
                ("bg", self.background.take().is_some()),
                ("text", self.text.take().is_some()),
            ] {
                if given {
                    dropped.push(Rejected {
                            key: key.into(),
                            reason: "text and background must contrast by at least 4.5:1 (WCAG AA); the default theme is used",
                        });
                }
            }
        }
        dropped
    }

    /// The lowest contrast between the text and the page or a card, in every theme the embed
    /// may show, when the host gives a text or background colour (`None` otherwise: the
    /// stylesheet's own colours are readable). Below [`MIN_CONTRAST`] they are dropped.
    pub fn lowest_contrast(&self) -> Option<f64> {
        if self.text.is_none() && self.background.is_none() {
            return None;
        }
        let themes: &[Theme] = match self.theme {
            Theme::Light => &[Theme::Light],
            Theme::Dark => &[Theme::Dark],
            Theme::Auto => &[Theme::Light, Theme::Dark],
        };
        themes
            .iter()
            .map(|theme| {
                let (bg, surface) = self.surfaces(*theme);
                let text = self.text_on(*theme);
                text.contrast(bg).min(text.contrast(surface))
            })
            .reduce(f64::min)
    }

    /// The page and card backgrounds in `theme`, as the stylesheet and these options make them.
    fn surfaces(&self, theme: Theme) -> (Rgb, Rgb) {
        match (self.background, theme) {
            (Some(bg), _) => (bg, surface_of(bg)),
            (None, Theme::Dark) => (Rgb(0x0f, 0x17, 0x2a), Rgb(0x1b, 0x25, 0x37)),
            (None, Theme::Light | Theme::Auto) => (Rgb(0xf4, 0xf6, 0xf9), WHITE),
        }
    }

    /// The text colour in `theme`, as the stylesheet and these options make it.
    fn text_on(&self, theme: Theme) -> Rgb {
        match (self.text, self.background, theme) {
            (Some(t), _, _) => t,
            (None, Some(bg), _) => default_text(bg),
            (None, None, Theme::Dark) => Rgb(0xe2, 0xe8, 0xf0),
            (None, None, Theme::Light | Theme::Auto) => Rgb(0x1e, 0x29, 0x3b),
        }
    }

    /// Whether the app shows the host's theme (any colour, font or radius, or a dark theme).
    pub fn themed(&self) -> bool {
        self.accent.is_some()
            || self.background.is_some()
            || self.text.is_some()
            || self.font.is_some()
            || self.radius.is_some()
            || self.theme != Theme::Light
    }

    /// The CSS custom properties the options set on the page's root, computed here so the
    /// page only copies them (through the CSSOM, which a strict CSP allows).
    pub fn css_properties(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if let Some(accent) = self.accent {
            // The strong shade for text on light backgrounds and hover; the soft one for fills.
            let strong = accent.mix(BLACK, 22);
            let surface = self.background.unwrap_or(WHITE);
            out.push(("--ccp-accent", accent.css()));
            out.push(("--ccp-accent-strong", strong.css()));
            // Text on the accent: white where it reads (WCAG AA), else near-black.
            let on = if accent.contrast(WHITE) >= 4.5 {
                WHITE
            } else {
                Rgb(0x0f, 0x17, 0x2a)
            };
            out.push(("--ccp-on-accent", on.css()));
            out.push(("--ccp-accent-soft", accent.mix(surface, 88).css()));
        }
        if let Some(bg) = self.background {
            out.push(("--ccp-bg", bg.css()));
            out.push(("--ccp-surface", surface_of(bg).css()));
            let text = self.text.unwrap_or(default_text(bg));
            out.push(("--ccp-border", bg.mix(text, 18).css()));
            out.push(("--ccp-muted", text.mix(bg, 30).css()));
        }
        if let Some(text) = self.text {
            out.push(("--ccp-text", text.css()));
        }
        if let Some(font) = self.font {
            out.push(("--ccp-font", font.css()));
        }
        if let Some(r) = self.radius {
            out.push(("--ccp-radius", format!("{r}px")));
        }
        out
    }

    /// The query string that gives these options (what the embed dialog and `embed.js` write),
    /// without `embed` and `parent`, which belong to one host page.
    pub fn to_query(&self) -> String {
        self.pairs()
            .iter()
            .map(|(k, v)| format!("{k}={}", percent_encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// The options as (parameter, value) pairs, defaults left out.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut parts: Vec<(&'static str, String)> = Vec::new();
        let mut push = |k: &'static str, v: &str| parts.push((k, v.to_owned()));
        if let Some(l) = self.lang {
            push("lang", l.tag());
        }
        if let Some(c) = &self.currency {
            push("currency", c);
        }
        if let Some(c) = self.accent {
            push("accent", &c.css());
        }
        if let Some(c) = self.background {
            push("bg", &c.css());
        }
        if let Some(c) = self.text {
            push("text", &c.css());
        }
        if let Some(f) = self.font {
            push("font", f.key());
        }
        if let Some(r) = self.radius {
            push("radius", &r.to_string());
        }
        if self.theme != Theme::Light {
            push("theme", self.theme.key());
        }
        if self.view != View::Full {
            push("view", self.view.key());
        }
        if let Some(t) = self.tab {
            push("tab", t.key());
        }
        if let Some(cta) = &self.cta {
            push("cta", &cta.label);
            push("cta_url", &cta.url);
            if cta.share {
                push("cta_share", "1");
            }
        }
        if let Some(h) = &self.host {
            push("host", h);
        }
        if let Some(p) = &self.plan_url {
            push("plan", p);
        }
        parts
    }
}

/// Text for an HTML attribute value in double quotes.
fn attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// The one-line embed for a host page: a `div` with the options as `data-*` attributes (and the
/// plan's share link, to prefill it) and the loader from the app's address `app` (ending in `/`).
///
/// With `height` (the planner's height as the Embed dialog's preview shows it), the div holds
/// that space from the host page's first paint (`data-height` and a `min-height`), so nothing
/// below it moves when the planner arrives.
pub fn snippet(app: &str, o: &Options, link: Option<&str>, height: Option<u32>) -> String {
    let mut div = String::from("<div data-ccp");
    for (k, v) in o.pairs() {
        div.push_str(&format!(" data-{}=\"{}\"", k.replace('_', "-"), attr(&v)));
    }
    if let Some(l) = link {
        div.push_str(&format!(" data-link=\"{}\"", attr(l)));
    }
    if let Some(h) = height.filter(|h| (120..=40_000).contains(h)) {
        div.push_str(&format!(" data-height=\"{h}\" style=\"min-height:{h}px\""));
    }
    div.push_str("></div>");
    format!(
        "{div}\n<script src=\"{}embed.js\" async></script>",
        attr(app)
    )
}

/// The same as a plain `iframe` at a fixed height, for sites that strip scripts (no automatic
/// height, no events).
pub fn iframe_snippet(
    app: &str,
    o: &Options,
    link: Option<&str>,
    title: &str,
    height: u32,
) -> String {
    let query = o.to_query();
    let mut src = format!("{app}?embed=1");
    if !query.is_empty() {
        src.push('&');
        src.push_str(&query);
    }
    if let Some(l) = link {
        src.push('#');
        src.push_str(l);
    }
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{height}\" frameborder=\"0\" loading=\"lazy\"></iframe>",
        attr(&src),
        attr(title)
    )
}

/// The address the call to action opens: `url` with the plan's share link attached as
/// `ccp_plan` when asked for, before any fragment of its own.
pub fn cta_target(cta: &Cta, share_link: Option<&str>) -> String {
    let Some(link) = share_link.filter(|_| cta.share) else {
        return cta.url.clone();
    };
    let (base, fragment) = match cta.url.split_once('#') {
        Some((b, f)) => (b, Some(f)),
        None => (cta.url.as_str(), None),
    };
    let sep = if base.contains('?') { '&' } else { '?' };
    let mut out = format!("{base}{sep}ccp_plan={}", percent_encode(link));
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}

/// What an embed starts with: the workspace text to put in its memory (`None`: the example,
/// as on a first visit) and what could not be opened, to tell the visitor.
///
/// The plan comes from the share link in the frame's address (`shared`: read, if there is
/// one), else from the plan file the host named (`file`: its path and what fetching it gave,
/// its text or why there is none). The host's currency, if given, replaces the plan's.
pub fn prefill(
    shared: Option<Result<ReadPlan, LinkError>>,
    file: Option<(&str, Result<&str, PlanFileProblem>)>,
    currency: Option<&str>,
    lang: Lang,
) -> (Option<String>, Vec<NoticeKind>) {
    let mut notices = Vec::new();
    let mut plan = None;
    match shared {
        Some(Ok(read)) => plan = Some((read.plan, None)),
        Some(Err(e)) => notices.push(NoticeKind::Link(e)),
        None => {}
    }
    if let (None, Some((path, text))) = (&plan, file) {
        match text.and_then(|t| json::read_plan(t).map_err(PlanFileProblem::Read)) {
            Ok(read) => plan = Some((read.plan, None)),
            Err(problem) => notices.push(NoticeKind::PlanFile {
                path: path.to_owned(),
                problem,
            }),
        }
    }
    if plan.is_none() && currency.is_none() {
        return (None, notices);
    }
    let (mut plan, example) = plan.unwrap_or_else(|| {
        (
            Example::Starter.plan(lang),
            Some(Example::Starter.key().to_owned()),
        )
    });
    if let Some(code) = currency {
        plan.currency = code.to_owned();
    }
    let ws = Workspace {
        plans: vec![PlanEntry {
            id: PlanId(1),
            example,
            plan: Arc::new(plan),
        }],
        selected: PlanId(1),
        lang,
        trash: Vec::new(),
        set_aside: Vec::new(),
    };
    (Some(json::workspace_to_json(&ws, 0, false)), notices)
}

/// The `change` message: the headline figures of the column on screen, as exact decimal
/// strings (`null` when a figure is undefined), keyed as in `ccp report`.
pub fn change_message(column: Column, name: &str, metrics: Option<&Metrics>) -> serde_json::Value {
    let figures: serde_json::Map<String, serde_json::Value> = Metric::HEADLINE
        .into_iter()
        .map(|m| {
            let value = match metrics.map(|ms| m.of(ms)) {
                Some(Figure::Value(v)) => serde_json::Value::String(v.normalize().to_string()),
                Some(Figure::Undefined(_)) | None => serde_json::Value::Null,
            };
            (m.key(), value)
        })
        .collect();
    serde_json::json!({
        "protocol": PROTOCOL,
        "version": VERSION,
        "type": HostMessage::Change.key(),
        "scenario": column.key(),
        "name": name,
        "figures": figures,
    })
}

/// The kinds of message the planner posts to its host page (docs/embedding.md, "Events").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HostMessage {
    /// The planner shows (with its view and language).
    Ready,
    /// The content's height changed: the frame fits it.
    Height,
    /// The headline figures changed ([`change_message`]).
    Change,
    /// The visitor pressed the call to action.
    Cta,
}

impl HostMessage {
    /// The message's `type` on the wire.
    pub const fn key(self) -> &'static str {
        match self {
            HostMessage::Ready => "ready",
            HostMessage::Height => "height",
            HostMessage::Change => "change",
            HostMessage::Cta => "cta",
        }
    }
}

/// A message of `kind` with `fields` besides the protocol, its version and its type.
pub fn message(kind: HostMessage, fields: serde_json::Value) -> serde_json::Value {
    let mut m = serde_json::json!({ "protocol": PROTOCOL, "version": VERSION, "type": kind.key() });
    if let (Some(m), serde_json::Value::Object(extra)) = (m.as_object_mut(), fields) {
        m.extend(extra);
    }
    m
}

/// Whether the browser's view of the page around the frame (`location.ancestorOrigins[0]`,
/// where the browser has it) agrees with the `parent` the host gave. Without that list (Firefox)
/// the exact target origin of `postMessage` still keeps messages from anyone else.
pub fn parent_verified(parent: &str, ancestor: Option<&str>) -> bool {
    match ancestor {
        Some(a) => parse_origin(a).as_deref() == Some(parent),
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(not(target_arch = "wasm32"))]
    use crate::exchange::link;

    #[test]
    fn colours_are_hex_or_rgb_and_come_back_as_hex() {
        assert_eq!(Rgb::parse("#1f5f8b"), Some(Rgb(0x1f, 0x5f, 0x8b)));
        assert_eq!(Rgb::parse("#FFF"), Some(Rgb(255, 255, 255)));
        assert_eq!(Rgb::parse("rgb(10, 20, 30)"), Some(Rgb(10, 20, 30)));
        assert_eq!(Rgb::parse("rgb(10 20 30)"), Some(Rgb(10, 20, 30)));
        assert_eq!(
            Rgb::parse("rgb(10 20 30)").map(Rgb::css).as_deref(),
            Some("#0a141e")
        );
        for bad in [
            "red",
            "#12345",
            "#12345g",
            "rgb(256, 0, 0)",
            "rgb(1,2)",
            "rgb(1,2,3,4)",
            "rgb(-1,2,3)",
            "#fff;}body{display:none",
            "rgb(1,2,3);background:url(x)",
            "var(--x)",
            "",
        ] {
            assert_eq!(Rgb::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn origins_are_exact_and_secure() {
        assert_eq!(
            parse_origin("https://Example.com"),
            Some("https://example.com".into())
        );
        assert_eq!(
            parse_origin("https://a.b.com:8443/"),
            Some("https://a.b.com:8443".into())
        );
        assert_eq!(
            parse_origin("http://127.0.0.1:8092"),
            Some("http://127.0.0.1:8092".into())
        );
        assert_eq!(
            parse_origin("http://localhost:3000"),
            Some("http://localhost:3000".into())
        );
        for bad in [
            "http://example.com",
            "https://example.com/page",
            "https://user@example.com",
            "*",
            "null",
            "javascript:alert(1)",
            "https://",
            "https://exa mple.com",
        ] {
            assert_eq!(parse_origin(bad), None, "{bad}");
        }
        assert!(parent_verified("https://a.com", Some("https://a.com")));
        assert!(!parent_verified("https://a.com", Some("https://evil.com")));
        assert!(parent_verified("https://a.com", None));
    }

    #[test]
    fn options_are_read_and_bad_ones_are_listed() {
        let (o, rejected) = Options::parse(
            "?embed=1&parent=https%3A%2F%2Fconsult.example&lang=en&currency=usd&accent=%23c2410c\
             &bg=rgb(255%2C250%2C240)&font=serif&radius=4&theme=dark&view=calculator&tab=charts\
             &cta=Book+a+call&cta_url=https%3A%2F%2Fconsult.example%2Fbook&cta_share=1&host=Acme+Consulting\
             &plan=plans%2Fdemo.json&unknown=1",
        );
        assert!(rejected.is_empty(), "{rejected:?}");
        assert!(o.embedded);
        assert_eq!(o.parent.as_deref(), Some("https://consult.example"));
        assert_eq!(o.lang, Some(Lang::En));
        assert_eq!(o.currency.as_deref(), Some("USD"));
        assert_eq!(o.accent, Some(Rgb(0xc2, 0x41, 0x0c)));
        assert_eq!(o.background, Some(Rgb(255, 250, 240)));
        assert_eq!(o.font, Some(Font::Serif));
        assert_eq!(o.radius, Some(4));
        assert_eq!(o.theme, Theme::Dark);
        assert_eq!(o.view, View::Calculator);
        assert_eq!(o.tab, Some(FirstTab::Charts));
        assert_eq!(
            o.cta,
            Some(Cta {
                label: "Book a call".into(),
                url: "https://consult.example/book".into(),
                share: true
            })
        );
        assert_eq!(o.host.as_deref(), Some("Acme Consulting"));
        assert_eq!(o.plan_url.as_deref(), Some("plans/demo.json"));

        // What the embed dialog writes reads back to the same options.
        let (again, rejected) = Options::parse(&format!(
            "embed=1&parent=https://consult.example&{}",
            o.to_query()
        ));
        assert!(rejected.is_empty(), "{rejected:?}");
        assert_eq!(again, o);

        let (o, rejected) = Options::parse(
            "accent=red&font=Comic%20Sans&radius=99&theme=neon&view=admin&tab=x&lang=fr\
             &currency=%E2%82%AC&cta_url=http://x.com&plan=..%2Fsecret.json&parent=*&host=%ZZ",
        );
        assert_eq!(o, Options::default());
        let keys: Vec<&str> = rejected.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "accent", "font", "radius", "theme", "view", "tab", "lang", "currency", "cta_url",
                "plan", "parent", "host"
            ]
        );
    }

    #[test]
    fn nothing_can_escape_into_css_or_markup() {
        let (o, _) = Options::parse(
            "accent=%23fff%3Bx&font=serif%3B%7D&cta=%3Cscript%3E&cta_url=https://a.com/%22onclick",
        );
        assert_eq!(o.accent, None);
        assert_eq!(o.font, None);
        // A label is shown as text (never markup); the address with a quote is refused.
        assert!(o.cta.is_none());
        let themed = Options {
            accent: Some(Rgb(1, 2, 3)),
            background: Some(Rgb(0, 0, 0)),
            text: Some(Rgb(250, 250, 250)),
            font: Some(Font::Inter),
            radius: Some(0),
            ..Options::default()
        };
        for (_, value) in themed.css_properties() {
            assert!(!value.contains(';') && !value.contains('{') && !value.contains('}'));
        }
    }

    #[test]
    fn plan_files_stay_on_the_app_origin() {
        assert_eq!(
            parse_plan_path("./plans/a.json").as_deref(),
            Some("plans/a.json")
        );
        for bad in [
            "https://evil.com/a.json",
            "//evil.com/a.json",
            "/etc/a.json",
            "../a.json",
            "a/../../b.json",
            "a.js",
            "a.json?x=1",
            "",
        ] {
            assert_eq!(parse_plan_path(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_share_link_travels_with_the_call_to_action() {
        let cta = Cta {
            label: "Talk to us".into(),
            url: "https://a.com/contact?src=ccp#form".into(),
            share: true,
        };
        assert_eq!(
            cta_target(&cta, Some("https://app.example/#plan=1.abc")),
            "https://a.com/contact?src=ccp&ccp_plan=https%3A%2F%2Fapp.example%2F%23plan%3D1.abc#form"
        );
        let plain = Cta {
            share: false,
            ..cta.clone()
        };
        assert_eq!(cta_target(&plain, Some("x")), plain.url);
        assert_eq!(cta_target(&cta, None), cta.url);
    }

    #[test]
    fn a_dark_background_gets_light_text_and_readable_muted_text() {
        let (o, _) = Options::parse("bg=%23111827");
        let props: std::collections::HashMap<_, _> = o.css_properties().into_iter().collect();
        let muted = Rgb::parse(&props["--ccp-muted"]).unwrap();
        let surface = Rgb::parse(&props["--ccp-surface"]).unwrap();
        assert!(
            muted.contrast(surface) >= 4.5,
            "{}",
            muted.contrast(surface)
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn plan_of(workspace: &str) -> crate::model::Plan {
        match json::read(workspace) {
            Ok(json::Imported::Workspace(w)) => (*w.workspace.plans[0].plan).clone(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn an_embed_starts_from_the_link_then_the_file_then_the_example() {
        let mut shared = Example::Starter.plan(Lang::En);
        shared.name = "Shared".into();
        let fragment = link::encode(&shared).unwrap();
        let mut filed = Example::Starter.plan(Lang::En);
        filed.name = "Filed".into();
        let file_text = json::plan_to_json(&filed);
        let read = |f: &str| link::is_link(f).then(|| link::decode(f));

        let (ws, notices) = prefill(
            read(&fragment),
            Some(("a.json", Ok(&file_text))),
            None,
            Lang::En,
        );
        assert!(notices.is_empty());
        assert_eq!(plan_of(&ws.unwrap()), shared);

        let (ws, notices) = prefill(
            None,
            Some(("a.json", Ok(&file_text))),
            Some("USD"),
            Lang::En,
        );
        assert!(notices.is_empty());
        let plan = plan_of(&ws.unwrap());
        assert_eq!(
            (plan.name.as_str(), plan.currency.as_str()),
            ("Filed", "USD")
        );

        // Nothing given: the first visit's example, left to the session.
        assert_eq!(prefill(None, None, None, Lang::Zh), (None, vec![]));

        // What cannot be opened is said, and the example opens instead.
        let (ws, notices) = prefill(
            read("plan=1.%%%"),
            Some(("b.json", Err(PlanFileProblem::Unreachable))),
            None,
            Lang::En,
        );
        assert_eq!(ws, None);
        assert!(matches!(notices[0], NoticeKind::Link(_)));
        assert_eq!(
            notices[1],
            NoticeKind::PlanFile {
                path: "b.json".into(),
                problem: PlanFileProblem::Unreachable
            }
        );
        let (_, notices) = prefill(None, Some(("c.json", Ok("[1]"))), None, Lang::En);
        assert!(matches!(
            notices[0],
            NoticeKind::PlanFile {
                problem: PlanFileProblem::Read(_),
                ..
            }
        ));
        for problem in [
            PlanFileProblem::TimedOut,
            PlanFileProblem::Read(json::JsonError::TooLarge),
        ] {
            let (ws, notices) =
                prefill(None, Some(("d.json", Err(problem.clone()))), None, Lang::Zh);
            assert_eq!(ws, None);
            let notice = &notices[0];
            assert_eq!(
                *notice,
                NoticeKind::PlanFile {
                    path: "d.json".into(),
                    problem
                }
            );
            assert_ne!(
                crate::messages::notice(notice, Lang::Zh),
                crate::messages::notice(notice, Lang::En)
            );
        }
    }

    #[test]
    fn styling_applies_only_in_an_embed_and_only_when_it_reads() {
        // (query, framed, embedded after, background kept, text kept, accent kept)
        let cases = [
            (
                "?bg=%23ffffff&text=%23ffffff",
                false,
                false,
                false,
                false,
                false,
            ),
            ("?accent=%23c2410c", true, true, false, false, true),
            (
                "?embed=1&bg=%230f172a&text=%23e5e9f0",
                false,
                true,
                true,
                true,
                false,
            ),
            (
                "?embed=1&bg=%23ffffff&text=%23777777",
                false,
                true,
                false,
                false,
                false,
            ),
            ("?embed=1&text=%23333333", false, true, false, true, false),
            (
                "?embed=1&text=%23333333&theme=dark",
                false,
                true,
                false,
                false,
                false,
            ),
            (
                "?embed=1&text=%23333333&theme=auto",
                false,
                true,
                false,
                false,
                false,
            ),
            ("?embed=1&bg=%23111111", false, true, true, false, false),
            ("?theme=dark", false, false, false, false, false),
        ];
        for (query, framed, embedded, bg, text, accent) in cases {
            let (mut o, _) = Options::parse(query);
            let theme = o.theme;
            o.settle(framed);
            assert_eq!(
                (
                    o.embedded,
                    o.background.is_some(),
                    o.text.is_some(),
                    o.accent.is_some()
                ),
                (embedded, bg, text, accent),
                "{query} framed={framed}"
            );
            assert_eq!(
                o.theme, theme,
                "{query}: a light or dark theme is the visitor's choice too"
            );
        }
    }

    #[test]
    fn the_change_message_carries_exact_figures() {
        let plan = Example::Starter.plan(Lang::En);
        let comparison = crate::model::compare(&plan);
        let base = comparison.baseline().map(|e| &e.metrics);
        let m = change_message(Column::Baseline, "Baseline", base);
        let report = crate::exchange::report::report(&plan, Lang::En);
        assert_eq!(m["protocol"], PROTOCOL);
        assert_eq!(m["type"], "change");
        assert_eq!(m["scenario"], "baseline");
        for metric in Metric::HEADLINE {
            let key = metric.key();
            assert_eq!(
                m["figures"][&key], report["scenarios"][0]["figures"][&key]["value"],
                "{key}"
            );
        }
        assert_eq!(m["figures"]["cac"], "400");
    }

    #[test]
    fn snippets_carry_the_options_and_escape_them() {
        let (o, _) = Options::parse(
            "view=calculator&accent=%23c2410c&cta=Say+%22hi%22+%3Cnow%3E&cta_url=https://a.com/x?a=1%26b=2&cta_share=1",
        );
        let s = snippet("https://planner.example/ccp/", &o, Some("plan=1.abc"), None);
        assert_eq!(
            s,
            "<div data-ccp data-accent=\"#c2410c\" data-view=\"calculator\" data-cta=\"Say &quot;hi&quot; &lt;now&gt;\" \
             data-cta-url=\"https://a.com/x?a=1&amp;b=2\" data-cta-share=\"1\" data-link=\"plan=1.abc\"></div>\n\
             <script src=\"https://planner.example/ccp/embed.js\" async></script>"
        );
        let held = snippet("https://planner.example/ccp/", &o, None, Some(1384));
        assert!(
            held.contains(" data-height=\"1384\" style=\"min-height:1384px\"></div>"),
            "{held}"
        );
        assert!(!snippet("https://planner.example/ccp/", &o, None, Some(7)).contains("height"));
        let f = iframe_snippet("https://planner.example/ccp/", &o, None, "Planner", 900);
        assert!(f.starts_with(
            "<iframe src=\"https://planner.example/ccp/?embed=1&amp;accent=%23c2410c&amp;view=calculator&amp;cta=Say%20%22hi%22%20%3Cnow%3E"
        ));
        assert!(f.contains("height=\"900\""));
        // What embed.js turns the attributes into reads back to the same options.
        let (again, rejected) = Options::parse(&o.to_query());
        assert!(rejected.is_empty());
        assert_eq!(again, o);
    }

    #[test]
    fn text_on_the_accent_stays_readable() {
        for accent in [
            "#c2410c", "#fde047", "#1f5f8b", "#ffffff", "#000000", "#22c55e",
        ] {
            let (o, _) = Options::parse(&format!("accent={}", percent_encode(accent)));
            let props: std::collections::HashMap<_, _> = o.css_properties().into_iter().collect();
            let on = Rgb::parse(&props["--ccp-on-accent"]).unwrap();
            let a = Rgb::parse(accent).unwrap();
            assert!(on.contrast(a) >= 4.5, "{accent}: {}", on.contrast(a));
        }
    }

    #[test]
    fn percent_decoding_refuses_broken_escapes() {
        assert_eq!(percent_decode("a+b%20c").as_deref(), Some("a b c"));
        assert_eq!(percent_decode("%E4%B8%AD").as_deref(), Some("中"));
        assert_eq!(percent_decode("%E4%B8"), None);
        assert_eq!(percent_decode("%4"), None);
        assert_eq!(
            percent_decode(&percent_encode("a b&c=中")).as_deref(),
            Some("a b&c=中")
        );
    }
}
