//! HTML pages: the main content only (article, main, role=main, else body), page chrome and
//! hidden content dropped, walked iteratively so deep nesting cannot overflow the stack.

use super::date::parse_date;
use super::markdown::{RawBlock, RawKind};
use crate::text::{normalize, push_norm, push_plain, trim_in_place};
use chrono::NaiveDate;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};

/// Elements whose whole subtree is page chrome or code, never sheet text.
const DROPPED: [&str; 14] = [
    "nav", "header", "footer", "script", "style", "noscript", "aside", "form", "template", "svg",
    "button", "iframe", "select", "head",
];

/// Elements that start and end a block of text.
const BLOCKS: [&str; 28] = [
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "section",
    "article",
    "main",
    "blockquote",
    "figure",
    "figcaption",
    "dl",
    "dt",
    "dd",
    "pre",
    "address",
    "hr",
];

/// A `<sup>` with at most this many characters and no letters is a footnote mark.
const FOOTNOTE_MAX_CHARS: usize = 4;
/// How far ahead in the raw page a block's first word is looked for to give its line.
const LINE_SEARCH_WINDOW: usize = 64 * 1024;

/// What an HTML page yields.
#[derive(Debug, Default)]
pub struct Page {
    /// `h1` in the content, else `og:title`, else `<title>`.
    pub title: Option<String>,
    /// `<time datetime>` or `article:published_time`.
    pub date: Option<NaiveDate>,
    /// `link[rel=canonical]` or `og:url`.
    pub source: Option<String>,
    /// The content's blocks.
    pub blocks: Vec<RawBlock>,
}

fn selector(css: &str) -> Option<Selector> {
    Selector::parse(css).ok()
}

fn first_attr(doc: &Html, css: &str, attr: &str) -> Option<String> {
    let sel = selector(css)?;
    doc.select(&sel)
        .filter_map(|e| e.attr(attr))
        .map(normalize)
        .find(|v| !v.is_empty())
}

fn first_text(root: ElementRef<'_>, css: &str) -> Option<String> {
    let sel = selector(css)?;
    root.select(&sel)
        .map(|e| {
            let mut s = String::new();
            for t in e.text() {
                push_plain(&mut s, t);
            }
            trim_in_place(&mut s);
            s
        })
        .find(|t| !t.is_empty())
}

/// Reads a page.
pub fn read(raw: &str) -> Page {
    let doc = Html::parse_document(raw);
    let root = ["article", "main", "[role=main]", "body"]
        .iter()
        .filter_map(|css| selector(css))
        .find_map(|sel| doc.select(&sel).next())
        .unwrap_or_else(|| doc.root_element());
    let title = first_text(root, "h1")
        .or_else(|| first_attr(&doc, "meta[property=\"og:title\"]", "content"))
        .or_else(|| first_text(doc.root_element(), "title"));
    let date = first_attr(&doc, "time[datetime]", "datetime")
        .or_else(|| first_attr(&doc, "meta[property=\"article:published_time\"]", "content"))
        .and_then(|v| v.get(..10).and_then(parse_date));
    let source = first_attr(&doc, "link[rel=\"canonical\"]", "href")
        .or_else(|| first_attr(&doc, "meta[property=\"og:url\"]", "content"));
    let mut blocks = walk(root);
    locate_lines(raw, &mut blocks);
    Page {
        title,
        date,
        source,
        blocks,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Block(RawKind),
    /// A `p`/`div` inside a list item: part of the item's text.
    Merged,
}

/// Walks the content tree iteratively, emitting a block whenever a block element opens or closes.
fn walk(root: ElementRef<'_>) -> Vec<RawBlock> {
    let mut out = Vec::new();
    let mut buf = String::new();
    let mut stack: Vec<(ego_tree::NodeId, Ctx)> = Vec::new();
    let mut skipping: Option<ego_tree::NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) => push_plain(&mut buf, t),
                    Node::Element(el) => {
                        let name = el.name();
                        let hidden = hides(
                            el.attr("hidden").is_some(),
                            el.attr("aria-hidden"),
                            el.attr("style"),
                        );
                        if DROPPED.contains(&name) || hidden || (name == "sup" && is_footnote(node))
                        {
                            skipping = Some(node.id());
                            continue;
                        }
                        match name {
                            "br" => push_norm(&mut buf, ' '),
                            "td" | "th" => {
                                let t = buf.trim_end();
                                if !t.is_empty() && !t.ends_with('|') {
                                    buf.push_str(" | ");
                                }
                            }
                            _ => {}
                        }
                        if BLOCKS.contains(&name) {
                            let nearest = nearest_kind(&stack);
                            let ctx = match name {
                                "p" | "div" if nearest == Some(RawKind::Bullet) => Ctx::Merged,
                                "li" => Ctx::Block(RawKind::Bullet),
                                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                                    Ctx::Block(RawKind::Heading)
                                }
                                _ => Ctx::Block(RawKind::Para),
                            };
                            if ctx == Ctx::Merged {
                                push_norm(&mut buf, ' ');
                            } else {
                                emit(&mut buf, nearest, &mut out);
                            }
                            stack.push((node.id(), ctx));
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(id) = skipping {
                    if id == node.id() {
                        skipping = None;
                    }
                    continue;
                }
                if stack.last().is_some_and(|(id, _)| *id == node.id()) {
                    let kind = nearest_kind(&stack);
                    if let Some((_, ctx)) = stack.pop() {
                        if ctx == Ctx::Merged {
                            push_norm(&mut buf, ' ');
                        } else {
                            emit(&mut buf, kind, &mut out);
                        }
                    }
                }
            }
        }
    }
    emit(&mut buf, nearest_kind(&stack), &mut out);
    out
}

fn nearest_kind(stack: &[(ego_tree::NodeId, Ctx)]) -> Option<RawKind> {
    stack.iter().rev().find_map(|(_, c)| match c {
        Ctx::Block(k) => Some(*k),
        Ctx::Merged => None,
    })
}

fn emit(buf: &mut String, kind: Option<RawKind>, out: &mut Vec<RawBlock>) {
    trim_in_place(buf);
    let text = buf.trim_end_matches(['|', ' ']);
    if !text.is_empty() {
        out.push(RawBlock {
            kind: kind.unwrap_or(RawKind::Para),
            text: text.to_string(),
            line: 1,
        });
    }
    buf.clear();
}

/// A `<sup>` holding only a footnote mark ("1", "*", "†").
fn is_footnote(node: ego_tree::NodeRef<'_, Node>) -> bool {
    let Some(el) = ElementRef::wrap(node) else {
        return false;
    };
    let head: String = el
        .text()
        .flat_map(str::chars)
        .take(FOOTNOTE_MAX_CHARS + 1)
        .collect();
    let head = head.trim();
    !head.is_empty()
        && head.chars().count() <= FOOTNOTE_MAX_CHARS
        && !head.chars().any(char::is_alphabetic)
}

/// True for an element whose content no reader sees: the `hidden` attribute, `aria-hidden="true"`,
/// or an inline style with `display: none` or `visibility: hidden`.
fn hides(hidden: bool, aria_hidden: Option<&str>, style: Option<&str>) -> bool {
    if hidden || aria_hidden.is_some_and(|v| v.trim().eq_ignore_ascii_case("true")) {
        return true;
    }
    let Some(style) = style else { return false };
    style.split(';').any(|decl| {
        let Some((prop, value)) = decl.split_once(':') else {
            return false;
        };
        let prop = prop.trim();
        let value = value.trim_start();
        let starts = |v: &str, word: &str| {
            v.get(..word.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(word))
                && !v[word.len()..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '-')
        };
        (prop.eq_ignore_ascii_case("display") && starts(value, "none"))
            || (prop.eq_ignore_ascii_case("visibility") && starts(value, "hidden"))
    })
}

/// Gives each block the line of its first word in the raw page, searching forward only.
fn locate_lines(raw: &str, blocks: &mut [RawBlock]) {
    let mut cursor = 0;
    let mut line = 1;
    for block in blocks {
        let word: String = block
            .text
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| w.len() >= 3)
            .unwrap_or_default()
            .to_string();
        let window_end = floor_char_boundary(raw, cursor + LINE_SEARCH_WINDOW);
        let found = (!word.is_empty())
            .then(|| raw.get(cursor..window_end))
            .flatten()
            .and_then(|w| w.find(&word));
        if let Some(p) = found {
            let skipped = raw.get(cursor..cursor + p).unwrap_or_default();
            line += skipped.bytes().filter(|b| *b == b'\n').count();
            cursor += p;
        }
        block.line = line;
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chrome_is_dropped_and_lists_merge_paragraphs() {
        let page = "<!doctype html><html><head><title>T - Site</title><script>var n = 42;</script></head><body><header>Menu 1 2 3</header><nav><ul><li>Home</li></ul></nav><main><h1>The Title</h1><p>Intro &amp; more<sup>1</sup>.</p><ul><li><p>First</p><p>item</p></li><li>Second<ul><li>Nested</li></ul></li></ul><table><tr><td>A</td><td></td><td>9</td></tr></table></main><footer>© 2024</footer></body></html>";
        let got = read(page);
        assert_eq!(got.title.as_deref(), Some("The Title"));
        let texts: Vec<(RawKind, &str)> = got
            .blocks
            .iter()
            .map(|b| (b.kind, b.text.as_str()))
            .collect();
        assert_eq!(
            texts,
            [
                (RawKind::Heading, "The Title"),
                (RawKind::Para, "Intro & more."),
                (RawKind::Bullet, "First item"),
                (RawKind::Bullet, "Second"),
                (RawKind::Bullet, "Nested"),
                (RawKind::Para, "A | 9"),
            ]
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let depth = 10_000;
        let page = format!(
            "<html><body>{}deep text{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let got = read(&page);
        assert_eq!(got.blocks.len(), 1);
    }

    #[test]
    fn hiding_styles_and_attributes() {
        assert!(hides(true, None, None));
        assert!(hides(false, Some(" TRUE "), None));
        assert!(!hides(false, Some("false"), None));
        for style in [
            "display:none",
            "color:red; display : NONE !important",
            "visibility: hidden;",
        ] {
            assert!(hides(false, None, Some(style)), "{style}");
        }
        for style in [
            "display: nonesuch",
            "display:block",
            "x-display:none",
            "none",
        ] {
            assert!(!hides(false, None, Some(style)), "{style}");
        }
    }
}
