//! Example plans: the worked example from docs/model.md, the seed article's two cases (an
//! e-commerce firm and a manufacturer) and a subscription (SaaS) business. Each has lines in
//! every category and the five strategy presets as scenarios. The figures are plausible
//! illustrations, not data about any real firm.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::lang::Lang;
use super::plan::{
    Basis, BudgetLine, Category, FeeTier, LineId, Plan, ScenarioId, Stage, Strategy, TierId,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Example {
    /// The worked example of the model documentation (a 12-month plan).
    Starter,
    /// 案例一：某电商企业.
    Ecommerce,
    /// 案例二：某制造企业.
    Manufacturer,
    /// A subscription software business.
    Saas,
}

impl Example {
    pub const ALL: [Example; 4] = [
        Example::Starter,
        Example::Ecommerce,
        Example::Manufacturer,
        Example::Saas,
    ];

    pub const fn key(self) -> &'static str {
        match self {
            Example::Starter => "starter",
            Example::Ecommerce => "ecommerce",
            Example::Manufacturer => "manufacturer",
            Example::Saas => "saas",
        }
    }

    pub fn from_key(key: &str) -> Option<Example> {
        Example::ALL.into_iter().find(|e| e.key() == key)
    }

    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Example::Starter => lang.pick("示例：入门方案", "Example: starter plan"),
            Example::Ecommerce => lang.pick("示例：某电商企业", "Example: e-commerce firm"),
            Example::Manufacturer => lang.pick("示例：某制造企业", "Example: manufacturer"),
            Example::Saas => lang.pick("示例：订阅制软件企业", "Example: SaaS business"),
        }
    }

    /// The example plan, with names in `lang`.
    pub fn plan(self, lang: Lang) -> Plan {
        let spec = match self {
            Example::Starter => STARTER,
            Example::Ecommerce => ECOMMERCE,
            Example::Manufacturer => MANUFACTURER,
            Example::Saas => SAAS,
        };
        let mut plan = Plan {
            name: self.name(lang).to_owned(),
            currency: "CNY".to_owned(),
            horizon_months: spec.horizon,
            starting_customers: dec(spec.economics[0]),
            new_customers_per_month: dec(spec.economics[1]),
            new_customers_growth_pct: Decimal::ZERO,
            seasonality_pct: None,
            first_calendar_month: 1,
            churn_pct: dec(spec.economics[2]),
            revenue_per_customer_month: dec(spec.economics[3]),
            gross_margin_pct: dec(spec.economics[4]),
            annual_discount_pct: dec(spec.economics[5]),
            lines: spec
                .lines
                .iter()
                .zip(1..)
                .map(|(l, id)| BudgetLine {
                    id: LineId(id),
                    name: lang.pick(l.zh, l.en).to_owned(),
                    category: l.category,
                    stage: l.stage,
                    amount: dec(l.amount),
                    basis: l.basis,
                    from_month: None,
                    to_month: None,
                })
                .collect(),
            fee_tiers: spec
                .tiers
                .iter()
                .zip(1..)
                .map(|(t, id)| FeeTier {
                    id: TierId(id),
                    name: lang.pick(t.0, t.1).to_owned(),
                    share_pct: dec(t.2),
                    monthly_fee: dec(t.3),
                })
                .collect(),
            scenarios: Vec::new(),
            ranges: Vec::new(),
        };
        plan.scenarios = Strategy::ALL
            .into_iter()
            .zip(1..)
            .map(|(s, id)| s.scenario(ScenarioId(id), lang))
            .collect();
        plan
    }
}

/// Literals below are checked by the tests; a bad one would give zero, never a panic.
fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_default()
}

struct LineSpec {
    zh: &'static str,
    en: &'static str,
    category: Category,
    stage: Stage,
    amount: &'static str,
    basis: Basis,
}

struct Spec {
    horizon: u16,
    /// N0, A, churn %, R, margin %, annual discount %.
    economics: [&'static str; 6],
    lines: &'static [LineSpec],
    /// (zh name, en name, share %, monthly fee).
    tiers: &'static [(&'static str, &'static str, &'static str, &'static str)],
}

const fn line(
    zh: &'static str,
    en: &'static str,
    category: Category,
    stage: Stage,
    amount: &'static str,
    basis: Basis,
) -> LineSpec {
    LineSpec {
        zh,
        en,
        category,
        stage,
        amount,
        basis,
    }
}

use Basis::{Annual, Monthly, OneTime, PerActiveCustomer, PerNewCustomer};
use Category::{AfterSales, Crm, Marketing, Other, Support, TrainingPay};
use Stage::{Acquisition, Retention, Service};

const STARTER: Spec = Spec {
    horizon: 12,
    economics: ["1000", "100", "5", "200", "60", "0"],
    lines: &[
        line("广告投放", "Ads", Marketing, Acquisition, "30000", Monthly),
        line(
            "行业展会",
            "Trade show",
            Marketing,
            Acquisition,
            "60000",
            OneTime { month: 3 },
        ),
        line(
            "CRM 系统许可",
            "CRM licences",
            Crm,
            Retention,
            "36000",
            Annual,
        ),
        line(
            "客户支持团队",
            "Support team",
            Support,
            Service,
            "20000",
            Monthly,
        ),
        line(
            "售后服务（按活跃客户）",
            "After-sales per active customer",
            AfterSales,
            Service,
            "5",
            PerActiveCustomer,
        ),
        line(
            "新客户入门培训",
            "Onboarding per new customer",
            TrainingPay,
            Acquisition,
            "50",
            PerNewCustomer,
        ),
    ],
    tiers: &[],
};

const ECOMMERCE: Spec = Spec {
    horizon: 24,
    economics: ["50000", "6000", "8", "120", "30", "8"],
    lines: &[
        line(
            "信息流广告",
            "Feed ads",
            Marketing,
            Acquisition,
            "250000",
            Monthly,
        ),
        line(
            "新客优惠券",
            "New-customer coupons",
            Marketing,
            Acquisition,
            "15",
            PerNewCustomer,
        ),
        line(
            "市场调研",
            "Market research",
            Marketing,
            Acquisition,
            "120000",
            Annual,
        ),
        line(
            "电商大促展会",
            "Shopping-festival trade show",
            Marketing,
            Acquisition,
            "150000",
            OneTime { month: 10 },
        ),
        line(
            "售后退换货处理",
            "Returns and exchanges",
            AfterSales,
            Service,
            "1.2",
            PerActiveCustomer,
        ),
        line(
            "客户满意度调查",
            "Customer satisfaction surveys",
            AfterSales,
            Retention,
            "60000",
            Annual,
        ),
        line(
            "在线客服团队",
            "Online support team",
            Support,
            Service,
            "180000",
            Monthly,
        ),
        line(
            "客服系统维护",
            "Support system maintenance",
            Support,
            Service,
            "48000",
            Annual,
        ),
        line(
            "CRM 系统订阅",
            "CRM subscription",
            Crm,
            Retention,
            "30000",
            Monthly,
        ),
        line(
            "CRM 升级与数据分析模块",
            "CRM upgrade and analytics module",
            Crm,
            Retention,
            "200000",
            OneTime { month: 6 },
        ),
        line(
            "客服培训",
            "Service staff training",
            TrainingPay,
            Service,
            "80000",
            Annual,
        ),
        line(
            "运营团队绩效奖金",
            "Operations team bonuses",
            TrainingPay,
            Acquisition,
            "8",
            PerNewCustomer,
        ),
        line(
            "会员关怀礼品",
            "Member care gifts",
            Other,
            Retention,
            "0.5",
            PerActiveCustomer,
        ),
    ],
    tiers: &[("付费会员", "Paid membership", "5", "15")],
};

const MANUFACTURER: Spec = Spec {
    horizon: 36,
    economics: ["300", "6", "1.5", "60000", "22", "10"],
    lines: &[
        line(
            "行业展会",
            "Industry trade fairs",
            Marketing,
            Acquisition,
            "600000",
            Annual,
        ),
        line(
            "行业媒体广告",
            "Trade press ads",
            Marketing,
            Acquisition,
            "40000",
            Monthly,
        ),
        line(
            "样品与技术推介",
            "Samples and technical pitches",
            Marketing,
            Acquisition,
            "15000",
            PerNewCustomer,
        ),
        line(
            "售后工程师驻场服务",
            "On-site service engineers",
            AfterSales,
            Service,
            "600",
            PerActiveCustomer,
        ),
        line(
            "备件与保修",
            "Spare parts and warranty",
            AfterSales,
            Service,
            "80000",
            Monthly,
        ),
        line(
            "客户满意度调研",
            "Customer satisfaction research",
            AfterSales,
            Retention,
            "50000",
            Annual,
        ),
        line(
            "技术支持热线",
            "Technical support hotline",
            Support,
            Service,
            "50000",
            Monthly,
        ),
        line(
            "CRM 系统许可与维护",
            "CRM licences and maintenance",
            Crm,
            Retention,
            "180000",
            Annual,
        ),
        line(
            "CRM 与 ERP 集成升级",
            "CRM–ERP integration upgrade",
            Crm,
            Retention,
            "300000",
            OneTime { month: 9 },
        ),
        line(
            "大客户经理薪酬",
            "Key account managers' pay",
            TrainingPay,
            Retention,
            "150000",
            Monthly,
        ),
        line(
            "销售团队提成",
            "Sales commission",
            TrainingPay,
            Acquisition,
            "20000",
            PerNewCustomer,
        ),
        line(
            "服务团队培训",
            "Service team training",
            TrainingPay,
            Service,
            "120000",
            Annual,
        ),
        line(
            "客户答谢会",
            "Customer appreciation events",
            Other,
            Retention,
            "200000",
            Annual,
        ),
    ],
    tiers: &[
        ("战略客户", "Strategic accounts", "10", "3000"),
        ("重点客户", "Key accounts", "30", "1000"),
        ("普通客户", "Standard accounts", "60", "0"),
    ],
};

const SAAS: Spec = Spec {
    horizon: 36,
    economics: ["800", "60", "2.5", "2000", "80", "10"],
    lines: &[
        line(
            "搜索与社交广告",
            "Search and social ads",
            Marketing,
            Acquisition,
            "120000",
            Monthly,
        ),
        line(
            "内容营销与网络研讨会",
            "Content marketing and webinars",
            Marketing,
            Acquisition,
            "30000",
            Monthly,
        ),
        line(
            "行业峰会展位",
            "Industry summit booth",
            Marketing,
            Acquisition,
            "180000",
            OneTime { month: 4 },
        ),
        line(
            "客户成功团队",
            "Customer success team",
            AfterSales,
            Retention,
            "90000",
            Monthly,
        ),
        line(
            "工单与在线支持",
            "Tickets and live support",
            Support,
            Service,
            "40",
            PerActiveCustomer,
        ),
        line(
            "知识库与支持系统",
            "Knowledge base and help desk",
            Support,
            Service,
            "60000",
            Annual,
        ),
        line(
            "CRM 与营销自动化订阅",
            "CRM and marketing automation",
            Crm,
            Retention,
            "150000",
            Annual,
        ),
        line(
            "CRM 数据清洗与升级",
            "CRM data clean-up and upgrade",
            Crm,
            Retention,
            "80000",
            OneTime { month: 12 },
        ),
        line(
            "销售提成",
            "Sales commission",
            TrainingPay,
            Acquisition,
            "1500",
            PerNewCustomer,
        ),
        line(
            "销售与客服培训",
            "Sales and support training",
            TrainingPay,
            Service,
            "100000",
            Annual,
        ),
        line(
            "续约激励",
            "Renewal incentives",
            TrainingPay,
            Retention,
            "10",
            PerActiveCustomer,
        ),
        line(
            "用户大会",
            "User conference",
            Other,
            Retention,
            "120000",
            Annual,
        ),
    ],
    tiers: &[
        ("企业级专属支持", "Enterprise support", "15", "800"),
        ("高级支持", "Premium support", "25", "200"),
    ],
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{evaluate, validate};

    #[test]
    fn every_example_is_valid_and_covers_every_category() {
        for example in Example::ALL {
            for lang in Lang::ALL {
                let plan = example.plan(lang);
                assert!(
                    validate(&plan).is_empty(),
                    "{example:?}: {:?}",
                    validate(&plan)
                );
                for c in Category::ALL {
                    assert!(
                        plan.lines.iter().any(|l| l.category == c) || example == Example::Starter,
                        "{example:?} lacks {c:?}"
                    );
                }
                for l in &plan.lines {
                    assert!(l.amount > Decimal::ZERO, "{example:?} {}", l.name);
                }
                assert_eq!(plan.scenarios.len(), 5);
                let eval = evaluate(&plan).expect("computes");
                assert!(eval.metrics.total_cost > Decimal::ZERO);
            }
        }
    }

    #[test]
    fn the_business_examples_make_money_but_not_too_easily() {
        for example in [Example::Ecommerce, Example::Manufacturer, Example::Saas] {
            let m = evaluate(&example.plan(Lang::Zh)).expect("computes").metrics;
            let ltv_cac = m.ltv_cac.value().expect("defined");
            assert!(
                ltv_cac > Decimal::ONE && ltv_cac < Decimal::from(20),
                "{example:?}: LTV:CAC {ltv_cac}"
            );
            assert!(m.net_contribution > Decimal::ZERO, "{example:?}");
        }
    }
}
