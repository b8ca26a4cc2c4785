//! The storage benchmark, called by `tests/bench/drafts.mjs` through
//! `window.wasmBindings`: saves and loads made-up drafts of a given size through
//! the same code autosave and the drafts list use, and reports times and bytes.

use super::store;
use crate::draft::sample::sample_draft;
use crate::draft::{encode_stored, entry_bytes, read_stored};
use crate::ui::storage::KEY_PREFIX;

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map(|performance| performance.now())
        .unwrap_or_default()
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or_default()
}

/// Saves and loads a draft of `count` subscriptions `rounds` times; returns JSON
/// `{count, rounds, save_ms, load_ms, save_ms_min, load_ms_min, stored_bytes, plain_json_bytes}`
/// (medians and minimums). Writes only its own draft id, removed at the end.
pub fn bench_drafts(count: usize, rounds: usize) -> String {
    let mut draft = sample_draft(count);
    draft.id = format!("bench-{count}");
    let (mut saves, mut loads) = (Vec::new(), Vec::new());
    let mut error = None;
    for _ in 0..rounds.max(1) {
        let started = now_ms();
        // Autosave reads the stored draft's stamp before writing (another tab may have saved).
        let _ = store::stamp(&draft.id);
        if let Err(failure) = store::save(&draft, 1, "bench") {
            error = Some(format!("{failure:?}"));
            break;
        }
        let saved = now_ms();
        match store::load(&draft.id) {
            Ok((loaded, _)) if loaded == draft => {}
            other => {
                error = Some(format!("load: {:?}", other.err()));
                break;
            }
        }
        saves.push(saved - started);
        loads.push(now_ms() - saved);
    }
    let stored = store::raw(&draft.id).ok().flatten().unwrap_or_default();
    // The same work without local storage: what encoding and decoding alone cost.
    let (mut encodes, mut decodes) = (Vec::new(), Vec::new());
    for _ in 0..rounds.max(1) {
        let started = now_ms();
        let text = encode_stored(&draft, 1, "bench");
        let encoded = now_ms();
        let _ = read_stored(&text).and_then(|stored| stored.open());
        encodes.push(encoded - started);
        decodes.push(now_ms() - encoded);
    }
    let key = format!("{KEY_PREFIX}{}", store::draft_key(&draft.id));
    let plain = serde_json::to_string(&draft).unwrap_or_default();
    let _ = store::delete(&draft.id);
    serde_json::json!({
        "count": count,
        "rounds": saves.len(),
        "save_ms": median(saves.clone()),
        "load_ms": median(loads.clone()),
        "save_ms_min": saves.iter().copied().fold(f64::INFINITY, f64::min),
        "load_ms_min": loads.iter().copied().fold(f64::INFINITY, f64::min),
        "encode_ms": median(encodes),
        "decode_ms": median(decodes),
        "stored_bytes": entry_bytes(&key, &stored),
        "plain_json_bytes": entry_bytes(&key, &plain),
        "error": error,
    })
    .to_string()
}
