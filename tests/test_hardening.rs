//! Hardening, round two (issue 15): special files among the pulls, the input limit counted
//! while reading, terminal escapes, hidden HTML content, super-linear history and HTML.

use crate::common::*;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, Instant};

/// Long enough for a debug build on a busy machine; a hang runs into it and fails the test.
const TIMEOUT: Duration = Duration::from_secs(60);

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
}

/// A store path and a folder of pulls: two Harbor editions.
fn pulls() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let pulls = dir.path().join("pulls");
    std::fs::create_dir_all(&pulls).unwrap();
    for ed in ["2022-05-10.md", "2023-03-14.md"] {
        std::fs::copy(fixture(&format!("harbor/{ed}")), pulls.join(ed)).unwrap();
    }
    (dir, store, pulls)
}

fn add(store: &Path, inputs: &[&Path]) -> Output {
    factdiff()
        .arg("add")
        .arg("--editions")
        .arg(store)
        .args(["--series", "harbor"])
        .args(inputs)
        .timeout(TIMEOUT)
        .output()
        .unwrap()
}

/// Exit 2 (not a timeout, not a signal), no panic, and stderr names the file and what it is.
fn refused(out: &Output, name: &str, what: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(2), "stderr: {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        err.lines()
            .any(|l| l.contains(name) && l.contains(what) && l.contains("expected a regular file")),
        "no line naming {name} as {what}: {err}"
    );
}

// ---- special files among the pulls (items 2 and 3) --------------------------------------------

#[cfg(unix)]
#[test]
fn add_refuses_a_fifo_among_the_pulls_and_stores_the_others() {
    let (_dir, store, pulls) = pulls();
    mkfifo(&pulls.join("2024-04-02.md"));
    let started = Instant::now();
    let out = add(&store, &[&pulls]);
    refused(&out, "2024-04-02.md", "is a FIFO (named pipe)");
    assert!(started.elapsed() < TIMEOUT);
    // The two real pulls were stored, and the lock was let go: a second run goes through.
    let stored: Vec<String> = std::fs::read_dir(store.join("harbor"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml") && n.starts_with("20"))
        .collect();
    assert_eq!(stored.len(), 2, "{stored:?}");
    let again = add(&store, &[&pulls.join("2022-05-10.md")]);
    assert!(again.status.success(), "{}", stderr(&again));
}

#[cfg(unix)]
#[test]
fn a_fifo_named_as_a_pull_or_claim_set_never_blocks() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("2023-03-14.md");
    mkfifo(&fifo);
    let toml_fifo = dir.path().join("2023-03-14.toml");
    mkfifo(&toml_fifo);
    let store = harbor_store();
    let old = fixture("harbor/2022-05-10.md");
    let runs: [(&str, Vec<&Path>, &Path); 4] = [
        ("extract", vec![&fifo], &fifo),
        ("diff", vec![&old, &fifo], &fifo),
        ("diff", vec![&old, &toml_fifo], &toml_fifo),
        ("check", vec![&fifo], &fifo),
    ];
    for (command, args, named) in runs {
        let out = factdiff()
            .arg(command)
            .arg("--editions")
            .arg(store.path())
            .args(["--series", "harbor"])
            .args(args)
            .timeout(TIMEOUT)
            .output()
            .unwrap();
        let name = named.file_name().unwrap().to_string_lossy().into_owned();
        refused(&out, &name, "is a FIFO (named pipe)");
    }
}

#[cfg(unix)]
#[test]
fn a_symlink_to_dev_zero_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("2023-03-14.md");
    std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
    for command in ["extract", "add"] {
        let started = Instant::now();
        let out = factdiff()
            .arg(command)
            .arg("--editions")
            .arg(dir.path().join("store"))
            .arg(&link)
            .timeout(TIMEOUT)
            .output()
            .unwrap();
        refused(&out, "2023-03-14.md", "is a character device");
        // Refused by kind, before a byte is read: no time to fill memory.
        assert!(started.elapsed() < Duration::from_secs(20), "{command}");
    }
}

#[cfg(unix)]
#[test]
fn a_symlink_to_a_regular_pull_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("linked.md");
    std::os::unix::fs::symlink(fixture("harbor/2023-03-14.md"), &link).unwrap();
    let out = factdiff()
        .args(["extract", "--format", "json"])
        .arg(&link)
        .timeout(TIMEOUT)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("\"claims\""));
}

/// The limit is counted on the bytes read: a `/proc` file reports a length of 0.
#[cfg(target_os = "linux")]
#[test]
fn the_input_limit_holds_when_the_reported_length_is_zero() {
    use factdiff::pipeline::{extract_file, ExtractOptions};
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("2023-03-14.txt");
    std::os::unix::fs::symlink("/proc/self/maps", &link).unwrap();
    if std::fs::metadata(&link).ok().map(|m| m.len()) != Some(0) {
        return; // no procfs
    }
    let options = ExtractOptions {
        max_input_bytes: 64,
        ..ExtractOptions::default()
    };
    let err = extract_file(&link, &options).unwrap_err();
    assert!(
        matches!(err, factdiff::Error::TooLarge { limit: 64, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("2023-03-14.txt"), "{err}");
}

// ---- terminal escapes and right-to-left overrides (item 7) -----------------------------------

/// What a document may try to send to a terminal: OSC 52 (clipboard), OSC 8 (hidden link),
/// concealed text, a full reset, C1 CSI and OSC, DEL, backspace, carriage return, NUL, and
/// right-to-left overrides and isolates. As TOML escapes, for hand-edited claim sets.
const PAYLOAD_TOML: &str = r"\u001b]52;c;ZXZpbA==\u0007\u001b]8;;http://evil.example\u001b\\link\u001b]8;;\u001b\\ \u001b[8mhidden\u001b[0m \u001bc \u009b31m \u009d0;title\u009c \u007f\b\r\u0000 \u202eevil\u202c \u2066iso\u2069";

/// The same payload as raw characters, for a pull (no NUL: a pull with one is binary).
const PAYLOAD_RAW: &str = "\x1b]52;c;ZXZpbA==\x07\x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\ \x1b[8mhidden\x1b[0m \x1bc \u{9b}31m \u{9d}0;title\u{9c} \x7f\x08 \u{202e}evil\u{202c} \u{2066}iso\u{2069}";

/// The colour codes the text renderer itself writes.
const OWN_CODES: [&str; 7] = [
    "\x1b[1m",
    "\x1b[2m",
    "\x1b[31m",
    "\x1b[32m",
    "\x1b[33m",
    "\x1b[1;33m",
    "\x1b[0m",
];

/// Characters that must never reach a terminal (or, for the bidi ones, any human format).
fn unsafe_chars(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| {
            (c.is_control() && c != '\n' && c != '\t')
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        })
        .collect()
}

fn assert_inert(what: &str, out: &Output, color: bool) {
    assert!(
        out.status.code().is_some_and(|c| c < 2),
        "{what}: {}",
        stderr(out)
    );
    let mut text = stdout(out);
    assert!(
        text.contains('\u{FFFD}') || what.contains("markdown") || what.contains("html"),
        "{what}: the payload was not in the output at all:\n{text}"
    );
    if color {
        assert!(text.contains("\x1b[1m"), "{what}: colour was asked for");
        for code in OWN_CODES {
            text = text.replace(code, "");
        }
    }
    let bad = unsafe_chars(&text);
    assert!(bad.is_empty(), "{what}: {bad:?} in\n{text}");
    assert!(!text.contains("hidden\u{1b}"), "{what}");
}

fn hostile_claim_set(path: &Path, date: &str, jobs: &str, other: &str) {
    let p = PAYLOAD_TOML;
    let text = format!(
        r#"schema = 1

[edition]
title = "FACT SHEET: Port {p} Update"
date = {date}

[[claims]]
topic = "jobs"
heading = "Jobs {p}"
text = "Grants created more than {jobs} jobs {p} along the coast."

[[claims.figures]]
measure = "jobs"
value = "{jobs}"
unit = "count"
noun = "jobs"
qualifier = "over"
quote = "more than {jobs} jobs {p}"

[[claims]]
topic = "{other}"
heading = "{other} {p}"
text = "The {other} office {p} opened 3 ports."

[[claims.figures]]
measure = "ports {p}"
value = "3"
unit = "count"
noun = "ports"
qualifier = "exact"
quote = "3 ports {p}"
"#
    );
    std::fs::write(path, text).unwrap();
}

fn hostile_pull(path: &Path, jobs: &str, other: &str) {
    let p = PAYLOAD_RAW;
    let text = format!(
        "# FACT SHEET: Port {p} Update\n\nMarch 1, 2023\n\n\
         - **Jobs {p}:** Grants created more than {jobs} jobs {p} along the coast.\n\
         - **{other} {p}:** The {other} office {p} opened 3 ports.\n"
    );
    std::fs::write(path, text).unwrap();
}

#[test]
fn diff_text_output_carries_no_control_sequences() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (
        dir.path().join("2023-01-10.toml"),
        dir.path().join("2023-02-10.toml"),
    );
    hostile_claim_set(&a, "2023-01-10", "12000", "north");
    hostile_claim_set(&b, "2023-02-10", "9000", "south");
    for color in [false, true] {
        let out = factdiff()
            .arg("diff")
            .arg(&a)
            .arg(&b)
            .args(["--color", if color { "always" } else { "never" }])
            .output()
            .unwrap();
        assert_inert("diff claim sets", &out, color);
    }
    // Markdown and HTML were clean of controls already; now of bidi overrides too.
    for format in ["markdown", "html"] {
        let out = factdiff()
            .arg("diff")
            .arg(&a)
            .arg(&b)
            .args(["--format", format])
            .output()
            .unwrap();
        assert_inert(&format!("diff {format}"), &out, false);
        assert!(
            stdout(&out).contains("evil"),
            "{format}: the text itself stays"
        );
    }
}

#[test]
fn history_check_and_series_text_output_carry_no_control_sequences() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let (a, b) = (
        dir.path().join("2023-01-10.md"),
        dir.path().join("2023-02-10.md"),
    );
    hostile_pull(&a, "12,000", "North");
    hostile_pull(&b, "9,000", "South");
    let run = |args: &[&std::ffi::OsStr]| {
        factdiff()
            .arg("--editions")
            .arg(&store)
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&[
        "add".as_ref(),
        "--series".as_ref(),
        "port".as_ref(),
        a.as_os_str(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    for color in ["never", "always"] {
        let c = ["--color".as_ref(), color.as_ref()];
        let check = run(&[&["check".as_ref(), b.as_os_str()][..], &c].concat());
        assert_inert(&format!("check --color {color}"), &check, color == "always");
    }
    let out = run(&[
        "add".as_ref(),
        "--series".as_ref(),
        "port".as_ref(),
        b.as_os_str(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    for color in ["never", "always"] {
        let c = ["--color".as_ref(), color.as_ref()];
        let history = run(&[&["history".as_ref(), "--all".as_ref()][..], &c].concat());
        assert_inert(
            &format!("history --color {color}"),
            &history,
            color == "always",
        );
        let diff = run(&[&["diff".as_ref()][..], &c].concat());
        assert_inert(
            &format!("diff store --color {color}"),
            &diff,
            color == "always",
        );
    }
    // A series folder made by hand with an escape in its name.
    let hand = format!("port\x1b]0;{}\x07", "title");
    std::fs::rename(store.join("port"), store.join(&hand)).unwrap();
    let series = run(&["series".as_ref()]);
    let text = stdout(&series);
    assert!(unsafe_chars(&text).is_empty(), "{text:?}");
}

#[test]
fn error_lines_carry_no_control_sequences() {
    let dir = tempfile::tempdir().unwrap();
    let name = dir.path().join("x\x1b]52;c;ZXZpbA==\x07.md");
    std::fs::write(&name, "").unwrap();
    let out = factdiff().arg("extract").arg(&name).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("is empty"), "{err}");
    assert!(unsafe_chars(&err).is_empty(), "{err:?}");
}

/// A file name may hold any byte but `/` and NUL: `add` names each pull on its lines (stored,
/// without claims, failed), and none of them may carry the name's escape sequences.
#[test]
fn add_lines_carry_no_control_sequences_from_file_names() {
    let dir = tempfile::tempdir().unwrap();
    let evil = "\x1b]52;c;ZXZpbA==\x07\x1b[8m\u{9b}31m";
    let stored = dir.path().join(format!("2023-03-14{evil}.md"));
    std::fs::copy(fixture("harbor/2023-03-14.md"), &stored).unwrap();
    let images = dir.path().join(format!("images{evil}.md"));
    std::fs::write(
        &images,
        "---\ntitle: 'FACT SHEET: Pictures'\ndate: '2020-03-01'\n---\n\n![a](a.png)\n",
    )
    .unwrap();
    let empty = dir.path().join(format!("empty{evil}.md"));
    std::fs::write(&empty, "").unwrap();
    let out = add(&dir.path().join("st"), &[&stored, &images, &empty]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let (text, err) = (stdout(&out), stderr(&out));
    assert!(text.contains("added"), "{text}");
    assert!(
        err.contains("no claims") && err.contains("is empty"),
        "{err}"
    );
    assert!(unsafe_chars(&text).is_empty(), "{text:?}");
    assert!(unsafe_chars(&err).is_empty(), "{err:?}");
}

// ---- Markdown bold around a value ending in whitespace (item 10) -----------------------------

#[test]
fn markdown_bold_holds_around_values_ending_in_whitespace() {
    let dir = tempfile::tempdir().unwrap();
    let set = |date: &str, topic: &str, heading: &str, text: &str| {
        format!(
            "schema = 1\n\n[edition]\ntitle = \"Port\"\ndate = {date}\n\n\
             [[claims]]\ntopic = \"{topic}\"\nheading = \"{heading}\"\ntext = \"{text}\"\n"
        )
    };
    let (a, b) = (dir.path().join("a.toml"), dir.path().join("b.toml"));
    // A heading ending in a space and a tab (hand-edited), and in a control character that
    // Markdown drops, leaving the space before it last.
    let old = set(
        "2023-01-10",
        "ports",
        "Old ports \\t",
        "We opened three ports.",
    );
    let new = set(
        "2023-02-10",
        "grants",
        "New grants \\u0001",
        "Grants reached farmers.",
    );
    std::fs::write(&a, old).unwrap();
    std::fs::write(&b, new).unwrap();
    let out = factdiff()
        .arg("diff")
        .arg(&a)
        .arg(&b)
        .args(["--format", "markdown"])
        .output()
        .unwrap();
    let md = stdout(&out);
    assert!(out.status.success(), "{}", stderr(&out));
    for line in md.lines() {
        for (i, part) in line.split("**").enumerate() {
            // Inside a bold run (odd pieces): no whitespace against the delimiters.
            if i % 2 == 1 && line.matches("**").count() % 2 == 0 {
                assert_eq!(part.trim(), part, "bold with outer whitespace: {line:?}");
            }
        }
    }
    assert!(md.contains("**Old ports**"), "{md}");
    assert!(md.contains("**New grants**"), "{md}");
}

// ---- HTML: hidden content, deep nesting (items 10 and 4) -------------------------------------

fn extract_texts(path: &Path) -> Vec<String> {
    let set = json(
        factdiff()
            .args(["extract", "--format", "json", "--date", "2023-03-01"])
            .arg(path)
            .timeout(TIMEOUT),
    );
    set["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["text"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn hidden_html_content_does_not_become_claims() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    std::fs::write(
        &page,
        r#"<html><body><article><h1>FACT SHEET: Hidden</h1><ul>
<li>Visible: the agency hired 100 inspectors.</li>
<li style="display:none">Secret one: 201 hidden inspectors.</li>
<li style="color: red; DISPLAY : None !important">Secret two: 202 hidden inspectors.</li>
<li hidden>Secret three: 203 hidden inspectors.</li>
<li aria-hidden="true">Secret four: 204 hidden inspectors.</li>
<li style="visibility: hidden">Secret five: 205 hidden inspectors.</li>
<li><span style="display:none">Secret six: 206</span>Visible too: 300 new ports opened.</li>
<li aria-hidden="false">Visible three: 400 grants were made.</li>
<li style="display: nonesuch">Visible four: 500 loans were made.</li>
</ul><div style="display:none"><p>Secret seven: 207 hidden inspectors.</p></div>
</article></body></html>"#,
    )
    .unwrap();
    let texts = extract_texts(&page);
    let all = texts.join("\n");
    assert!(!all.contains("Secret") && !all.contains("20"), "{all}");
    for visible in ["100 inspectors", "300 new ports", "400 grants", "500 loans"] {
        assert!(all.contains(visible), "{visible} missing: {all}");
    }
}

/// Nested or unclosed tags cost the HTML parser time quadratic in the depth (0.8 MB of
/// `<div>` took 63 s); formatting elements left open are reopened in every paragraph (75 KB took
/// 13 s and 1.4 GB). Each page here is 0.4 MB; before the guard each took a minute or more.
#[test]
fn deep_or_unclosed_html_is_read_in_linear_time() {
    let dir = tempfile::tempdir().unwrap();
    let patterns = [
        ("div", "<div>"),
        ("pre", "<pre>"),
        ("formatting", "<b id={i}>"),
        ("reopened", "<p><b id={i}>x</p>"),
        ("misnested", "<em>x</b>"),
        ("lists", "<ul><li>x"),
    ];
    for (name, pattern) in patterns {
        let mut page = String::from(
            "<html><body><article><h1>FACT SHEET: Deep</h1><ul><li>Over 5 jobs were created.</li></ul>",
        );
        let mut i = 0;
        while page.len() < 400_000 {
            page.push_str(&pattern.replace("{i}", &i.to_string()));
            i += 1;
        }
        page.push_str("<p>The agency hired 77 inspectors at the end.</p>");
        let path = dir.path().join(format!("{name}.html"));
        std::fs::write(&path, page).unwrap();
        let started = Instant::now();
        let texts = extract_texts(&path);
        let took = started.elapsed();
        assert!(took < Duration::from_secs(30), "{name}: {took:?}");
        let all = texts.join("\n");
        assert!(all.contains("Over 5 jobs"), "{name}");
        assert!(
            all.contains("77 inspectors"),
            "{name}: the text after the nesting is read"
        );
    }
}

// ---- history over many unpaired figures (item 4) ---------------------------------------------

/// 40 editions × 500 figures that pair with nothing: every figure looks for a track to revive.
/// The full scan this replaced took 39 s in a release build (cubic); now well under a second
/// in release. Claims without text keep the alignment's own similarity step cheap.
#[test]
fn history_of_many_unpaired_figures_is_near_linear() {
    let dir = tempfile::tempdir().unwrap();
    let series = dir.path().join("s");
    std::fs::create_dir_all(&series).unwrap();
    let (editions, figures) = (40, 500);
    for e in 0..editions {
        let date = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap()
            + chrono::Duration::days(30 * e as i64);
        let mut text = format!("schema = 1\n\n[edition]\ntitle = \"Unpaired\"\ndate = {date}\n\n");
        for i in 0..figures {
            let m = format!("m{e}x{i}");
            let v = e * 100_000 + i;
            text.push_str(&format!(
                "[[claims]]\ntopic = \"t{e}x{i}\"\n\n[[claims.figures]]\nmeasure = \"{m}\"\n\
                 value = \"{v}\"\nunit = \"count\"\nqualifier = \"exact\"\nquote = \"{v} {m}\"\n\n"
            ));
        }
        std::fs::write(series.join(format!("{date}.toml")), text).unwrap();
    }
    let started = Instant::now();
    let history = json(
        factdiff()
            .arg("--editions")
            .arg(dir.path())
            .args(["history", "--all", "--format", "json"])
            .timeout(TIMEOUT),
    );
    let took = started.elapsed();
    assert!(took < Duration::from_secs(30), "{took:?}");
    let tracks = history["tracks"].as_array().unwrap();
    assert_eq!(tracks.len(), editions * figures);
    assert!(tracks
        .iter()
        .all(|t| t["values"].as_array().unwrap().len() == editions));
}

/// The same with a sentence of its own words in each claim: the claims left after key matching
/// were compared pairwise for similarity (a million pairs per pair of editions here; 40
/// editions of 2,000 such claims took 52 s in release); only pairs that share enough rare words
/// are compared now.
#[test]
fn history_of_many_unpaired_claims_with_text_is_near_linear() {
    let dir = tempfile::tempdir().unwrap();
    let series = dir.path().join("s");
    std::fs::create_dir_all(&series).unwrap();
    let (editions, claims) = (20, 1_000);
    // Words no other claim uses: base-20 letters of a number.
    let word = |mut n: usize| {
        let mut w = String::from("w");
        loop {
            w.push(char::from(b'b' + (n % 20) as u8));
            n /= 20;
            if n == 0 {
                return w;
            }
        }
    };
    for e in 0..editions {
        let date = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap()
            + chrono::Duration::days(30 * e as i64);
        let mut text = format!("schema = 1\n\n[edition]\ntitle = \"Unpaired\"\ndate = {date}\n\n");
        for i in 0..claims {
            let id = (e * claims + i) * 8;
            let own: Vec<String> = (0..8).map(|k| word(id + k)).collect();
            let m = format!("m{e}x{i}");
            let v = e * 100_000 + i;
            text.push_str(&format!(
                "[[claims]]\ntopic = \"t{e}x{i}\"\ntext = \"The agency said {} in the region hired {v} {m} for {}.\"\n\n\
                 [[claims.figures]]\nmeasure = \"{m}\"\nvalue = \"{v}\"\nunit = \"count\"\n\
                 qualifier = \"exact\"\nquote = \"{v} {m}\"\n\n",
                own[..4].join(" "),
                own[4..].join(" ")
            ));
        }
        std::fs::write(series.join(format!("{date}.toml")), text).unwrap();
    }
    let started = Instant::now();
    let history = json(
        factdiff()
            .arg("--editions")
            .arg(dir.path())
            .args(["history", "--all", "--format", "json"])
            .timeout(TIMEOUT),
    );
    // Within the run's timeout on a busy machine; about 2 s in release (was 11 s). The
    // pruning itself is tested exactly in `align` (`similarity_candidates_prune_…`).
    let took = started.elapsed();
    assert!(took < TIMEOUT, "{took:?}");
    assert_eq!(
        history["tracks"].as_array().unwrap().len(),
        editions * claims
    );
}

// ---- memory per input byte (item 5) -----------------------------------------------------------

/// Peak memory of one run in KB, when `/usr/bin/time` is there to tell.
fn peak_kb(args: &[&std::ffi::OsStr]) -> Option<(Output, u64)> {
    let time = Path::new("/usr/bin/time");
    if !time.exists() {
        return None;
    }
    let bin = assert_cmd::cargo::cargo_bin("factdiff");
    let out = std::process::Command::new(time)
        .args(["-f", "peak-kb %M"])
        .arg(bin)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let err = stderr(&out);
    let kb = err
        .lines()
        .find_map(|l| l.strip_prefix("peak-kb "))?
        .trim()
        .parse()
        .ok()?;
    Some((out, kb))
}

/// Lines were listed whole before reading (16 bytes a line): 16 MiB of blank lines took
/// 690 MB. They are read one at a time now.
#[test]
fn blank_lines_cost_no_memory_per_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("blank.md");
    let mut text = String::from("# FACT SHEET: B\n\nMarch 1, 2023\n\n- Over 5 jobs.\n");
    text.push_str(&"\n".repeat(16 << 20));
    text.push_str("- Over 7 jobs were created.\n");
    std::fs::write(&path, text).unwrap();
    let Some((out, kb)) = peak_kb(&["extract".as_ref(), path.as_os_str()]) else {
        return;
    };
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("value = \"7\""));
    assert!(kb < 200_000, "{kb} KB for 16 MiB of blank lines");
}

/// A million tiny bullets fit in 4 MB but cost hundreds of bytes each as claims: a pull with
/// more than [`factdiff::MAX_BLOCKS`] blocks is refused as soon as reading gets there.
#[test]
fn a_pull_of_more_than_a_million_blocks_is_refused_early() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tiny.md");
    let n = factdiff::MAX_BLOCKS + 1;
    std::fs::write(
        &path,
        format!("# FACT SHEET: T\n\nMarch 1, 2023\n\n{}", "- a\n".repeat(n)),
    )
    .unwrap();
    let started = Instant::now();
    let out = factdiff()
        .arg("extract")
        .arg(&path)
        .timeout(TIMEOUT)
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("tiny.md: more than 1000000 blocks of text"),
        "{err}"
    );
    assert!(started.elapsed() < Duration::from_secs(30));
}

// ---- signs and leading-dot decimals (item 8) --------------------------------------------------

/// ".5 percent" was read as 5 and "-500 jobs" as 500. A hyphen inside a range, a code or a
/// phone number, or a list dash, is no sign.
#[test]
fn signs_and_leading_dot_decimals_keep_their_value() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("signs.md");
    std::fs::write(
        &path,
        "# FACT SHEET: Signs\n\nMarch 14, 2023\n\n\
         - Interest rates fell .5 percent this quarter.\n\
         - Fees dropped .25% for borrowers.\n\
         - The plant reported -500 jobs over the year.\n\
         - Output changed \u{2212}3.2 percent in the region.\n\
         - The budget gap stood at -$4 billion.\n\
         - The program will add 10-20 jobs per site.\n\
         - The COVID-19 response reached 40 states; call 1-800-555-0100.\n\
         - -- 700 homes were rebuilt.\n\
         -  - 800 roads were paved.\n",
    )
    .unwrap();
    let set = json(
        factdiff()
            .args(["extract", "--format", "json"])
            .arg(&path)
            .timeout(TIMEOUT),
    );
    let got: Vec<(String, String, String)> = set["claims"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["figures"].as_array().cloned().unwrap_or_default())
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap_or_default().to_string();
            (s("quote"), s("value"), s("max"))
        })
        .collect();
    let want = [
        (".5 percent", "0.5", ""),
        (".25%", "0.25", ""),
        ("-500 jobs", "-500", ""),
        ("\u{2212}3.2 percent", "-3.2", ""),
        ("-$4 billion", "-4000000000", ""),
        ("10-20 jobs", "10", "20"),
        ("40 states", "40", ""),
        ("700 homes", "700", ""),
        ("800 roads", "800", ""),
    ];
    let want: Vec<(String, String, String)> = want
        .iter()
        .map(|(q, v, m)| (q.to_string(), v.to_string(), m.to_string()))
        .collect();
    assert_eq!(got, want);
}
