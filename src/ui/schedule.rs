//! Work a page leaves for later: just after the next paint, or after a delay. Such work belongs
//! to the component that scheduled it. A [`Later`] is made once per component and purpose; it
//! cancels its pending work when that component is cleaned up (the page gives way to the next)
//! and when new work replaces it, so deferred work never runs on a page that is gone and never
//! reads a signal that has been disposed.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use leptos::prelude::{
    on_cleanup, request_animation_frame_with_handle, set_timeout_with_handle,
    AnimationFrameRequestHandle, TimeoutHandle,
};

/// The pending work of one purpose of one component: at most one piece at a time.
#[derive(Clone, Default)]
pub struct Later(Arc<Mutex<Pending>>);

#[derive(Default)]
struct Pending {
    frame: Option<AnimationFrameRequestHandle>,
    timeout: Option<TimeoutHandle>,
    /// The component is gone: nothing may be scheduled any more.
    closed: bool,
    /// Bumped by every new piece of work, so a callback that was already on its way when it
    /// was replaced knows it is stale.
    generation: u64,
}

impl Later {
    /// A scheduler tied to the calling component: its pending work is cancelled when the
    /// component is cleaned up. Call it in the component's body, not inside an effect (whose
    /// cleanup runs before each of its runs).
    pub fn new() -> Later {
        let later = Later::default();
        let on_exit = later.clone();
        on_cleanup(move || on_exit.close());
        later
    }

    /// Runs `work` just after the browser paints the next frame (a timeout set in an animation
    /// frame runs after that frame), for work the frame should not wait for. Replaces any work
    /// still pending, so of several quick changes only the newest's work runs.
    pub fn after_paint(&self, work: impl FnOnce() + 'static) {
        let Some(generation) = self.restart() else {
            return;
        };
        let this = self.clone();
        let frame = request_animation_frame_with_handle(move || {
            let again = this.clone();
            let timeout = set_timeout_with_handle(
                move || {
                    if again.current(generation) {
                        work();
                    }
                },
                Duration::ZERO,
            );
            if let (Ok(t), Ok(mut p)) = (timeout, this.0.lock()) {
                p.timeout = Some(t);
            }
        });
        if let (Ok(f), Ok(mut p)) = (frame, self.0.lock()) {
            p.frame = Some(f);
        }
    }

    /// Runs `work` once `delay` has passed; replaces any work still pending.
    pub fn after(&self, delay: Duration, work: impl FnOnce() + 'static) {
        let Some(generation) = self.restart() else {
            return;
        };
        let this = self.clone();
        let timeout = set_timeout_with_handle(
            move || {
                if this.current(generation) {
                    work();
                }
            },
            delay,
        );
        if let (Ok(t), Ok(mut p)) = (timeout, self.0.lock()) {
            p.timeout = Some(t);
        }
    }

    /// Cancels the pending work, if any.
    pub fn cancel(&self) {
        if let Ok(mut p) = self.0.lock() {
            p.generation += 1;
            p.stop();
        }
    }

    /// Cancels what is pending and gives the new work's generation, or `None` once closed.
    fn restart(&self) -> Option<u64> {
        let mut p = self.0.lock().ok()?;
        p.stop();
        p.generation += 1;
        (!p.closed).then_some(p.generation)
    }

    /// Whether work of `generation` is still the one wanted.
    fn current(&self, generation: u64) -> bool {
        self.0
            .lock()
            .is_ok_and(|p| !p.closed && p.generation == generation)
    }

    fn close(&self) {
        if let Ok(mut p) = self.0.lock() {
            p.closed = true;
            p.stop();
        }
    }
}

/// Runs `work` just after the next paint, for work that belongs to the app as a whole rather
/// than to one page (the search index, built once per load), so nothing cancels it.
pub fn after_paint_for_the_app(work: impl FnOnce() + 'static) {
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::set_timeout(work, Duration::ZERO)
    });
}

impl Pending {
    fn stop(&mut self) {
        if let Some(f) = self.frame.take() {
            f.cancel();
        }
        if let Some(t) = self.timeout.take() {
            t.clear();
        }
    }
}
