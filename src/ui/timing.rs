//! Giving the browser a turn between heavy steps, so the page keeps painting and
//! answering, and marking those steps on its performance timeline (the
//! benchmarks read the marks). Used by the import and plan steps and by autosave.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Lets the browser run its pending work (paint the progress, handle input)
/// before the next heavy step.
pub async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let scheduled = web_sys::window()
            .map(|window| window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0).is_ok())
            .unwrap_or(false);
        if !scheduled {
            // No timer to wait for: go on at once rather than never.
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Waits until the browser has painted a frame (the progress line, a busy
/// bar), then gives it a turn, before the next heavy step: a `setTimeout(0)`
/// alone may run before the frame. A hidden page paints no frame: then it
/// goes on after a tenth of a second anyway.
pub async fn yield_for_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let Some(window) = web_sys::window() else {
            let _ = resolve.call0(&JsValue::NULL);
            return;
        };
        let after_frame = {
            let resolve = resolve.clone();
            wasm_bindgen::closure::Closure::once_into_js(move || {
                let scheduled = web_sys::window()
                    .map(|window| {
                        window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0).is_ok()
                    })
                    .unwrap_or(false);
                if !scheduled {
                    let _ = resolve.call0(&JsValue::NULL);
                }
            })
        };
        let framed = window.request_animation_frame(after_frame.unchecked_ref()).is_ok();
        // Whichever comes first resolves; resolving twice does nothing.
        let timed = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 100).is_ok();
        if !framed && !timed {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Runs `work` between two marks of the browser's performance timeline and
/// records it as the measure `name`: the import benchmark
/// (tests/bench/import-longtask.mjs) reads them to tell which phase a long
/// main-thread task belongs to. Costs a few microseconds.
pub fn measured<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let performance = web_sys::window().and_then(|window| window.performance());
    let start_mark = format!("{name}:start");
    if let Some(performance) = &performance {
        let _ = performance.mark(&start_mark);
    }
    let value = work();
    if let Some(performance) = &performance {
        // A timeline without these entries only leaves the benchmark without a breakdown.
        let _ = performance.measure_with_start_mark(name, &start_mark);
        performance.clear_marks_with_mark_name(&start_mark);
    }
    value
}
