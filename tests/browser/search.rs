//! The search box as a person uses it: suggestions for people and PEPs, Esc, the hints that
//! widen an empty result, and facet counts that follow the typing.

use crate::harness::*;

/// The suggestions currently listed under the box.
async fn suggestions(b: &Browser) -> Vec<String> {
    b.texts("#search-suggestions li[role=option]").await
}

/// Whether the box says its list is open (`aria-expanded`); the list is hidden, not emptied,
/// when closed.
async fn list_open(b: &Browser) -> bool {
    let expanded = b.js(
        "return document.getElementById('filter-q').getAttribute('aria-expanded')",
        vec![],
    );
    expanded.await.as_str() == Some("true")
}

/// The number in an `<option>` label such as `Pablo Galindo Salgado (42)`.
fn count_in(label: &str) -> Option<u64> {
    let inner = label.rsplit_once('(')?.1.strip_suffix(')')?;
    inner.parse().ok()
}

/// The person control's option for `id`, as its label reads now.
async fn person_option(b: &Browser, id: &str) -> Result<String, String> {
    let label = b.js(
        "const o = document.querySelector(`#filter-person option[value='${arguments[0]}']`); \
         return o ? o.textContent : null",
        vec![id.into()],
    );
    label
        .await
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| format!("no option for {id}"))
}

/// Waits for a suggestion containing `text` in the open list, then picks it with the arrow
/// keys and Enter, as a keyboard user would.
async fn choose(b: &Browser, input: &Element, text: &str) {
    let listed = b
        .until(
            &format!("a suggestion with {text:?} in the open list"),
            async || {
                let s = suggestions(b).await;
                if s.iter().any(|s| s.contains(text)) && list_open(b).await {
                    Ok(s)
                } else {
                    Err(format!("suggestions {s:?}"))
                }
            },
        )
        .await;
    let at = listed.iter().position(|s| s.contains(text)).unwrap_or(0);
    for _ in 0..=at {
        input.send_keys(&Key::Down.to_string()).await.expect("down");
    }
    input
        .send_keys(&Key::Enter.to_string())
        .await
        .expect("enter");
}

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn suggestions_complete_a_person_and_a_pep() {
    let b = Browser::open().await;
    b.goto("").await;
    let all = b.timeline().await;

    let input = b.find("input#filter-q").await;
    input.send_keys("person:pab").await.expect("type");
    choose(&b, &input, "Pablo Galindo Salgado").await;
    let pablo = b
        .until("q names Pablo by id and the view narrows", async || {
            let q = b.param("q").await?.unwrap_or_default();
            let n = b.result_count().await?;
            if q.trim() == "person:pablo-galindo-salgado" && n > 0 && n < all {
                Ok(n)
            } else {
                Err(format!("q={q:?}, {n} of {all}"))
            }
        })
        .await;

    // A PEP by the start of its number, after the person already chosen.
    input.send_keys("pep:70").await.expect("type");
    choose(&b, &input, "703").await;
    b.until("both qualifiers in q and fewer entries", async || {
        let q = b.param("q").await?.unwrap_or_default();
        let n = b.result_count().await?;
        if q.trim() == "person:pablo-galindo-salgado pep:703" && n < pablo {
            Ok(())
        } else {
            Err(format!("q={q:?}, {n} (Pablo alone {pablo})"))
        }
    })
    .await;
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn escape_closes_the_list_then_clears_the_search() {
    let b = Browser::open().await;
    b.goto("").await;
    let all = b.timeline().await;
    let input = b.find("input#filter-q").await;
    input.send_keys("person:bre").await.expect("type");
    b.until("suggestions listed", async || {
        let s = suggestions(&b).await;
        if !s.is_empty() && list_open(&b).await {
            Ok(())
        } else {
            Err(format!("suggestions {s:?}, closed"))
        }
    })
    .await;

    input
        .send_keys(&Key::Escape.to_string())
        .await
        .expect("esc");
    b.until("the list closed, the search kept", async || {
        let open = list_open(&b).await;
        let q = b.param("q").await?;
        if !open && q.as_deref() == Some("person:bre") {
            Ok(())
        } else {
            Err(format!("list open: {open}, q={q:?}"))
        }
    })
    .await;

    input
        .send_keys(&Key::Escape.to_string())
        .await
        .expect("esc");
    b.until("the search cleared and every entry back", async || {
        let q = b.param("q").await?;
        let text = b.value_of("input#filter-q").await?;
        let n = b.result_count().await?;
        if q.is_none() && text.is_empty() && n == all {
            Ok(())
        } else {
            Err(format!("q={q:?}, box {text:?}, {n} of {all}"))
        }
    })
    .await;
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn an_empty_result_offers_to_drop_a_piece() {
    let b = Browser::open().await;
    b.goto("?q=pep:703%20year:2019").await;
    b.until("no entries", async || match b.result_count().await? {
        0 => Ok(()),
        n => Err(format!("{n} entries")),
    })
    .await;
    let hints = b.texts("[data-testid=widen] li").await;
    let drop_year = hints
        .iter()
        .find(|h| h.contains("year:2019"))
        .unwrap_or_else(|| panic!("no hint drops year:2019: {hints:?}"));
    // The hint says how many entries dropping the piece gives; following it shows as many.
    let promised = drop_year
        .rsplit_once('(')
        .and_then(|(_, n)| n.split_whitespace().next())
        .and_then(|n| n.parse::<u64>().ok())
        .unwrap_or_else(|| panic!("no count in {drop_year:?}"));
    assert!(promised > 0, "a hint that leads nowhere: {drop_year:?}");
    b.find("[data-testid=widen] li a").await; // drawn
    let link = b.js(
        "return [...document.querySelectorAll('[data-testid=widen] a')] \
           .find(a => a.textContent.includes('year:2019')).href",
        vec![],
    );
    let href = link.await.as_str().unwrap_or_default().to_owned();
    b.client.goto(&href).await.expect("follow the hint");
    b.until("the promised entries", async || {
        let q = b.param("q").await?;
        let n = b.result_count().await?;
        if q.as_deref() == Some("pep:703") && n == promised {
            Ok(())
        } else {
            Err(format!("q={q:?}, {n} (promised {promised})"))
        }
    })
    .await;
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn facet_counts_follow_the_search_as_it_is_typed() {
    let b = Browser::open().await;
    b.goto("").await;
    b.timeline().await;
    let before = count_in(&person_option(&b, "brett-cannon").await.unwrap())
        .expect("a count in Brett's option");
    // Typed, not chosen: his nominations and elections drop out of the count.
    search_for(&b, "kind:meeting").await;
    let after = b
        .until("Brett's count to change", async || {
            let label = person_option(&b, "brett-cannon").await?;
            match count_in(&label) {
                Some(n) if n != before => Ok(n),
                other => Err(format!("{label:?} ({other:?}, before {before})")),
            }
        })
        .await;
    assert!(
        after < before,
        "a search can only narrow: Brett {before} -> {after}"
    );
    // The count is what choosing him would show.
    let select = b.find("select#filter-person").await;
    select
        .select_by_value("brett-cannon")
        .await
        .expect("choose Brett");
    b.until("as many entries as the option said", async || {
        let n = b.result_count().await?;
        if n == after {
            Ok(())
        } else {
            Err(format!("{n} entries, option said {after}"))
        }
    })
    .await;
    b.close().await;
}

/// A select shows its chosen option whole, at a desk and on a phone: the longest choices are
/// names with their counts ("Pablo Galindo Salgado (59)").
#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn a_chosen_person_reads_whole_in_its_control() {
    let b = Browser::open().await;
    for width in [1280, 375] {
        b.cdp(
            "Emulation.setDeviceMetricsOverride",
            serde_json::json!({ "width": width, "height": 800, "deviceScaleFactor": 1, "mobile": width < 600 }),
        )
        .await;
        b.goto("?q=person:pablo-galindo-salgado").await;
        b.timeline().await;
        if width < 600 {
            b.find(".filters-toggle")
                .await
                .click()
                .await
                .expect("open the filters");
        }
        let cut: Vec<String> = b
            .read(
                "const ctx = document.createElement('canvas').getContext('2d');
                 return [...document.querySelectorAll('.filter-bar select')].filter((s) => {
                   const st = getComputedStyle(s);
                   ctx.font = st.font;
                   const text = ctx.measureText(s.selectedOptions[0].text).width;
                   // The padding and the arrow, about 20 px, besides the text.
                   return text + parseFloat(st.paddingLeft) + parseFloat(st.paddingRight) + 20 > s.clientWidth;
                 }).map((s) => `${s.id}: ${s.selectedOptions[0].text} in ${s.clientWidth} px`)",
                vec![],
            )
            .await;
        assert!(cut.is_empty(), "at {width} px: {cut:?}");
    }
    b.close().await;
}

/// Types `text` over whatever the box holds, as one `input` event.
async fn retype(b: &Browser, text: &str) {
    b.js(
        "const i = document.getElementById('filter-q'); i.value = arguments[0]; \
         i.dispatchEvent(new InputEvent('input', { bubbles: true }))",
        vec![text.into()],
    )
    .await;
}

/// A bug this guards against: a month keyed by its first row and count kept PEP 467's decision
/// on screen under April 2019 after the search changed to PEP 570, whose month has the same
/// first row and count.
#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn changing_the_search_redraws_rows_that_changed() {
    let b = Browser::open().await;
    b.goto("").await;
    b.timeline().await;
    for (q, want, gone) in [
        ("pep:467", "PEP 467", "PEP 570"),
        ("pep:570", "PEP 570", "PEP 467"),
        ("pep:573", "PEP 573", "PEP 570"),
    ] {
        retype(&b, q).await;
        b.until(&format!("{q}: rows about {want} only"), async || {
            let shown = b.param("q").await?;
            let decisions = b.texts("li.entry-decision").await;
            if shown.as_deref() == Some(q)
                && !decisions.is_empty()
                && decisions
                    .iter()
                    .all(|d| d.contains(want) && !d.contains(gone))
            {
                Ok(())
            } else {
                Err(format!("q={shown:?}, decisions {decisions:?}"))
            }
        })
        .await;
    }
    b.close().await;
}

/// "Copy link" says it copied only once the browser has, and the clipboard then holds the
/// page's address.
#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn copy_link_puts_the_address_on_the_clipboard() {
    let b = Browser::open().await;
    b.goto("?q=pep:703").await;
    b.timeline().await;
    b.allow_clipboard().await;
    b.find("[data-testid=copy-view-link]")
        .await
        .click()
        .await
        .expect("click Copy link");
    b.until("the status to say copied", async || {
        let said = b.texts(".export-status").await.join(" ");
        if said.contains("Link copied") {
            Ok(())
        } else {
            Err(format!("status {said:?}"))
        }
    })
    .await;
    let pasted = b.clipboard().await;
    let here = b.client.current_url().await.expect("the page's address");
    assert_eq!(
        pasted.as_str(),
        Some(here.as_str()),
        "the clipboard holds the page's address"
    );
    b.close().await;
}

/// The controls show what the query says even when that choice finds nothing: with
/// `pep:703 year:2019` (PEP 703 came later) the year control shows 2019, not "All years".
#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn a_choice_with_no_entries_still_shows_in_its_control() {
    let b = Browser::open().await;
    b.goto("?q=pep:703%20year:2019%20person:brett-cannon").await;
    b.until(
        "no entries, and the controls as the query says",
        async || {
            let n = b.result_count().await?;
            let year = b.value_of("select#filter-year").await?;
            let person = b.value_of("select#filter-person").await?;
            if n == 0 && year == "2019" && person == "brett-cannon" {
                Ok(())
            } else {
                Err(format!("{n} entries, year {year:?}, person {person:?}"))
            }
        },
    )
    .await;
    b.close().await;
}

/// Ranked rows stand under "Best matches first", not under a month, so each gives its year;
/// under a month heading the row gives only the day.
#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn ranked_rows_give_their_year() {
    let b = Browser::open().await;
    let has_year = |t: &String| {
        t.split_whitespace()
            .any(|w| w.len() == 4 && w.starts_with("20"))
    };
    b.goto("?q=gil").await;
    b.timeline().await;
    let dates = b.texts("li.entry time").await;
    assert!(
        !dates.is_empty() && dates.iter().all(has_year),
        "ranked dates without a year: {dates:?}"
    );
    b.goto("?q=kind:decision").await;
    b.timeline().await;
    let dates = b.texts("li.entry time").await;
    assert!(
        !dates.is_empty() && !dates.iter().any(has_year),
        "dates under a month repeat its year: {dates:?}"
    );
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn a_pep_qualifier_narrows_and_sets_the_pep_control() {
    let b = Browser::open().await;
    b.goto("").await;
    let all = b.timeline().await;
    search_for(&b, "pep:703").await;
    let count = b
        .until("fewer entries and 703 in the PEP control", async || {
            let count = b.result_count().await?;
            let pep = b.value_of("input#filter-pep").await?;
            if count < all && count > 0 && pep == "703" {
                Ok(count)
            } else {
                Err(format!("count {count} of {all}, PEP control {pep:?}"))
            }
        })
        .await;
    let entries = b.texts("li.entry").await;
    assert_eq!(entries.len() as u64, count, "every match is shown");
    for entry in &entries {
        assert!(
            entry.contains("703"),
            "an entry for pep:703 does not mention it: {entry:?}"
        );
    }

    // A link in the form used before qualifiers lands on the same view, in the new form.
    b.goto("?pep=703").await;
    b.until("q=pep:703 in the URL and the box", async || {
        let q = b.param("q").await?;
        let pep = b.param("pep").await?;
        let text = b.value_of("input#filter-q").await?;
        let n = b.result_count().await?;
        if q.as_deref() == Some("pep:703") && pep.is_none() && text == "pep:703" && n == count {
            Ok(())
        } else {
            Err(format!(
                "q={q:?} pep={pep:?} box {text:?} count {n} (want {count})"
            ))
        }
    })
    .await;
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn lukasz_finds_lukasz_and_marks_the_name() {
    let b = Browser::open().await;
    b.goto("").await;
    b.timeline().await;
    search_for(&b, "lukasz").await;
    let marks = b
        .until("marked matches", async || {
            let marks = b.texts("li.entry mark").await;
            if marks.is_empty() {
                Err("no mark".to_owned())
            } else {
                Ok(marks)
            }
        })
        .await;
    assert!(
        marks.iter().all(|m| m == "Łukasz"),
        "the marks are not the name as written: {marks:?}"
    );
    let first = b.texts("li.entry").await;
    assert!(
        first.first().is_some_and(|e| e.contains("Łukasz")),
        "the best match does not name Łukasz: {:?}",
        first.first()
    );
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn the_keyboard_reaches_the_box_and_walks_the_results() {
    let b = Browser::open().await;
    b.goto("?q=kind:meeting").await;
    b.timeline().await;
    let hrefs = b.js(
        "return [...document.querySelectorAll('a.entry-link')].slice(0, 3).map(a => a.href)",
        vec![],
    );
    let hrefs: Vec<String> = hrefs
        .await
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect();
    assert_eq!(hrefs.len(), 3, "fewer than three results for kind:meeting");

    let keys = async |k: String| {
        let el = b.client.active_element().await.expect("a focused element");
        el.send_keys(&k).await.expect("press a key");
    };
    keys("/".into()).await;
    b.until("the search box focused by /", async || {
        match focused_id(&b).await.as_str() {
            "filter-q" => Ok(()),
            other => Err(format!("focus on #{other}")),
        }
    })
    .await;
    assert_eq!(
        b.value_of("input#filter-q").await.unwrap(),
        "kind:meeting",
        "/ typed nothing"
    );

    let expect = async |i: usize, how: &str| {
        b.until(&format!("result {i} focused after {how}"), async || {
            let href = focused_href(&b).await;
            if href == hrefs[i] {
                Ok(())
            } else {
                Err(format!("focus on {href:?}, id {:?}", focused_id(&b).await))
            }
        })
        .await
    };
    keys(Key::Down.to_string()).await;
    expect(0, "ArrowDown in the box").await;
    keys("j".into()).await;
    expect(1, "j").await;
    keys("j".into()).await;
    expect(2, "j again").await;
    keys("k".into()).await;
    expect(1, "k").await;
    keys(Key::Enter.to_string()).await;
    path_is(&b, &url_path(&hrefs[1])).await;
    b.close().await;
}

#[tokio::test]
#[ignore = "needs the built site (SITE_DIR) and chromedriver: run by scripts/test"]
async fn an_unknown_qualifier_is_explained_and_the_rest_still_applies() {
    let b = Browser::open().await;
    b.goto("?q=gil").await;
    let gil = b.timeline().await;
    assert!(gil > 0, "nothing mentions the GIL");
    b.goto("?q=colour:blue%20gil").await;
    let message = b
        .until("a message naming colour", async || {
            let texts = b.texts("[data-testid=search-problems]").await;
            let text = texts.first().cloned().unwrap_or_default();
            if text.contains("colour") {
                Ok(text)
            } else {
                Err(format!("message {text:?}"))
            }
        })
        .await;
    println!("message for colour:blue: {message}");
    assert_eq!(
        b.result_count().await.unwrap(),
        gil,
        "gil alone still applies"
    );
    b.close().await;
}
