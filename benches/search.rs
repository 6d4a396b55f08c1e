//! Filter + search over the real data set and copies of it 10 and 50 times as large
//! (`support/scale.rs`): what one keystroke in the search box costs the core. Run with
//! `cargo bench --bench search`; criterion prints the figures.

#[path = "support/scale.rs"]
mod scale;

use std::hint::black_box;

use council_explorer::core::dataset::Dataset;
use council_explorer::core::query::Filter;
use council_explorer::core::search::{run, Index};
use council_explorer::core::timeline::entries;
use criterion::{criterion_group, criterion_main, Criterion};

/// Queries a person might type: free words, a qualifier, and both with several qualifiers.
const QUERIES: [&str; 4] = [
    "free threading",
    "pep:703",
    "lukasz kind:meeting",
    "person:pablo outcome:accepted after:2020 typing",
];

fn bench(c: &mut Criterion) {
    let real = scale::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data"));
    for times in [1, 10, 50] {
        let data = Dataset::new(scale::scale(&real, times)).expect("the scaled data is valid");
        let all = entries(&data);
        let index = Index::new(&data, &all);
        // The word index is built after the first paint in the app; a keystroke finds it built.
        index.warm(&all);
        let mut group = c.benchmark_group(format!("search {times}x ({} entries)", all.len()));
        for q in QUERIES {
            group.bench_function(q, |b| {
                b.iter(|| run(&index, &all, &Filter::parse(black_box(q))))
            });
        }
        group.finish();
        if times == 10 {
            c.bench_function("index build 10x", |b| {
                b.iter(|| Index::new(&data, &all).warm(&all))
            });
        }
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
