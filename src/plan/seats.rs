//! The customer's seats, each counted once: to move, moved, blocked, left out (and
//! why), and the add-on licences bought beside a new suite.

use super::findings::FindingCode;
use super::{PlanLine, SeatCounts};
use crate::i18n::template::fill;
use crate::i18n::Lang;
use crate::model::MigrationPath;

impl SeatCounts {
    /// Adds another customer's counts (the app's cards sum over every customer).
    pub fn add(&mut self, other: &SeatCounts) {
        self.to_move += other.to_move;
        self.moved += other.moved;
        self.blocked += other.blocked;
        self.left_out += other.left_out;
        self.left_out_free_or_trial += other.left_out_free_or_trial;
        self.left_out_ended += other.left_out_ended;
        self.left_out_by_user += other.left_out_by_user;
        self.left_out_not_seat_based += other.left_out_not_seat_based;
        self.add_on_seats += other.add_on_seats;
    }

    pub(super) fn count(lines: &[PlanLine]) -> SeatCounts {
        let mut counts = SeatCounts::default();
        for line in lines {
            let seats = u64::from(line.seats);
            if line.is_migrated() {
                counts.moved += seats;
                if line.target.as_ref().is_some_and(|target| target.add_on.is_some()) {
                    counts.add_on_seats += seats;
                }
            } else if line.path == MigrationPath::Blocked {
                counts.blocked += seats;
            } else {
                let source_seats = u64::from(line.seats_source_total);
                counts.left_out += source_seats;
                let reason = line.findings.iter().map(|finding| finding.code).find(|code| {
                    matches!(
                        code,
                        FindingCode::FreeSkuNotMigrated
                            | FindingCode::TrialNotMigrated
                            | FindingCode::AlreadyEnded
                            | FindingCode::NonSeatNotMigrated
                    )
                });
                // No other reason: the user chose to leave it out (excluded, or path "not migrated").
                let slot = match reason {
                    Some(FindingCode::FreeSkuNotMigrated | FindingCode::TrialNotMigrated) => {
                        &mut counts.left_out_free_or_trial
                    }
                    Some(FindingCode::AlreadyEnded) => &mut counts.left_out_ended,
                    Some(_) => &mut counts.left_out_not_seat_based,
                    None => &mut counts.left_out_by_user,
                };
                *slot += source_seats;
            }
        }
        counts.to_move = counts.moved + counts.blocked;
        counts
    }

    /// "Seats to move: 120 (moved 100, blocked 20); left out: 530 (…)", each figure explained.
    pub fn describe(&self, lang: Lang) -> String {
        let seats = self;
        let mut text = fill(
            lang.pick(
                "Seats to move: {to_move} ({moved} planned, {blocked} on blocked lines, moved once unblocked). Left out: {left_out}",
                "Licences à migrer : {to_move} ({moved} planifiées, {blocked} sur des lignes bloquées, migrées une fois débloquées). Écartées : {left_out}",
            ),
            &[
                ("to_move", &seats.to_move.to_string()),
                ("moved", &seats.moved.to_string()),
                ("blocked", &seats.blocked.to_string()),
                ("left_out", &seats.left_out.to_string()),
            ],
        );
        let reasons = [
            (seats.left_out_free_or_trial, lang.pick("free or trial", "gratuites ou d’essai")),
            (seats.left_out_ended, lang.pick("already ended", "déjà terminées")),
            (seats.left_out_by_user, lang.pick("left out by you", "écartées par vous")),
            (seats.left_out_not_seat_based, lang.pick("not seat-based", "hors licences par utilisateur")),
        ];
        let parts: Vec<String> = reasons
            .iter()
            .filter(|(count, _)| *count > 0)
            .map(|(count, why)| format!("{count} {why}"))
            .collect();
        if !parts.is_empty() {
            text.push_str(&format!(" ({})", parts.join(", ")));
        }
        text.push('.');
        if seats.add_on_seats > 0 {
            text.push_str(&fill(
                lang.pick(
                    " Plus {count} add-on licences bought with the new suites (not new users).",
                    " Plus {count} licences complémentaires achetées avec les nouvelles suites (pas de nouveaux utilisateurs).",
                ),
                &[("count", &seats.add_on_seats.to_string())],
            ));
        }
        text
    }
}
