//! The timeline as a person uses it: filters that live in the URL, back and forward, an
//! entry that opens its meeting, and the view's downloads.

use crate::harness::*;

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn filters_narrow_the_timeline_and_live_in_the_url() {
    let b = Browser::open().await;
    let counts = filter_by_person_then_pep(&b).await;
    println!(
        "entries: {} in all, {} for the person, {} with PEP 713",
        counts.all, counts.person, counts.pep
    );
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn back_and_forward_move_through_filters() {
    let b = Browser::open().await;
    let counts = filter_by_person_then_pep(&b).await;

    b.client.back().await.expect("go back");
    b.until("pep gone from the URL and the PEP box empty", async || {
        let pep = b.qualifier("pep").await?;
        let input = b.value_of("input#filter-pep").await?;
        let count = b.result_count().await?;
        if pep.is_none() && input.is_empty() && count == counts.all {
            Ok(())
        } else {
            Err(format!(
                "pep={pep:?}, input {input:?}, count {count} (want {})",
                counts.all
            ))
        }
    })
    .await;

    b.client.forward().await.expect("go forward");
    b.until("pep:713 back in the URL and the PEP box", async || {
        let pep = b.qualifier("pep").await?;
        let input = b.value_of("input#filter-pep").await?;
        let count = b.result_count().await?;
        if pep.as_deref() == Some("713") && input == "713" && count == counts.pep {
            Ok(())
        } else {
            Err(format!(
                "pep={pep:?}, input {input:?}, count {count} (want {})",
                counts.pep
            ))
        }
    })
    .await;
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn an_entry_link_opens_its_meeting_and_back_returns() {
    let b = Browser::open().await;
    // The newest rows are decisions and elections since the notes ended (2024-10-30).
    b.goto("?q=kind:meeting").await;
    b.timeline().await;

    let link = b.find("a.entry-link[href*='/meetings/']").await;
    let href = link
        .prop("href")
        .await
        .unwrap()
        .expect("the entry link has an href");
    let target = url_path(&href);
    let id = target.rsplit('/').next().unwrap_or_default().to_owned();
    // A sticky header must not be what receives the click.
    b.js(
        "arguments[0].scrollIntoView({block: 'center'})",
        vec![serde_json::to_value(&link).unwrap()],
    )
    .await;
    link.click().await.expect("click the entry link");

    path_is(&b, &target).await;
    b.until(&format!("the meeting's h1 with {id}"), async || {
        let h1 = b.texts("h1").await;
        if h1.iter().any(|t| t.contains(&id[..id.len().min(10)])) {
            Ok(())
        } else {
            Err(format!("h1 {h1:?}"))
        }
    })
    .await;

    b.client.back().await.expect("go back");
    path_is(&b, PREFIX).await;
    b.find("[data-testid=timeline]").await;
    assert_eq!(b.param("q").await.unwrap().as_deref(), Some("kind:meeting"));
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn the_view_downloads_as_csv_and_json() {
    let b = Browser::open().await;
    b.goto("?q=pep:703").await;
    let count = b.timeline().await;
    assert!(count > 0, "nothing for pep:703");
    // Keeps each Blob handed to URL.createObjectURL, which is what the download links to.
    b.js(
        "window.exported = []; const make = URL.createObjectURL;
         URL.createObjectURL = blob => { window.exported.push(blob); return make.call(URL, blob); };",
        vec![],
    )
    .await;
    for button in ["export-csv", "export-json"] {
        b.find(&format!("[data-testid={button}]"))
            .await
            .click()
            .await
            .expect("click an export button");
    }
    let files = b
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             Promise.all(window.exported.map(f => f.text())).then(done, e => done([String(e)]));",
            vec![],
        )
        .await
        .expect("read the exported files");
    let files: Vec<String> = files
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|f| f.as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(files.len(), 2, "two downloads: {files:?}");
    let lines: Vec<&str> = files[0].split_terminator("\r\n").collect();
    assert!(
        lines[0].starts_with("date,kind,"),
        "CSV header {:?}",
        lines[0]
    );
    assert_eq!(
        lines.len() as u64,
        count + 1,
        "one CSV line per entry shown"
    );
    assert!(
        lines[1..].iter().all(|l| l.contains("703")),
        "a CSV row without 703"
    );
    let rows: Value = serde_json::from_str(&files[1]).expect("the JSON export parses");
    assert_eq!(rows.as_array().map(Vec::len), Some(count as usize));
    assert!(
        rows[0]["link"]
            .as_str()
            .unwrap_or_default()
            .starts_with(&b.site.base),
        "links point back into the site: {}",
        rows[0]["link"]
    );
    b.close().await;
}
