//! Autosave in steps: the draft's JSON is deflated a slice at a time, with a
//! turn for the browser between slices, so that saving a large draft never
//! holds the page (in one go, 10,000 subscriptions took about 150 ms of main
//! thread; a step now takes a few milliseconds, the first, serialising the
//! JSON, the longest).
//!
//! Which draft is being encoded stays in `Tracking::encoding`: a flush (the
//! page is hidden, another draft opens) saves that draft at once, as it is
//! then, and ends the steps; a change made meanwhile is saved by the next
//! autosave, after this one. The usual checks (another tab saved or deleted
//! the draft) run before the write.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::draft::SteppedEncoding;
use crate::ui::timing::{measured, yield_to_browser};
use crate::ui::workspace::now_ms;

use super::{store, Drafts, SaveTarget};

/// JSON bytes deflated per step: about 10 ms of work in Chromium.
const STEP_BYTES: usize = 1024 * 1024;

impl Drafts {
    /// Saves the pending changes in steps (the autosave timer's way; `flush`
    /// stays the immediate one).
    pub(super) fn save_in_steps(&self) {
        let drafts = *self;
        let started = self
            .tracking
            .try_update_value(|tracking| {
                tracking.timer = None;
                let unsaved = tracking.unsaved.take()?;
                // A save still encoding is overtaken: this draft is newer.
                tracking.save_number += 1;
                Some((unsaved, tracking.save_number, tracking.base.clone()))
            })
            .flatten();
        let Some((unsaved, number, base)) = started else { return };
        let writer = self.writer.get_value();
        let saved_at_ms = now_ms();
        let Some((mut encoding, target)) = self.with_unsaved(&unsaved, |draft| {
            let encoding =
                measured("autosave:serialise", || SteppedEncoding::start(draft, saved_at_ms, &writer));
            (encoding, SaveTarget::of(draft))
        }) else {
            return;
        };
        self.tracking.update_value(|tracking| tracking.encoding = Some(unsaved));
        spawn_local(async move {
            loop {
                yield_to_browser().await;
                let still_ours = drafts
                    .tracking
                    .try_with_value(|tracking| tracking.save_number == number)
                    .unwrap_or(false);
                if !still_ours {
                    return;
                }
                if measured("autosave:deflate", || encoding.step(STEP_BYTES)) {
                    break;
                }
            }
            let Some(unsaved) = drafts
                .tracking
                .try_update_value(|tracking| {
                    // The user chose meanwhile between this tab's draft and another tab's
                    // (the base changed): what this save encoded is no longer wanted.
                    if tracking.save_number != number {
                        return None;
                    }
                    tracking.encoding.take().filter(|_| tracking.base == base)
                })
                .flatten()
            else {
                return;
            };
            let text = measured("autosave:pack", || encoding.finish());
            if !drafts.may_write(&target) {
                drafts.keep_unsaved(unsaved);
                return;
            }
            let result =
                measured("autosave:write", || store::save_encoded(&target.id, &text, saved_at_ms, &writer));
            drafts.after_write(&target, unsaved, saved_at_ms, result);
        });
    }
}
