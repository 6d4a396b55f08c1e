//! Writes the real data set scaled up, for benchmarks only (see `benches/support/scale.rs`):
//! `cargo run --release --example scale_data -- <times> <out-dir>`. The result is validated
//! before it is written.

#[path = "../benches/support/scale.rs"]
mod scale;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(times), Some(out)) = (
        args.first().and_then(|t| t.parse::<u32>().ok()),
        args.get(1),
    ) else {
        eprintln!("usage: scale_data <times> <out-dir>");
        std::process::exit(2);
    };
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    let parts = scale::scale(&scale::read(data), times.max(1));
    let problems = council_explorer::core::dataset::validate(&parts);
    if let Some(first) = problems.first() {
        eprintln!("the scaled data set is not valid: {first}");
        std::process::exit(1);
    }
    scale::write(&parts, out);
    println!(
        "{times}x: {} sections, {} decisions, {} elections, {} nominations in {out}",
        parts.sections.len(),
        parts.decisions.len(),
        parts.elections.len(),
        parts.nominations.len()
    );
}
