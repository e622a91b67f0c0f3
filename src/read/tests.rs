//! Tests of the reader as a whole: errors, digests, forms, furniture, dates, lines.

use super::*;
use std::path::Path;

fn read(text: &str, name: &str) -> Document {
    read_bytes(text.as_bytes(), Path::new(name), None).unwrap()
}

fn texts(doc: &Document) -> Vec<(BlockKind, &str)> {
    doc.blocks
        .iter()
        .map(|b| (b.kind, b.text.as_str()))
        .collect()
}

#[test]
fn errors() {
    let p = Path::new("x.md");
    assert!(matches!(read_bytes(b"", p, None), Err(Error::Empty { .. })));
    assert!(matches!(
        read_bytes(b" \n\t\r\n", p, None),
        Err(Error::Empty { .. })
    ));
    assert!(matches!(
        read_bytes("\u{FEFF}  ".as_bytes(), p, None),
        Err(Error::Empty { .. })
    ));
    assert!(matches!(
        read_bytes(b"ab\0c", p, None),
        Err(Error::Binary { offset: 2, .. })
    ));
    assert!(matches!(
        read_bytes(b"abc\xff", p, None),
        Err(Error::Encoding { offset: 3, .. })
    ));
}

/// The SIMD validation works on blocks of 64 bytes: text longer than one block, with the fault
/// early, late, or in a sequence cut at a block's edge, is judged and placed as std does.
#[test]
fn text_is_checked_as_std_checks_it() {
    let long = "Jobs \u{2014} 1,200 new \u{e9}l\u{e8}ves. ".repeat(9);
    // The last character boundary before byte 64, the end of the first block.
    let cut = (0..64)
        .rev()
        .find(|&i| long.is_char_boundary(i))
        .unwrap_or(0);
    let (head, tail) = long.as_bytes().split_at(cut);
    let cases: Vec<(Vec<u8>, Option<usize>)> = vec![
        (long.clone().into_bytes(), None),
        ("\u{FEFF}ok".as_bytes().to_vec(), None),
        ([b"\xff".as_slice(), long.as_bytes()].concat(), Some(0)),
        ([long.as_bytes(), b"\xe2\x80"].concat(), Some(long.len())),
        ([head, b"\xc3", tail].concat(), Some(head.len())),
        ([head, b"\xed\xa0\x80", tail].concat(), Some(head.len())),
    ];
    for (bytes, fault) in cases {
        let got = checked_text(&bytes, Path::new("x.md"));
        let want = std::str::from_utf8(&bytes).map_err(|e| e.valid_up_to());
        assert_eq!(want.err(), fault, "the case itself: {bytes:?}");
        match (got, fault) {
            (Ok(text), None) => assert_eq!(text.as_bytes(), bytes.as_slice()),
            (Err(Error::Encoding { offset, .. }), Some(at)) => assert_eq!(offset, at),
            (other, _) => panic!("{bytes:?}: {other:?}"),
        }
    }
}

#[test]
fn digest_is_sha256_of_raw_bytes() {
    let d = read("hello", "x.txt");
    assert_eq!(
        d.digest,
        "sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
    );
}

#[test]
fn front_matter_title_date_source() {
    let text = "---\ntitle: \"Fact Sheet: COVID-\\u206019\\_Plan for the\\\n  \\ Nation\"\npublished_time: 2021-01-15 19:00:00-05:00\nurl: https://example.gov/x\n---\n\nBody text.\n";
    let d = read(text, "2020-01-01-sheet.md");
    assert_eq!(
        d.title.as_deref(),
        Some("Fact Sheet: COVID-19 Plan for the Nation")
    );
    assert_eq!(d.date, NaiveDate::from_ymd_opt(2021, 1, 15));
    assert_eq!(d.source.as_deref(), Some("https://example.gov/x"));
    assert_eq!(texts(&d), [(BlockKind::Paragraph, "Body text.")]);
    assert_eq!(d.blocks[0].line, 8);
}

#[test]
fn date_precedence() {
    // Front matter beats a date line, which beats the file name.
    let fm = "---\ndate: '2023-02-06'\n---\nMarch 3, 2023\n\nText.\n";
    assert_eq!(
        read(fm, "2020-01-01.md").date,
        NaiveDate::from_ymd_opt(2023, 2, 6)
    );
    let line = "FACT SHEET: Thing\n\nMonday, March 6, 2023\n\nText.\n";
    let d = read(line, "2020-01-01.txt");
    assert_eq!(d.date, NaiveDate::from_ymd_opt(2023, 3, 6));
    assert_eq!(texts(&d), [(BlockKind::Paragraph, "Text.")]);
    let name = "FACT SHEET: Thing\n\nText.\n";
    assert_eq!(
        read(name, "2021-01-15-fact-sheet.md").date,
        NaiveDate::from_ymd_opt(2021, 1, 15)
    );
    assert_eq!(read(name, "sheet.md").date, None);
}

#[test]
fn furniture_is_dropped() {
    let text = "Photo caption\n\nFACT SHEET: The Plan\n\nFeb. 6, 2023\n\n*February 2023*\n\nWASHINGTON \u{2014}\n\nA claim with 5 figures.\n\nRead the full plan here\n\n###\n\nA. Person, FACT SHEET: The Plan Online by X https://archive.example.org/7\n\nSimple Search of Our Archives\n";
    let d = read(text, "x.txt");
    assert_eq!(d.title.as_deref(), Some("FACT SHEET: The Plan"));
    assert_eq!(d.source.as_deref(), Some("https://archive.example.org/7"));
    assert_eq!(
        texts(&d),
        [(BlockKind::Paragraph, "A claim with 5 figures.")]
    );
}

#[test]
fn title_from_first_short_line() {
    let d = read(
        "Progress Report on Bridges\n\nWe built 12 bridges.\n",
        "x.txt",
    );
    assert_eq!(d.title.as_deref(), Some("Progress Report on Bridges"));
    assert_eq!(d.blocks.len(), 1);
}

#[test]
fn section_kinds_follow_shape() {
    let text = "FACT SHEET: X\n\nIntro sentence here.\n\nHighlights of the work include:\n\n- one\n\n**Pillar II: Combating corruption, strengthening democratic\ngovernance, and advancing rule of law.**\n\n- two\n\nStrengthening Schools\n\nA paragraph under it.\n\nA closing note without period\n";
    let d = read(text, "x.md");
    assert_eq!(
        texts(&d),
        [
            (BlockKind::Paragraph, "Intro sentence here."),
            (BlockKind::Section, "Highlights of the work include:"),
            (BlockKind::Bullet, "one"),
            (BlockKind::Section, "Pillar II: Combating corruption, strengthening democratic governance, and advancing rule of law."),
            (BlockKind::Bullet, "two"),
            (BlockKind::Section, "Strengthening Schools"),
            (BlockKind::Paragraph, "A paragraph under it."),
            (BlockKind::Paragraph, "A closing note without period"),
        ]
    );
}

#[test]
fn html_is_detected() {
    for (text, name) in [
        ("<!DOCTYPE html><p>Hi there.</p>", "x.txt"),
        ("<html><body><p>Hi there.</p></body></html>", "x"),
        ("<div><article><p>Hi there.</p></article></div>", "x"),
        ("<p>Hi there.</p>", "x.htm"),
    ] {
        let d = read(text, name);
        assert_eq!(texts(&d), [(BlockKind::Paragraph, "Hi there.")], "{text}");
    }
}

#[test]
fn html_lines_point_into_the_file() {
    let d = read(
        "<html>\n<body>\n<p>First one.</p>\n\n<ul>\n<li>Second one.</li>\n</ul>\n</body></html>",
        "x.html",
    );
    let lines: Vec<usize> = d.blocks.iter().map(|b| b.line).collect();
    assert_eq!(lines, [3, 6]);
}

#[test]
fn large_inputs_are_linear() {
    let line = "word ".repeat(2_000_000);
    let d = read(&line, "x.txt");
    assert_eq!(d.blocks.len(), 1);
    let bullets = "- item with 3 jobs\n".repeat(100_000);
    let d = read(&format!("Lead:\n\n{bullets}"), "x.md");
    assert_eq!(d.blocks.len(), 100_001);
}

#[test]
fn odd_inputs_do_not_panic() {
    let odd = [
        "---",
        "---\n---",
        "---\ntitle: \"\\",
        "#",
        "# ",
        "-",
        "- ",
        "1.",
        "•",
        "<",
        "<table",
        "<table>\n<tr><td>",
        "&#xFFFFFFFF;",
        "&#0;",
        "[",
        "](",
        "![",
        "\\",
        "é\u{301}",
        "\r\r\n",
        "<html",
        "<!doctype html><svg><svg>",
        "FACT SHEET:",
        "https://x",
        ":::",
        "* * *",
    ];
    for t in odd {
        let _ = read_bytes(t.as_bytes(), Path::new("x.md"), None);
        let _ = read_bytes(t.as_bytes(), Path::new("x.html"), None);
    }
}

#[test]
fn spaces_are_counted_as_a_byte_loop_counts_them() {
    for lane in 0..9 {
        for b in 0..=255u8 {
            let mut bytes = *b"a b  cdefgh ij";
            bytes[lane] = b;
            let want = bytes.iter().filter(|&&c| c == b' ').count();
            assert_eq!(space_count(&bytes), want, "{bytes:?}");
        }
    }
    assert_eq!(word_count("one two three", 10), 3);
    assert_eq!(word_count("", 10), 0);
    assert!(word_count(&"w ".repeat(100), 30) > 30);
}

#[test]
fn last_word_is_split_whitespaces_last() {
    for text in [
        "",
        " ",
        "a",
        "Cite https://x.gov/a?b=1",
        "ends with space ",
        "tab\tlast",
        "no-break\u{a0}last",
        "caf\u{e9} last",
        "last caf\u{e9}",
        "ctrl \u{1}x",
        "  two  spaces",
        "line\nbreak",
    ] {
        assert_eq!(
            super::last_word(text),
            text.split_whitespace().last(),
            "{text:?}"
        );
    }
}
