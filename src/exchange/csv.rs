//! Budget lines as CSV, both ways, and the comparison table as CSV.
//!
//! Written for spreadsheets: UTF-8 with a byte-order mark (so Excel and WPS open Chinese
//! correctly), RFC 4180 quoting, CRLF line ends. Text cells that a spreadsheet would run as a
//! formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) are written with a leading
//! `'`, which reading strips again. Reading accepts Chinese or English headers, labels or keys
//! for categories, stages and bases, and every value goes through the model's parser, so `1.2万`
//! and `¥12,000` import. Problems are listed with row and column; nothing is applied by this
//! module.

use crate::format;
use crate::i18n;
use crate::model::{
    delta, limits, parse_months, parse_value, validate_line, Basis, BasisKind, BudgetLine,
    Category, Column, Comparison, Lang, LineId, Metric, ParseError, Plan, Rule, Stage,
};

/// The byte-order mark that tells spreadsheets the file is UTF-8.
pub const BOM: char = '\u{FEFF}';
/// Largest CSV file read, in bytes.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;

/// The columns of a lines CSV, in the order written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineColumn {
    Name,
    Category,
    Stage,
    Basis,
    Month,
    Amount,
    /// The first month a line costs in (blank: from month 1).
    FromMonth,
    /// The last month a line costs in (blank: to the plan's end).
    ToMonth,
}

impl LineColumn {
    pub const ALL: [LineColumn; 8] = [
        LineColumn::Name,
        LineColumn::Category,
        LineColumn::Stage,
        LineColumn::Basis,
        LineColumn::Month,
        LineColumn::Amount,
        LineColumn::FromMonth,
        LineColumn::ToMonth,
    ];

    /// Whether a file may leave the column out.
    const fn optional(self) -> bool {
        matches!(
            self,
            LineColumn::Month | LineColumn::FromMonth | LineColumn::ToMonth
        )
    }

    pub fn header(self, lang: Lang) -> &'static str {
        let t = i18n::texts(lang);
        match self {
            LineColumn::Name => t.col_name,
            LineColumn::Category => t.col_category,
            LineColumn::Stage => t.col_stage,
            LineColumn::Basis => t.col_basis,
            LineColumn::Month => t.col_month,
            LineColumn::Amount => t.col_amount,
            LineColumn::FromMonth => t.col_from_month,
            LineColumn::ToMonth => t.col_to_month,
        }
    }

    /// Every header accepted for this column (both languages and the JSON key).
    fn accepts(self, header: &str) -> bool {
        let h = header.trim().to_lowercase();
        let key = match self {
            LineColumn::Name => "name",
            LineColumn::Category => "category",
            LineColumn::Stage => "stage",
            LineColumn::Basis => "basis",
            LineColumn::Month => "month",
            LineColumn::Amount => "amount",
            LineColumn::FromMonth => "from_month",
            LineColumn::ToMonth => "to_month",
        };
        h == key
            || Lang::ALL
                .iter()
                .any(|l| h == self.header(*l).to_lowercase())
    }
}

/// What is wrong with a CSV file or cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CsvProblem {
    TooLarge,
    Empty,
    UnterminatedQuote,
    MissingColumn(LineColumn),
    ColumnCount {
        expected: usize,
        found: usize,
    },
    UnknownCategory(String),
    UnknownStage(String),
    UnknownBasis(String),
    Number(ParseError),
    MonthRequired,
    /// A window that ends before it starts.
    EndsBeforeStart,
    /// A window on a one-time line, which has its own month.
    WindowOnOneTime,
    NameTooLong,
    TooManyRows,
}

/// A problem at a place in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvIssue {
    /// The row in the file, 1-based (the header is row 1); 0 for the file as a whole.
    pub row: usize,
    pub column: Option<LineColumn>,
    pub problem: CsvProblem,
}

/// Neutralises a text cell a spreadsheet would run as a formula.
fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\'') => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

/// Quotes a cell when RFC 4180 requires it.
fn quote(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_owned()
    }
}

fn write_row(out: &mut String, cells: &[String]) {
    let row: Vec<String> = cells.iter().map(|c| quote(c)).collect();
    out.push_str(&row.join(","));
    out.push_str("\r\n");
}

/// The plan's budget lines as CSV, with headers and labels in `lang`.
///
/// ```
/// use customer_cost_planner::exchange::csv;
/// use customer_cost_planner::model::{Example, Lang};
/// let text = csv::lines_to_csv(&Example::Starter.plan(Lang::En).lines, Lang::En);
/// assert!(text.starts_with("\u{feff}Name,Category,Stage,Basis,Month,Amount,From month,To month\r\n"));
/// assert!(text.contains("Ads,Marketing,Acquisition,Monthly,,30000,,\r\n"));
/// ```
pub fn lines_to_csv(lines: &[BudgetLine], lang: Lang) -> String {
    let mut out = String::new();
    out.push(BOM);
    let header: Vec<String> = LineColumn::ALL
        .iter()
        .map(|c| c.header(lang).to_owned())
        .collect();
    write_row(&mut out, &header);
    for line in lines {
        let month = match line.basis {
            Basis::OneTime { month } => month.to_string(),
            _ => String::new(),
        };
        let number = |m: Option<u16>| m.map(|m| m.to_string()).unwrap_or_default();
        write_row(
            &mut out,
            &[
                neutralise(&line.name),
                neutralise(i18n::category(line.category, lang)),
                neutralise(i18n::stage(line.stage, lang)),
                neutralise(i18n::basis_kind(line.basis.kind(), lang)),
                month,
                format::input(line.amount),
                number(line.from_month),
                number(line.to_month),
            ],
        );
    }
    out
}

/// Why CSV text could not be split into rows.
enum SplitError {
    /// A quoted cell is not closed; the row it starts on.
    Unterminated(usize),
    /// More than the rows asked for: reading stopped there.
    TooManyRows,
}

/// Splits CSV text into rows of cells (RFC 4180, with the delimiter given), skipping blank rows
/// and stopping as soon as there are more than `max_rows`, so a huge file is never held as
/// rows. Returns the rows with the file row number each starts on.
fn split(
    text: &str,
    delimiter: char,
    max_rows: usize,
) -> Result<Vec<(usize, Vec<String>)>, SplitError> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut in_quotes = false;
    let mut line_no = 1;
    let mut row_start = 1;
    let mut chars = text.chars().peekable();
    let mut any = false;
    let finish = |rows: &mut Vec<(usize, Vec<String>)>, start: usize, cells: Vec<String>| {
        // Blank rows carry nothing.
        if cells.len() == 1 && cells[0].trim().is_empty() {
            return Ok(());
        }
        if rows.len() == max_rows {
            return Err(SplitError::TooManyRows);
        }
        rows.push((start, cells));
        Ok(())
    };
    while let Some(c) = chars.next() {
        any = true;
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => in_quotes = false,
                '\n' => {
                    line_no += 1;
                    cell.push(c);
                }
                _ => cell.push(c),
            }
            continue;
        }
        match c {
            '"' if cell.is_empty() => in_quotes = true,
            c if c == delimiter => row.push(std::mem::take(&mut cell)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                row.push(std::mem::take(&mut cell));
                finish(&mut rows, row_start, std::mem::take(&mut row))?;
                line_no += 1;
                row_start = line_no;
                any = false;
            }
            _ => cell.push(c),
        }
    }
    if in_quotes {
        return Err(SplitError::Unterminated(row_start));
    }
    if any {
        row.push(cell);
        finish(&mut rows, row_start, row)?;
    }
    Ok(rows)
}

fn find<T: Copy>(
    all: &[T],
    value: &str,
    key: impl Fn(T) -> &'static str,
    label: impl Fn(T, Lang) -> &'static str,
) -> Option<T> {
    let v = value.trim().to_lowercase();
    all.iter()
        .copied()
        .find(|x| key(*x) == v || Lang::ALL.iter().any(|l| label(*x, *l).to_lowercase() == v))
}

fn basis_from(value: &str) -> Option<BasisKind> {
    let v = value.trim().to_lowercase();
    let extra: &[(&str, BasisKind)] = &[
        ("annual", BasisKind::Annual),
        ("每年", BasisKind::Annual),
        ("one-time", BasisKind::OneTime),
        ("一次性", BasisKind::OneTime),
        ("per active customer", BasisKind::PerActiveCustomer),
    ];
    if let Some((_, k)) = extra.iter().find(|(text, _)| *text == v) {
        return Some(*k);
    }
    find(&BasisKind::ALL, value, BasisKind::key, i18n::basis_kind)
}

/// Reads budget lines from CSV. Lines get ids from `first_id` on. All problems are returned, with
/// row and column; the caller applies nothing unless there are none.
pub fn lines_from_csv(text: &str, first_id: u32) -> Result<Vec<BudgetLine>, Vec<CsvIssue>> {
    let whole = |problem| {
        vec![CsvIssue {
            row: 0,
            column: None,
            problem,
        }]
    };
    if text.len() > MAX_BYTES {
        return Err(whole(CsvProblem::TooLarge));
    }
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let first_line = text.lines().next().unwrap_or("");
    let delimiter = if first_line.contains(',') {
        ','
    } else if first_line.contains('\t') {
        '\t'
    } else if first_line.contains(';') {
        ';'
    } else {
        ','
    };
    // The header and at most the line limit; one more row is enough to know it is too many.
    let rows = split(text, delimiter, limits::LINES + 1).map_err(|e| match e {
        SplitError::Unterminated(row) => vec![CsvIssue {
            row,
            column: None,
            problem: CsvProblem::UnterminatedQuote,
        }],
        SplitError::TooManyRows => whole(CsvProblem::TooManyRows),
    })?;
    let Some(((_, header), data)) = rows.split_first() else {
        return Err(whole(CsvProblem::Empty));
    };
    let mut positions = [None; LineColumn::ALL.len()];
    for (i, column) in LineColumn::ALL.iter().enumerate() {
        positions[i] = header.iter().position(|h| column.accepts(h));
    }
    let mut issues = Vec::new();
    for (i, column) in LineColumn::ALL.iter().enumerate() {
        if positions[i].is_none() && !column.optional() {
            issues.push(CsvIssue {
                row: 1,
                column: Some(*column),
                problem: CsvProblem::MissingColumn(*column),
            });
        }
    }
    if !issues.is_empty() {
        return Err(issues);
    }
    let mut lines = Vec::with_capacity(data.len());
    for (index, (row, cells)) in data.iter().enumerate() {
        let row = *row;
        if cells.len() != header.len() {
            issues.push(CsvIssue {
                row,
                column: None,
                problem: CsvProblem::ColumnCount {
                    expected: header.len(),
                    found: cells.len(),
                },
            });
            continue;
        }
        let cell = |c: LineColumn| {
            let i = LineColumn::ALL.iter().position(|x| *x == c).unwrap_or(0);
            positions[i]
                .and_then(|p| cells.get(p))
                .map(|s| s.strip_prefix('\'').unwrap_or(s).to_owned())
                .unwrap_or_default()
        };
        let mut issue = |column, problem| {
            issues.push(CsvIssue {
                row,
                column: Some(column),
                problem,
            })
        };
        let name = cell(LineColumn::Name);
        if name.chars().count() > limits::NAME_CHARS {
            issue(LineColumn::Name, CsvProblem::NameTooLong);
        }
        let category = find(
            &Category::ALL,
            &cell(LineColumn::Category),
            Category::key,
            i18n::category,
        );
        if category.is_none() {
            issue(
                LineColumn::Category,
                CsvProblem::UnknownCategory(cell(LineColumn::Category)),
            );
        }
        let stage = find(
            &Stage::ALL,
            &cell(LineColumn::Stage),
            Stage::key,
            i18n::stage,
        );
        if stage.is_none() {
            issue(
                LineColumn::Stage,
                CsvProblem::UnknownStage(cell(LineColumn::Stage)),
            );
        }
        let kind = basis_from(&cell(LineColumn::Basis));
        if kind.is_none() {
            issue(
                LineColumn::Basis,
                CsvProblem::UnknownBasis(cell(LineColumn::Basis)),
            );
        }
        let month = match kind {
            Some(BasisKind::OneTime) => {
                let text = cell(LineColumn::Month);
                if text.trim().is_empty() {
                    issue(LineColumn::Month, CsvProblem::MonthRequired);
                    None
                } else {
                    match parse_months(&text, Rule::months(1, limits::HORIZON_MONTHS)) {
                        Ok(m) => Some(m),
                        Err(e) => {
                            issue(LineColumn::Month, CsvProblem::Number(e));
                            None
                        }
                    }
                }
            }
            _ => Some(1),
        };
        let mut window_month = |column: LineColumn| {
            let text = cell(column);
            if text.trim().is_empty() {
                return Some(None);
            }
            match parse_months(&text, Rule::months(1, limits::HORIZON_MONTHS)) {
                Ok(m) => Some(Some(m)),
                Err(e) => {
                    issue(column, CsvProblem::Number(e));
                    None
                }
            }
        };
        let window = match (
            window_month(LineColumn::FromMonth),
            window_month(LineColumn::ToMonth),
        ) {
            (Some(from), Some(to)) => Some((from, to)),
            _ => None,
        };
        match (kind, window) {
            (Some(BasisKind::OneTime), Some((from, to))) if from.is_some() || to.is_some() => {
                issue(LineColumn::FromMonth, CsvProblem::WindowOnOneTime);
            }
            (_, Some((Some(from), Some(to)))) if to < from => {
                issue(LineColumn::ToMonth, CsvProblem::EndsBeforeStart);
            }
            _ => {}
        }
        let amount = match parse_value(&cell(LineColumn::Amount), Rule::money()) {
            Ok(a) => Some(a),
            Err(e) => {
                issue(LineColumn::Amount, CsvProblem::Number(e));
                None
            }
        };
        if let (
            Some(category),
            Some(stage),
            Some(kind),
            Some(month),
            Some(amount),
            Some((from, to)),
        ) = (category, stage, kind, month, amount, window)
        {
            let id = u32::try_from(index)
                .ok()
                .and_then(|i| first_id.checked_add(i))
                .unwrap_or(u32::MAX);
            let line = BudgetLine {
                id: LineId(id),
                name,
                category,
                stage,
                amount,
                basis: kind.basis(month),
                from_month: from,
                to_month: to,
            };
            if validate_line(&line).is_ok() {
                lines.push(line);
            }
        }
    }
    if issues.is_empty() {
        Ok(lines)
    } else {
        Err(issues)
    }
}

/// The comparison table as CSV: one row per figure; per scenario its value, and for scenarios
/// the difference from the baseline and that difference in percent. Values are the model's,
/// rounded to 6 decimals; an undefined figure is written as its reason.
/// Which imported lines carry the name of a line the plan already has (their places in
/// `imported`): a file exported, edited and imported again names every line it had. Adding
/// those would duplicate the plan's lines, so the import offers to replace instead.
pub fn already_named(existing: &[BudgetLine], imported: &[BudgetLine]) -> Vec<bool> {
    let names: std::collections::HashSet<&str> = existing.iter().map(|l| l.name.trim()).collect();
    imported
        .iter()
        .map(|l| names.contains(l.name.trim()))
        .collect()
}

pub fn comparison_to_csv(plan: &Plan, comparison: &Comparison, lang: Lang) -> String {
    let t = i18n::texts(lang);
    let mut out = String::new();
    out.push(BOM);
    let name_of = |column: &Column| i18n::column_name(*column, plan, lang);
    let mut header = vec![t.metric.to_owned(), "key".to_owned()];
    for (column, _) in &comparison.columns {
        let name = neutralise(&name_of(column));
        header.push(name.clone());
        if *column != Column::Baseline {
            header.push(format!("{name} Δ"));
            header.push(format!("{name} Δ%"));
        }
    }
    write_row(&mut out, &header);
    let base = comparison.baseline().map(|e| e.metrics.clone());
    let number = |v: rust_decimal::Decimal| format::round(v, 6).normalize().to_string();
    for metric in Metric::all() {
        let mut row = vec![i18n::metric(metric, lang), metric.key()];
        for (column, result) in &comparison.columns {
            let figure = result.as_ref().ok().map(|e| metric.of(&e.metrics));
            row.push(match figure {
                Some(crate::model::Figure::Value(v)) => number(v),
                Some(crate::model::Figure::Undefined(u)) => {
                    crate::format::undefined_reason(u, lang).to_owned()
                }
                None => t.model_error.to_owned(),
            });
            if *column != Column::Baseline {
                let d = match (&base, figure) {
                    (Some(b), Some(f)) => Some(delta(metric.of(b), f)),
                    _ => None,
                };
                row.push(d.and_then(|d| d.abs).map(number).unwrap_or_default());
                row.push(d.and_then(|d| d.pct).map(number).unwrap_or_default());
            }
        }
        write_row(&mut out, &row);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Describe;
    use crate::model::Example;

    #[test]
    fn an_edited_export_is_recognised_as_the_plans_own_lines() {
        let plan = Example::Starter.plan(Lang::Zh);
        let mut edited = lines_from_csv(&lines_to_csv(&plan.lines, Lang::Zh), 100).expect("reads");
        edited[0].amount += rust_decimal::Decimal::ONE;
        edited[1].name = format!(" {} ", edited[1].name);
        edited.push(BudgetLine {
            name: "新的一项".into(),
            ..edited[0].clone()
        });
        let marks = already_named(&plan.lines, &edited);
        assert_eq!(marks.len(), edited.len());
        assert!(marks[..plan.lines.len()].iter().all(|m| *m));
        assert!(!marks[plan.lines.len()]);
        assert!(already_named(&[], &edited).iter().all(|m| !m));
    }

    #[test]
    fn lines_round_trip_in_both_languages() {
        let plan = Example::Manufacturer.plan(Lang::Zh);
        for lang in Lang::ALL {
            let text = lines_to_csv(&plan.lines, lang);
            let back = lines_from_csv(&text, 1).expect("reads back");
            assert_eq!(back, plan.lines, "{lang:?}");
        }
    }

    #[test]
    fn formula_like_text_is_neutralised_and_read_back() {
        let mut plan = Example::Starter.plan(Lang::En);
        let mut extra = plan.lines[0].clone();
        extra.id = LineId(7);
        plan.lines.push(extra);
        let names = [
            "=1+1",
            "+SUM(A1)",
            "-2",
            "@cmd",
            "\tx",
            "'quoted",
            "a,\"b\"\nc",
        ];
        for (line, name) in plan.lines.iter_mut().zip(names) {
            line.name = name.to_owned();
        }
        let text = lines_to_csv(&plan.lines, Lang::En);
        assert!(text.contains("'=1+1"));
        assert!(text.contains("'+SUM(A1)"));
        assert!(text.contains("\"a,\"\"b\"\"\nc\""));
        for row in text.lines().skip(1) {
            assert!(!row.starts_with(['=', '+', '-', '@']), "{row}");
        }
        let back = lines_from_csv(&text, 1).expect("reads back");
        let names_back: Vec<&str> = back.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names_back, names);
    }

    #[test]
    fn headers_labels_and_numbers_as_people_write_them() {
        let text = "名称,类别,阶段,计费方式,发生月份,金额\n\
                    促销,营销成本,客户获取,每新增客户,,¥1,200\n\
                    \"展会, 上海\",marketing,Acquisition,一次性,３,1.2万\n\
                    CRM,CRM system,retention,Annual (spread monthly),,\"36,000\"\n";
        // "¥1,200" unquoted splits into two cells: that row has the wrong number of cells.
        let err = lines_from_csv(text, 1).expect_err("row 2 is split");
        assert_eq!(err.len(), 1);
        assert_eq!(err[0].row, 2);
        assert_eq!(err[0].message(Lang::Zh), "第 2 行：应有 6 列，实际 7 列");
        let fixed = text.replace("¥1,200", "\"¥1,200\"");
        let lines = lines_from_csv(&fixed, 10).expect("valid");
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0].amount, 1200.into());
        assert_eq!(lines[0].basis, Basis::PerNewCustomer);
        assert_eq!(lines[1].name, "展会, 上海");
        assert_eq!(lines[1].basis, Basis::OneTime { month: 3 });
        assert_eq!(lines[1].amount, 12_000.into());
        assert_eq!(lines[2].category, Category::Crm);
        assert_eq!(lines[2].basis, Basis::Annual);
        assert_eq!(
            lines.iter().map(|l| l.id.0).collect::<Vec<_>>(),
            vec![10, 11, 12]
        );
        // Tab-separated, as pasted from a spreadsheet.
        let tsv =
            "Name\tCategory\tStage\tBasis\tAmount\nAds\tMarketing\tAcquisition\tMonthly\t30000\n";
        assert_eq!(lines_from_csv(tsv, 1).map(|l| l.len()), Ok(1));
    }

    #[test]
    fn every_problem_is_listed_with_row_and_column() {
        let text = "Name,Category,Stage,Basis,Month,Amount\r\n\
                    a,Sales,acquisition,monthly,,5\r\n\
                    b,marketing,later,monthly,,-5\r\n\
                    c,marketing,service,one_time,,5\r\n\
                    d,marketing,service,weekly,,abc\r\n";
        let issues = lines_from_csv(text, 1).expect_err("bad");
        let found: Vec<(usize, Option<LineColumn>)> =
            issues.iter().map(|i| (i.row, i.column)).collect();
        assert_eq!(
            found,
            vec![
                (2, Some(LineColumn::Category)),
                (3, Some(LineColumn::Stage)),
                (3, Some(LineColumn::Amount)),
                (4, Some(LineColumn::Month)),
                (5, Some(LineColumn::Basis)),
                (5, Some(LineColumn::Amount)),
            ]
        );
        assert_eq!(
            issues[0].message(Lang::En),
            "Row 2, column “Category”: Unknown category “Sales”"
        );
        assert_eq!(issues[2].message(Lang::Zh), "第 3 行“金额”列：不能为负数");
    }

    #[test]
    fn broken_files_are_refused() {
        assert_eq!(
            lines_from_csv("", 1).map_err(|e| e[0].problem.clone()),
            Err(CsvProblem::Empty)
        );
        let unterminated = "Name,Category,Stage,Basis,Amount\n\"a,marketing,service,monthly,5\n";
        assert_eq!(
            lines_from_csv(unterminated, 1).map_err(|e| (e[0].row, e[0].problem.clone())),
            Err((2, CsvProblem::UnterminatedQuote))
        );
        let missing = "Name,Amount\na,5\n";
        assert_eq!(lines_from_csv(missing, 1).map_err(|e| e.len()), Err(3));
    }

    #[test]
    fn reading_stops_at_the_line_limit() {
        let rows = |n: usize| {
            let mut text = String::from("name,category,stage,basis,amount\n");
            for i in 0..n {
                text.push_str(&format!("l{i},marketing,acquisition,monthly,1\n\n"));
            }
            text
        };
        assert_eq!(
            lines_from_csv(&rows(limits::LINES), 1).map(|l| l.len()),
            Ok(limits::LINES),
            "blank rows do not count"
        );
        assert_eq!(
            lines_from_csv(&rows(limits::LINES + 1), 1),
            Err(vec![CsvIssue {
                row: 0,
                column: None,
                problem: CsvProblem::TooManyRows
            }])
        );
    }

    #[test]
    fn the_comparison_exports_every_figure_and_difference() {
        let plan = Example::Starter.plan(Lang::En);
        let c = crate::model::compare(&plan);
        let text = comparison_to_csv(&plan, &c, Lang::En);
        let rows: Vec<&str> = text.trim_end().split("\r\n").collect();
        assert_eq!(rows.len(), Metric::all().len() + 1);
        assert!(rows[0].starts_with("\u{feff}Figure,key,Baseline,Precise acquisition targeting,Precise acquisition targeting Δ"));
        let total = rows
            .iter()
            .find(|r| r.contains(",total_cost,"))
            .expect("total row");
        assert!(
            total.starts_with("Total cost,total_cost,832334.20833,"),
            "{total}"
        );
    }
}
