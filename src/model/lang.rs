//! The two languages the app speaks. The model uses them only for the names its example plans
//! and presets carry in both languages (`Lang::pick`); its errors are data, put into words by
//! the layer above it.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// Simplified Chinese, the default.
    #[default]
    #[serde(rename = "zh-CN")]
    Zh,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The BCP 47 tag, as used in `<html lang>`.
    pub const fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The language for a browser language tag: Chinese for any `zh…`, English otherwise.
    ///
    /// ```
    /// use customer_cost_planner::model::Lang;
    /// assert_eq!(Lang::from_browser_tag("zh-TW"), Lang::Zh);
    /// assert_eq!(Lang::from_browser_tag("en-GB"), Lang::En);
    /// ```
    pub fn from_browser_tag(tag: &str) -> Lang {
        if tag.trim().to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// `zh` in Chinese, `en` in English.
    pub fn pick<T>(self, zh: T, en: T) -> T {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}
