//! A bare Leptos "hello" page: the smallest CSR app, built like the real one, so the cold-load
//! benchmark can say how much of the app's load time is the app's own.

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        use leptos::prelude::*;
        leptos::mount::mount_to_body(|| view! { <p id="hello">"Hello"</p> });
    }
}
