//! Finding lines in a plan: the filters, the search and the sort orders of the
//! plan table, over an index built once per plan.
//!
//! The index holds each line's lower-case search text, in which the product and
//! the target's name are kept as slices: the product and target sorts compare
//! them as they are, since lower-casing on each comparison made sorting 10,000
//! lines by product several times slower.

use std::cmp::Ordering;

use super::{Plan, PlanLine};
use crate::model::MigrationPath;
use crate::rules::Severity;

/// Where a line sits in the plan: its customer and its position there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LinePos {
    pub customer: u32,
    pub line: u32,
}

impl LinePos {
    pub fn get(self, plan: &Plan) -> Option<&PlanLine> {
        plan.customers.get(self.customer as usize)?.lines.get(self.line as usize)
    }
}

/// Which lines the findings filter keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FindingsFilter {
    #[default]
    All,
    Blockers,
    Warnings,
    /// Neither a blocker nor a warning.
    Clean,
    /// Lines the user changed (an override applied).
    Overridden,
}

impl FindingsFilter {
    pub const ALL: [FindingsFilter; 5] = [
        FindingsFilter::All,
        FindingsFilter::Blockers,
        FindingsFilter::Warnings,
        FindingsFilter::Clean,
        FindingsFilter::Overridden,
    ];

    /// The filter's value in the interface's select (and its tests).
    pub fn id(self) -> &'static str {
        match self {
            FindingsFilter::All => "all",
            FindingsFilter::Blockers => "blocker",
            FindingsFilter::Warnings => "warning",
            FindingsFilter::Clean => "clean",
            FindingsFilter::Overridden => "overridden",
        }
    }

    pub fn from_id(id: &str) -> Option<FindingsFilter> {
        FindingsFilter::ALL.into_iter().find(|filter| filter.id() == id)
    }

    pub fn keeps(self, line: &PlanLine) -> bool {
        let has = |severity: Severity| line.findings.iter().any(|finding| finding.severity == severity);
        match self {
            FindingsFilter::All => true,
            FindingsFilter::Blockers => has(Severity::Blocker),
            FindingsFilter::Warnings => has(Severity::Warning),
            FindingsFilter::Clean => !has(Severity::Blocker) && !has(Severity::Warning),
            FindingsFilter::Overridden => !line.overrides_applied.is_empty(),
        }
    }
}

/// What the table's filters ask for; the default keeps every line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LineFilter {
    pub path: Option<MigrationPath>,
    pub findings: FindingsFilter,
    /// Searched in the product, the subscription id, the target and the
    /// customer, ignoring case and surrounding spaces.
    pub search: String,
}

impl LineFilter {
    /// Whether the filter leaves some line out.
    pub fn is_active(&self) -> bool {
        self.path.is_some() || self.findings != FindingsFilter::All || !self.search.trim().is_empty()
    }
}

/// The table's sortable columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortColumn {
    /// The plan's own order (by customer, then as imported).
    Plan,
    Product,
    Path,
    Target,
    Seats,
    TermEnd,
    /// The purchase date, or the transfer date of a line transferred.
    Purchase,
    /// Blockers weigh more than any number of warnings; most first when ascending.
    Findings,
}

impl SortColumn {
    /// The column's name in test ids (`sort-product`, `sort-seats`, …).
    pub fn id(self) -> &'static str {
        match self {
            SortColumn::Plan => "plan",
            SortColumn::Product => "product",
            SortColumn::Path => "path",
            SortColumn::Target => "target",
            SortColumn::Seats => "seats",
            SortColumn::TermEnd => "term-end",
            SortColumn::Purchase => "purchase",
            SortColumn::Findings => "findings",
        }
    }
}

/// Blockers weigh more than warnings when sorting by findings.
fn findings_weight(line: &PlanLine) -> u32 {
    line.findings
        .iter()
        .map(|finding| match finding.severity {
            Severity::Blocker => 1000,
            Severity::Warning => 1,
            Severity::Info => 0,
        })
        .sum()
}

/// Known values first, in order; unknown ones after.
fn option_last<T: Ord>(a: Option<T>, b: Option<T>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Compares two lines on a column whose values the plan holds ready (numbers,
/// dates, paths); the text columns compare the index's lower-case keys instead.
fn compare_lines(column: SortColumn, a: &PlanLine, b: &PlanLine) -> Ordering {
    match column {
        SortColumn::Plan | SortColumn::Product | SortColumn::Target => Ordering::Equal,
        SortColumn::Path => a.path.cmp(&b.path),
        SortColumn::Seats => a.seats.cmp(&b.seats),
        SortColumn::TermEnd => option_last(a.dates.term_end, b.dates.term_end),
        SortColumn::Purchase => option_last(
            a.dates.purchase_on.or(a.dates.transfer_on),
            b.dates.purchase_on.or(b.dates.transfer_on),
        ),
        SortColumn::Findings => findings_weight(b).cmp(&findings_weight(a)),
    }
}

/// One line in the index: where it is, and its lower-case search text.
#[derive(Debug, PartialEq)]
struct IndexEntry {
    pos: LinePos,
    /// Product, subscription id, target and customer, lower case, `\u{1f}` between.
    text: String,
    /// `text[..product_end]` is the product.
    product_end: usize,
    /// `text[start..end]` is the target's name; `None` without a target.
    target: Option<(usize, usize)>,
}

impl IndexEntry {
    fn new(pos: LinePos, line: &PlanLine, customer: &str) -> IndexEntry {
        let product: &str = &line.product;
        let id: &str = &line.subscription_id;
        let mut text = String::with_capacity(product.len() + id.len() + customer.len() + 40);
        text.push_str(&product.to_lowercase());
        let product_end = text.len();
        text.push('\u{1f}');
        text.push_str(&id.to_lowercase());
        text.push('\u{1f}');
        let target = line.target.as_ref().map(|target| {
            let start = text.len();
            let name: &str = &target.name;
            text.push_str(&name.to_lowercase());
            (start, text.len())
        });
        text.push('\u{1f}');
        text.push_str(&customer.to_lowercase());
        IndexEntry { pos, text, product_end, target }
    }

    fn product(&self) -> &str {
        &self.text[..self.product_end]
    }

    fn target(&self) -> Option<&str> {
        self.target.map(|(start, end)| &self.text[start..end])
    }
}

/// Every line of one plan with its search text and sort keys, in plan order.
/// Lines are named by their place in the index (`u32`, the plan order).
#[derive(Debug, PartialEq, Default)]
pub struct PlanIndex {
    entries: Vec<IndexEntry>,
}

impl PlanIndex {
    pub fn new(plan: &Plan) -> PlanIndex {
        let mut entries =
            Vec::with_capacity(plan.customers.iter().map(|customer| customer.lines.len()).sum());
        for (customer_index, customer) in plan.customers.iter().enumerate() {
            for (line_index, line) in customer.lines.iter().enumerate() {
                let pos = LinePos { customer: customer_index as u32, line: line_index as u32 };
                entries.push(IndexEntry::new(pos, line, &customer.name));
            }
        }
        PlanIndex { entries }
    }

    /// The number of lines in the plan.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Where the line at `place` is in the plan.
    pub fn pos(&self, place: u32) -> Option<LinePos> {
        self.entries.get(place as usize).map(|entry| entry.pos)
    }

    /// The places of the lines `filter` keeps, in plan order. `plan` is the
    /// plan the index was built from.
    pub fn filter(&self, plan: &Plan, filter: &LineFilter) -> Vec<u32> {
        let needle = filter.search.trim().to_lowercase();
        self.entries
            .iter()
            .enumerate()
            .filter(|(_, entry)| {
                let Some(line) = entry.pos.get(plan) else { return false };
                filter.path.is_none_or(|path| line.path == path)
                    && filter.findings.keeps(line)
                    && (needle.is_empty() || entry.text.contains(&needle))
            })
            .map(|(place, _)| place as u32)
            .collect()
    }

    /// The lines at `places` (plan order) in `column`'s order, ascending or
    /// descending; lines that compare equal keep the plan's order either way.
    pub fn sort(&self, plan: &Plan, places: &[u32], column: SortColumn, ascending: bool) -> Vec<LinePos> {
        let mut places = places.to_vec();
        if column == SortColumn::Plan {
            if !ascending {
                places.reverse();
            }
        } else {
            // A stable sort keeps the plan order among equal lines.
            crate::sorting::sort_places(&mut places, &|a, b| {
                let (Some(a), Some(b)) = (self.entries.get(a as usize), self.entries.get(b as usize)) else {
                    return Ordering::Equal;
                };
                let order = self.compare(plan, column, a, b);
                if ascending {
                    order
                } else {
                    order.reverse()
                }
            });
        }
        places.into_iter().filter_map(|place| self.pos(place)).collect()
    }

    /// Orders two entries on `column`, ascending.
    fn compare(&self, plan: &Plan, column: SortColumn, a: &IndexEntry, b: &IndexEntry) -> Ordering {
        match column {
            SortColumn::Product => a.product().cmp(b.product()),
            // Lines without a target go last in ascending order.
            SortColumn::Target => option_last(a.target(), b.target()),
            _ => match (a.pos.get(plan), b.pos.get(plan)) {
                (Some(line_a), Some(line_b)) => compare_lines(column, line_a, line_b),
                _ => Ordering::Equal,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::catalog::Catalog;
    use crate::plan::make_plan;

    fn demo_plan() -> Plan {
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default();
        make_plan(&crate::demo::demo_input(as_of), Catalog::builtin())
    }

    fn all(index: &PlanIndex, plan: &Plan) -> Vec<u32> {
        index.filter(plan, &LineFilter::default())
    }

    fn ids(plan: &Plan, positions: &[LinePos]) -> Vec<String> {
        positions.iter().filter_map(|pos| pos.get(plan)).map(|line| line.subscription_id.clone()).collect()
    }

    /// Asserts that `rows` follow `key` (non-decreasing, or non-increasing when
    /// descending) and that equal keys keep the plan's order.
    fn assert_ordered<K: Ord + std::fmt::Debug>(
        plan: &Plan,
        rows: &[LinePos],
        ascending: bool,
        key: impl Fn(&PlanLine) -> K,
    ) {
        // The plan order is by customer, then by line.
        let place = |pos: &LinePos| (pos.customer, pos.line);
        for pair in rows.windows(2) {
            let (Some(a), Some(b)) = (pair[0].get(plan), pair[1].get(plan)) else {
                panic!("rows are lines of the plan")
            };
            let (key_a, key_b) = (key(a), key(b));
            if ascending {
                assert!(key_a <= key_b, "{key_a:?} then {key_b:?}");
            } else {
                assert!(key_a >= key_b, "{key_a:?} then {key_b:?}");
            }
            if key_a == key_b {
                assert!(place(&pair[0]) < place(&pair[1]), "equal lines keep the plan's order");
            }
        }
    }

    #[test]
    fn the_index_holds_every_line_in_plan_order() {
        let plan = demo_plan();
        let index = PlanIndex::new(&plan);
        assert_eq!(index.len(), plan.lines().count());
        assert_eq!(index.len(), 14);
        let in_order = index.sort(&plan, &all(&index, &plan), SortColumn::Plan, true);
        let plan_ids: Vec<String> = plan.lines().map(|line| line.subscription_id.clone()).collect();
        assert_eq!(ids(&plan, &in_order), plan_ids);
        let reversed = index.sort(&plan, &all(&index, &plan), SortColumn::Plan, false);
        assert_eq!(ids(&plan, &reversed), plan_ids.into_iter().rev().collect::<Vec<_>>());
    }

    #[test]
    fn each_filter_keeps_only_its_lines() {
        let plan = demo_plan();
        let index = PlanIndex::new(&plan);
        let kept = |filter: LineFilter| -> Vec<&PlanLine> {
            index
                .filter(&plan, &filter)
                .into_iter()
                .filter_map(|place| index.pos(place)?.get(&plan))
                .collect()
        };
        for path in MigrationPath::ALL {
            let lines = kept(LineFilter { path: Some(path), ..LineFilter::default() });
            assert_eq!(lines.len(), plan.lines().filter(|line| line.path == path).count(), "{path:?}");
            assert!(lines.iter().all(|line| line.path == path));
        }
        let has = |line: &PlanLine, severity: Severity| line.findings.iter().any(|f| f.severity == severity);
        let blockers = kept(LineFilter { findings: FindingsFilter::Blockers, ..LineFilter::default() });
        assert!(!blockers.is_empty(), "the demo has lines with blockers");
        assert!(blockers.iter().all(|line| has(line, Severity::Blocker)));
        let warnings = kept(LineFilter { findings: FindingsFilter::Warnings, ..LineFilter::default() });
        assert!(!warnings.is_empty(), "the demo has lines with warnings");
        assert!(warnings.iter().all(|line| has(line, Severity::Warning)));
        let clean = kept(LineFilter { findings: FindingsFilter::Clean, ..LineFilter::default() });
        assert!(clean.iter().all(|line| !has(line, Severity::Blocker) && !has(line, Severity::Warning)));
        let overridden = kept(LineFilter { findings: FindingsFilter::Overridden, ..LineFilter::default() });
        assert_eq!(overridden.len(), plan.lines().filter(|line| !line.overrides_applied.is_empty()).count());
        // Clean and not clean split the plan.
        let not_clean =
            plan.lines().filter(|line| has(line, Severity::Blocker) || has(line, Severity::Warning));
        assert_eq!(clean.len() + not_clean.count(), plan.lines().count());
        // Criteria add up: a path and a severity together keep what both keep.
        let both = kept(LineFilter {
            path: Some(MigrationPath::Repurchase),
            findings: FindingsFilter::Warnings,
            search: String::new(),
        });
        assert!(both
            .iter()
            .all(|line| line.path == MigrationPath::Repurchase && has(line, Severity::Warning)));
    }

    #[test]
    fn the_search_ignores_case_and_reads_product_id_target_and_customer() {
        let plan = demo_plan();
        let index = PlanIndex::new(&plan);
        let search =
            |text: &str| index.filter(&plan, &LineFilter { search: text.into(), ..LineFilter::default() });
        let Some(line) = plan.lines().last() else { panic!("the demo plan has lines") };
        let by_id = search(&format!("  {}  ", line.subscription_id.to_uppercase()));
        assert_eq!(by_id.len(), 1);
        assert_eq!(index.pos(by_id[0]).and_then(|pos| pos.get(&plan)), Some(line));
        let product = line.product.to_lowercase();
        assert!(!search(&product).is_empty());
        let Some(target) = plan.lines().find_map(|line| line.target.as_ref()) else { panic!("a target") };
        let with_target: Vec<LinePos> =
            search(&target.name.to_uppercase()).into_iter().filter_map(|place| index.pos(place)).collect();
        for (customer, plan_customer) in plan.customers.iter().enumerate() {
            for (at, line) in plan_customer.lines.iter().enumerate() {
                if line.target.as_ref().is_some_and(|kept| kept.name == target.name) {
                    let pos = LinePos { customer: customer as u32, line: at as u32 };
                    assert!(with_target.contains(&pos), "{} has the target searched", line.subscription_id);
                }
            }
        }
        let customer = plan.customers[0].name.to_lowercase();
        assert_eq!(search(&customer).len(), plan.customers[0].lines.len());
        assert!(search("no line says this").is_empty());
        assert!(!LineFilter::default().is_active());
        assert!(LineFilter { search: "x".into(), ..LineFilter::default() }.is_active());
        assert!(!LineFilter { search: "  ".into(), ..LineFilter::default() }.is_active());
    }

    #[test]
    fn every_column_sorts_both_ways_keeping_the_plan_order_among_equals() {
        let plan = demo_plan();
        let index = PlanIndex::new(&plan);
        let places = all(&index, &plan);
        for ascending in [true, false] {
            let sorted = |column| index.sort(&plan, &places, column, ascending);
            assert_ordered(&plan, &sorted(SortColumn::Product), ascending, |line| {
                line.product.to_lowercase()
            });
            assert_ordered(&plan, &sorted(SortColumn::Seats), ascending, |line| line.seats);
            assert_ordered(&plan, &sorted(SortColumn::Path), ascending, |line| line.path);
            assert_ordered(&plan, &sorted(SortColumn::Findings), ascending, |line| {
                std::cmp::Reverse(findings_weight(line))
            });
            // Unknown dates go last ascending (and first descending): `None` sorts after every date.
            let last_when_unknown = |date: Option<NaiveDate>| (date.is_none(), date);
            assert_ordered(&plan, &sorted(SortColumn::TermEnd), ascending, |line| {
                last_when_unknown(line.dates.term_end)
            });
            assert_ordered(&plan, &sorted(SortColumn::Purchase), ascending, |line| {
                last_when_unknown(line.dates.purchase_on.or(line.dates.transfer_on))
            });
            assert_eq!(sorted(SortColumn::Seats).len(), places.len());
        }
        let by_product = ids(&plan, &index.sort(&plan, &places, SortColumn::Product, true));
        let plan_ids: Vec<String> = plan.lines().map(|line| line.subscription_id.clone()).collect();
        assert_ne!(by_product, plan_ids, "the demo plan is not already in product order");
    }

    #[test]
    fn lines_without_a_target_go_last_in_ascending_order() {
        let plan = demo_plan();
        let index = PlanIndex::new(&plan);
        let places = all(&index, &plan);
        let by_target = index.sort(&plan, &places, SortColumn::Target, true);
        let targets: Vec<Option<String>> = by_target
            .iter()
            .filter_map(|pos| pos.get(&plan))
            .map(|line| line.target.as_ref().map(|target| target.name.to_lowercase()))
            .collect();
        assert!(targets.iter().any(Option::is_none), "the demo has lines without a target");
        assert!(targets.iter().filter(|target| target.is_some()).count() > 1);
        assert_ordered(&plan, &by_target, true, |line| {
            let target = line.target.as_ref().map(|target| target.name.to_lowercase());
            (target.is_none(), target)
        });
        let descending = index.sort(&plan, &places, SortColumn::Target, false);
        assert_eq!(
            descending.first().and_then(|pos| pos.get(&plan)).map(|line| line.target.is_none()),
            Some(true)
        );
    }

    #[test]
    fn sorting_a_filtered_set_keeps_only_its_lines() {
        let plan = demo_plan();
        let index = PlanIndex::new(&plan);
        let filter = LineFilter { findings: FindingsFilter::Blockers, ..LineFilter::default() };
        let kept = index.filter(&plan, &filter);
        let sorted = index.sort(&plan, &kept, SortColumn::Seats, false);
        assert_eq!(sorted.len(), kept.len());
        assert!(sorted.iter().filter_map(|pos| pos.get(&plan)).all(PlanLine::has_blocker));
        assert_eq!(FindingsFilter::from_id("blocker"), Some(FindingsFilter::Blockers));
        assert_eq!(FindingsFilter::from_id("nope"), None);
    }
}
