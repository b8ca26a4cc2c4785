//! Undo and redo of the changes made to a draft.
//!
//! Every change of the open draft is recorded, whatever made it (an override, a
//! reset, a channel choice, a fixed row, a mapping, a customer field), as the
//! parts of the draft it changed, each with its value before the change. Undoing
//! swaps those parts with the draft's current ones, so the same step, now
//! holding the values after the change, is what redo swaps back. Only the parts
//! a change touched are kept: a changed note keeps the overrides, not the
//! 10,000 subscriptions beside them.
//!
//! What a plan view shows (sort, filters, search, selection) is not in the draft,
//! so it never records a step nor clears the history.

use std::collections::BTreeMap;

use super::{Draft, ImportState, PendingMapping};
use crate::model::{CustomerProfile, LineOverride, ListPrice, PartnerProfile, PlanSettings, Subscription};

/// Changes of the same parts closer together than this are one step: the keys
/// typed in a field, the several writes of one import.
pub const MERGE_WITHIN_MS: i64 = 1_500;
/// The most steps kept; older ones are forgotten first.
pub const MAX_STEPS: usize = 100;
/// The most subscriptions (and rejected rows) all kept steps may hold copies of,
/// about 40 MB: a draft of 10,000 subscriptions keeps its last few imports.
pub const MAX_ROWS_KEPT: usize = 60_000;

/// What a step changed, for the undo and redo buttons' descriptions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EditKind {
    /// The line overrides (target, seats, dates, path, exclusion, note), one line or all.
    Adjustments,
    /// The subscriptions: a channel chosen, a rejected row fixed, or an import
    /// (a mapping confirmed, a format or sheet chosen, a file added or removed,
    /// with the price list rows it brought).
    Subscriptions,
    /// The customer's or partner's profile (its sell prices included), or the
    /// plan's settings (its default billing included).
    Profiles,
    /// The draft's name.
    Name,
}

/// The parts of a draft a step changed, each with the value it swaps in.
#[derive(Debug, Clone, PartialEq, Default)]
struct Parts {
    name: Option<String>,
    customer: Option<CustomerProfile>,
    partner: Option<PartnerProfile>,
    settings: Option<PlanSettings>,
    subscriptions: Option<Vec<Subscription>>,
    list_prices: Option<Vec<ListPrice>>,
    overrides: Option<BTreeMap<String, LineOverride>>,
    import: Option<ImportState>,
    pending: Option<Option<PendingMapping>>,
}

/// Takes `last`'s value of each part that differs in `after`, and puts a copy
/// of `after`'s in its place: only the changed parts are copied.
macro_rules! take_changed_parts {
    ($last:expr, $after:expr; $($part:ident: $($field:ident).+),* $(,)?) => {
        Parts { $($part: ($last.$($field).+ != $after.$($field).+)
            .then(|| std::mem::replace(&mut $last.$($field).+, $after.$($field).+.clone())),)* }
    };
}

/// Copies into `last` the draft's value of each part the step holds.
macro_rules! copy_parts {
    ($parts:expr, $last:expr, $draft:expr; $($part:ident: $($field:ident).+),* $(,)?) => {
        $(if $parts.$part.is_some() {
            $last.$($field).+ = $draft.$($field).+.clone();
        })*
    };
}

/// Swaps each kept part with the draft's own.
macro_rules! swap_parts {
    ($parts:expr, $draft:expr; $($part:ident: $($field:ident).+),* $(,)?) => {
        $(if let Some(value) = $parts.$part.as_mut() {
            std::mem::swap(value, &mut $draft.$($field).+);
        })*
    };
}

macro_rules! with_every_part {
    ($action:ident!($($arg:expr),+)) => {
        $action!($($arg),+;
            name: name,
            customer: input.customer,
            partner: input.partner,
            settings: input.settings,
            subscriptions: input.subscriptions,
            list_prices: input.list_prices,
            overrides: input.overrides,
            import: import,
            pending: pending_mapping,
        )
    };
}

impl Parts {
    /// The parts `after` changed, with `last`'s values, which takes `after`'s.
    fn take_changed(last: &mut Draft, after: &Draft) -> Parts {
        with_every_part!(take_changed_parts!(last, after))
    }

    /// Brings `last` up to `draft` for the parts this step holds.
    fn copy_into(&self, last: &mut Draft, draft: &Draft) {
        with_every_part!(copy_parts!(self, last, draft));
    }

    fn is_empty(&self) -> bool {
        *self == Parts::default()
    }

    fn swap_with(&mut self, draft: &mut Draft) {
        with_every_part!(swap_parts!(self, draft));
    }

    /// What the step changed, the most telling part first.
    fn kind(&self) -> EditKind {
        if self.overrides.is_some() {
            EditKind::Adjustments
        } else if self.subscriptions.is_some()
            || self.list_prices.is_some()
            || self.import.is_some()
            || self.pending.is_some()
        {
            EditKind::Subscriptions
        } else if self.customer.is_some() || self.partner.is_some() || self.settings.is_some() {
            EditKind::Profiles
        } else {
            EditKind::Name
        }
    }

    /// The rows the step holds copies of, for the memory bound.
    fn rows(&self) -> usize {
        let subscriptions = self.subscriptions.as_ref().map_or(0, Vec::len);
        let list_prices = self.list_prices.as_ref().map_or(0, Vec::len);
        let rejected = self.import.as_ref().map_or(0, |import| import.report.rejected_rows.len());
        let pending = self.pending.as_ref().and_then(Option::as_ref).map_or(0, PendingMapping::rows);
        1 + subscriptions + list_prices + rejected + pending
    }

    fn same_parts_as(&self, other: &Parts) -> bool {
        macro_rules! same {
            ($($part:ident),*) => { true $(&& self.$part.is_some() == other.$part.is_some())* };
        }
        same!(name, customer, partner, settings, subscriptions, list_prices, overrides, import, pending)
    }
}

#[derive(Debug, Clone)]
struct Step {
    parts: Parts,
    kind: EditKind,
    /// When the step's last change was made (ms since the epoch).
    at_ms: i64,
}

/// The undo and redo steps of one draft.
#[derive(Debug, Clone, Default)]
pub struct History {
    draft_id: String,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// The draft as last seen, which the next change is compared with.
    last: Option<Draft>,
}

impl History {
    /// Takes note of the draft as it is now: the first sight of a draft (or of
    /// another one) starts its history; a change of the same draft is a step,
    /// merged with the previous step when it changes the same parts within
    /// [`MERGE_WITHIN_MS`]. Returns whether a step was recorded.
    pub fn observe(&mut self, draft: &Draft, now_ms: i64) -> bool {
        if self.draft_id != draft.id {
            *self = History { draft_id: draft.id.clone(), last: Some(draft.clone()), ..History::default() };
            return false;
        }
        let Some(last) = self.last.as_mut() else {
            self.last = Some(draft.clone());
            return false;
        };
        // `last` follows the draft part by part: a change of a note copies the
        // overrides, not the 100,000 subscriptions beside them.
        let parts = Parts::take_changed(last, draft);
        if parts.is_empty() {
            return false;
        }
        self.redo.clear();
        match self.undo.last_mut() {
            Some(previous)
                if now_ms - previous.at_ms <= MERGE_WITHIN_MS && previous.parts.same_parts_as(&parts) =>
            {
                previous.at_ms = now_ms;
            }
            _ => {
                let kind = parts.kind();
                self.undo.push(Step { parts, kind, at_ms: now_ms });
            }
        }
        self.bound();
        true
    }

    /// Forgets the oldest steps beyond [`MAX_STEPS`] or [`MAX_ROWS_KEPT`] (the newest is always kept).
    fn bound(&mut self) {
        let mut rows: usize = self.undo.iter().chain(&self.redo).map(|step| step.parts.rows()).sum();
        while self.undo.len() > 1 && (self.undo.len() + self.redo.len() > MAX_STEPS || rows > MAX_ROWS_KEPT) {
            rows -= self.undo.remove(0).parts.rows();
        }
    }

    /// Undoes the last step on `draft` (the draft this history follows);
    /// returns what it changed back, `None` with nothing to undo.
    pub fn undo(&mut self, draft: &mut Draft) -> Option<EditKind> {
        self.travel(draft, true)
    }

    /// Makes the last undone step again.
    pub fn redo(&mut self, draft: &mut Draft) -> Option<EditKind> {
        self.travel(draft, false)
    }

    fn travel(&mut self, draft: &mut Draft, back: bool) -> Option<EditKind> {
        if draft.id != self.draft_id {
            return None;
        }
        let (from, to) =
            if back { (&mut self.undo, &mut self.redo) } else { (&mut self.redo, &mut self.undo) };
        let mut step = from.pop()?;
        step.parts.swap_with(draft);
        // A step undone and then a new change right away are never merged.
        step.at_ms = i64::MIN / 2;
        let kind = step.kind;
        match self.last.as_mut() {
            Some(last) => step.parts.copy_into(last, draft),
            None => self.last = Some(draft.clone()),
        }
        to.push(step);
        Some(kind)
    }

    /// What undo would change back, if anything.
    pub fn next_undo(&self) -> Option<EditKind> {
        self.undo.last().map(|step| step.kind)
    }

    /// What redo would make again, if anything.
    pub fn next_redo(&self) -> Option<EditKind> {
        self.redo.last().map(|step| step.kind)
    }

    /// The number of steps undo can go back.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::sample::sample_draft;
    use crate::model::Channel;

    fn draft() -> Draft {
        let mut draft = sample_draft(5);
        draft.input.overrides.clear();
        draft.input.subscriptions[1].channel = Channel::Direct;
        draft
    }

    fn first_id(draft: &Draft) -> String {
        draft.input.subscriptions[0].subscription_id.clone()
    }

    fn set_seats(draft: &mut Draft, seats: u32) {
        let id = first_id(draft);
        draft.input.overrides.entry(id).or_default().seats = Some(seats);
    }

    #[test]
    fn undo_and_redo_swap_the_changed_parts_back_and_forth() {
        let mut draft = draft();
        let original = draft.clone();
        let mut history = History::default();
        assert!(!history.observe(&draft, 0), "the first sight is no step");
        set_seats(&mut draft, 3);
        assert!(history.observe(&draft, 10_000));
        let changed = draft.clone();
        assert_eq!(history.next_undo(), Some(EditKind::Adjustments));
        assert_eq!(history.undo(&mut draft), Some(EditKind::Adjustments));
        assert_eq!(draft, original);
        assert_eq!(history.next_undo(), None);
        assert_eq!(history.undo(&mut draft), None);
        assert_eq!(history.redo(&mut draft), Some(EditKind::Adjustments));
        assert_eq!(draft, changed);
        assert_ne!(changed, original);
        assert_eq!(history.next_redo(), None);
    }

    /// The draft as last seen is kept part by part; after changes, undos and
    /// redos it must still equal the draft in every part, or the next change
    /// would record the wrong values.
    #[test]
    fn the_draft_last_seen_follows_every_part() {
        let mut draft = draft();
        let mut history = History::default();
        history.observe(&draft, 0);
        set_seats(&mut draft, 3);
        history.observe(&draft, 10_000);
        draft.name = "Renamed".into();
        draft.input.subscriptions[0].channel = Channel::Direct;
        history.observe(&draft, 20_000);
        let same_as_draft = |history: &History, draft: &Draft| {
            let mut last = history.last.clone().unwrap();
            Parts::take_changed(&mut last, draft).is_empty()
        };
        assert!(same_as_draft(&history, &draft));
        history.undo(&mut draft);
        assert!(same_as_draft(&history, &draft));
        history.undo(&mut draft);
        history.redo(&mut draft);
        assert!(same_as_draft(&history, &draft));
        set_seats(&mut draft, 7);
        assert!(history.observe(&draft, 40_000));
        assert_eq!(history.undo(&mut draft), Some(EditKind::Adjustments));
        assert_eq!(draft.input.overrides.values().next().and_then(|line| line.seats), Some(3));
    }

    /// A new field of a draft or of its plan input fails to compile here until
    /// it is a part above (or said to be none: the id and the save times).
    #[test]
    fn every_field_a_change_can_touch_is_a_part() {
        let Draft { id: _, name: _, created_ms: _, updated_ms: _, input, import: _, pending_mapping: _ } =
            draft();
        let crate::model::PlanInput {
            customer: _,
            partner: _,
            settings: _,
            subscriptions: _,
            overrides: _,
            list_prices: _,
        } = input;
    }

    #[test]
    fn the_money_view_inputs_undo_and_redo() {
        let mut draft = draft();
        let original = draft.clone();
        let mut history = History::default();
        history.observe(&draft, 0);
        draft
            .input
            .list_prices
            .push(ListPrice { offer_prefix: "CFQ7TTC0LH18:0001".into(), ..ListPrice::default() });
        assert!(history.observe(&draft, 10_000));
        draft.input.settings.billing_default = crate::model::BillingChoice::MonthlyTerm;
        assert!(history.observe(&draft, 20_000));
        assert_eq!(history.undo(&mut draft), Some(EditKind::Profiles));
        assert_eq!(history.undo(&mut draft), Some(EditKind::Subscriptions));
        assert_eq!(draft, original);
        history.redo(&mut draft);
        assert_eq!(draft.input.list_prices.len(), 1);
    }

    #[test]
    fn a_step_keeps_only_the_parts_it_changed() {
        let mut draft = draft();
        let mut history = History::default();
        history.observe(&draft, 0);
        set_seats(&mut draft, 3);
        history.observe(&draft, 10_000);
        let step = &history.undo[0];
        assert!(step.parts.overrides.is_some() && step.parts.subscriptions.is_none());
        assert_eq!(step.parts.rows(), 1);
    }

    #[test]
    fn an_undo_keeps_later_changes_to_other_parts() {
        let mut draft = draft();
        let mut history = History::default();
        history.observe(&draft, 0);
        set_seats(&mut draft, 3);
        history.observe(&draft, 10_000);
        draft.input.subscriptions[1].channel = Channel::Ea;
        history.observe(&draft, 20_000);
        assert_eq!(history.undo_len(), 2);
        // Undo the channel, then the seats: each goes back on its own.
        assert_eq!(history.undo(&mut draft), Some(EditKind::Subscriptions));
        assert_ne!(draft.input.subscriptions[1].channel, Channel::Ea);
        assert!(!draft.input.overrides.is_empty());
        assert_eq!(history.undo(&mut draft), Some(EditKind::Adjustments));
        assert!(draft.input.overrides.is_empty());
        // Redo both, in order.
        history.redo(&mut draft);
        history.redo(&mut draft);
        assert_eq!(draft.input.subscriptions[1].channel, Channel::Ea);
        assert_eq!(draft.input.overrides.values().next().and_then(|entry| entry.seats), Some(3));
    }

    #[test]
    fn typing_in_a_field_is_one_step_and_a_pause_starts_another() {
        let mut draft = draft();
        let mut history = History::default();
        history.observe(&draft, 0);
        for (at, seats) in [(10_000, 1), (10_400, 12), (10_800, 120)] {
            set_seats(&mut draft, seats);
            history.observe(&draft, at);
        }
        assert_eq!(history.undo_len(), 1);
        set_seats(&mut draft, 12);
        history.observe(&draft, 20_000);
        assert_eq!(history.undo_len(), 2);
        history.undo(&mut draft);
        assert_eq!(draft.input.overrides.values().next().and_then(|entry| entry.seats), Some(120));
        history.undo(&mut draft);
        assert!(draft.input.overrides.is_empty(), "the merged step goes back to before its first key");
    }

    #[test]
    fn a_new_change_after_an_undo_drops_the_redo_steps() {
        let mut draft = draft();
        let mut history = History::default();
        history.observe(&draft, 0);
        set_seats(&mut draft, 3);
        history.observe(&draft, 10_000);
        history.undo(&mut draft);
        assert_eq!(history.next_redo(), Some(EditKind::Adjustments));
        draft.name = "other".into();
        history.observe(&draft, 10_100);
        assert_eq!(history.next_redo(), None);
        assert_eq!(history.next_undo(), Some(EditKind::Name));
    }

    #[test]
    fn an_undo_is_not_seen_as_a_new_change() {
        let mut draft = draft();
        let mut history = History::default();
        history.observe(&draft, 0);
        set_seats(&mut draft, 3);
        history.observe(&draft, 10_000);
        history.undo(&mut draft);
        assert!(!history.observe(&draft, 10_100));
        assert_eq!(history.next_redo(), Some(EditKind::Adjustments));
    }

    #[test]
    fn another_draft_starts_its_own_history_and_ignores_undo_of_the_first() {
        let mut first = draft();
        let mut history = History::default();
        history.observe(&first, 0);
        set_seats(&mut first, 3);
        history.observe(&first, 10_000);
        let mut second = Draft { id: "other".into(), ..draft() };
        assert!(!history.observe(&second, 20_000));
        assert_eq!(history.next_undo(), None);
        assert_eq!(history.undo(&mut first), None);
        assert_eq!(history.undo(&mut second), None);
    }

    #[test]
    fn the_oldest_steps_go_first_beyond_the_bounds() {
        let mut draft = draft();
        let mut history = History::default();
        history.observe(&draft, 0);
        for step in 0..(MAX_STEPS as u32 + 20) {
            set_seats(&mut draft, step);
            history.observe(&draft, i64::from(step) * 10_000 + 10_000);
        }
        assert_eq!(history.undo_len(), MAX_STEPS);
        let mut big = sample_draft(MAX_ROWS_KEPT / 3);
        let mut history = History::default();
        history.observe(&big, 0);
        for step in 0..5 {
            big.input.subscriptions[0].seats_total += 1;
            history.observe(&big, step * 10_000 + 10_000);
        }
        assert!(history.undo_len() < 5 && history.undo_len() >= 1, "{} steps", history.undo_len());
        assert_eq!(history.undo(&mut big).map(|_| big.input.subscriptions[0].seats_total > 0), Some(true));
    }
}
