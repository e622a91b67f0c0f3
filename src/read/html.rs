//! HTML pages: the main content only (article, main, role=main, else body), page chrome and
//! hidden content dropped, walked iteratively so deep nesting cannot overflow the stack.
//!
//! The HTML parsing algorithm looks down the stack of open elements (and the list of active
//! formatting elements) on most tags, so a page nested thousands of levels deep, or with
//! thousands of formatting elements left open, costs time quadratic in its size (and, through
//! formatting elements reopened in every paragraph, memory too). A [`Guard`] between
//! html5ever's tokenizer and its tree builder keeps both bounded: past [`MAX_DEPTH`] open
//! elements, or [`MAX_FORMATTING`] open formatting elements, further start tags and their end
//! tags are left out (their text is kept). Real pages nest a few dozen levels and never reach it.

use super::date::parse_date;
use super::markdown::{RawBlock, RawKind};
use crate::text::{normalize, push_norm, push_plain, trim_in_place};
use chrono::NaiveDate;
use ego_tree::iter::Edge;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts, TreeSink};
use html5ever::{LocalName, TokenizerResult};
use scraper::{ElementRef, Html, HtmlTreeSink, Node, Selector};
use std::cell::RefCell;
use std::collections::HashMap;

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
/// How many times over the page the line search may read in all.
const LINE_SEARCH_PASSES: usize = 4;

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
    /// The page has more than [`MAX_NODES`] elements and text runs: it was not read whole.
    pub too_many_nodes: bool,
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
    let (doc, too_many_nodes) = parse(raw);
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
        too_many_nodes,
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
    // The next row opened is its table's first: it names the columns.
    let mut head_row = false;
    for edge in root.traverse() {
        if out.len() > super::MAX_BLOCKS {
            return out; // refused by the caller
        }
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
                                    buf.push_str(super::CELL_SEPARATOR);
                                }
                            }
                            _ => {}
                        }
                        if BLOCKS.contains(&name) {
                            let nearest = nearest_kind(&stack);
                            let in_row = matches!(nearest, Some(RawKind::Row | RawKind::HeadRow));
                            let ctx = match name {
                                "p" | "div" if nearest == Some(RawKind::Bullet) || in_row => {
                                    Ctx::Merged
                                }
                                "li" => Ctx::Block(RawKind::Bullet),
                                "table" => {
                                    head_row = true;
                                    Ctx::Block(RawKind::Para)
                                }
                                "tr" if std::mem::take(&mut head_row) => {
                                    Ctx::Block(RawKind::HeadRow)
                                }
                                "tr" => Ctx::Block(RawKind::Row),
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

/// Open elements past which start tags are left out (the guard's own count, which leaves out
/// elements whose end tag may be omitted, such as `p`, `li` and `td`).
const MAX_DEPTH: usize = 256;
/// Open formatting elements (`b`, `font`, `a`…) past which further ones are left out: each one
/// left open is reopened in every later paragraph.
const MAX_FORMATTING: usize = 8;

/// Elements without content.
const VOID: [&str; 18] = [
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
    "input", "keygen", "link", "meta", "param", "source", "track",
];
/// Elements whose end tag may be left out (a later tag closes them), never nested in
/// themselves: not counted as open.
const OPTIONAL_END: [&str; 21] = [
    "html", "head", "body", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead",
    "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rtc", "rp",
];
/// The formatting elements of the HTML parsing algorithm.
const FORMATTING: [&str; 14] = [
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];
/// Elements whose content the tokenizer reads as raw text once the tree builder has seen the
/// start tag: never left out, or their content would be read as markup.
const RAW_TEXT: [&str; 10] = [
    "script",
    "style",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "textarea",
    "title",
    "plaintext",
];

/// The most elements, text runs and comments the tree is built from. Each node costs about
/// 250 bytes, so a page of millions of tiny elements within the input limit would need
/// gigabytes; past this many the rest of the page is left out and the pull refused.
pub const MAX_NODES: usize = 2_000_000;

/// Parses a page with html5ever, through the [`Guard`]; true when it had more than
/// [`MAX_NODES`] nodes.
fn parse(raw: &str) -> (Html, bool) {
    let builder = TreeBuilder::new(
        HtmlTreeSink::new(Html::new_document()),
        TreeBuilderOpts::default(),
    );
    let tokenizer = Tokenizer::new(Guard::new(builder), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(raw));
    // A script end tag or a `<meta charset>` pauses the tokenizer (for a browser to run the
    // script or switch encodings: the text is UTF-8 already); go on to the end.
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    tokenizer.end();
    let too_many = tokenizer.sink.state.borrow().nodes > MAX_NODES;
    (tokenizer.sink.inner.sink.finish(), too_many)
}

/// Sits between the tokenizer and the tree builder and keeps the tree builder's stacks short
/// (see the module notes). Counts open elements by name, as tags open and close; a page nests
/// deeper than the tree builder does (an `</div>` closes what was left open inside it), so
/// the count can only run ahead of the real depth, never behind it for long.
struct Guard<S> {
    inner: S,
    state: RefCell<GuardState>,
}

#[derive(Default)]
struct GuardState {
    /// Open elements, as counted here.
    open: Vec<LocalName>,
    /// How many of them are formatting elements.
    formatting: usize,
    /// How many of them are `svg` or `math` (inside, `<x/>` closes itself).
    foreign: usize,
    /// Start tags left out, by name, whose end tags are to be left out too.
    dropped: HashMap<LocalName, usize>,
    /// Past the limits, a hiding or dropped element (`nav`, `hidden`…) is left out whole, with
    /// its content: its name and how deep inside it the tokens are.
    swallow: Option<(LocalName, usize)>,
    /// Nodes passed on (start tags, text runs, comments); past [`MAX_NODES`] nothing more is.
    nodes: usize,
}

impl<S> Guard<S> {
    fn new(inner: S) -> Self {
        Guard {
            inner,
            state: RefCell::new(GuardState::default()),
        }
    }
}

impl GuardState {
    /// Whether the token goes on to the tree builder.
    fn admit(&mut self, token: &Token) -> bool {
        match token {
            Token::EOFToken => return true,
            // Past the limit nothing goes on, end tags neither (`</p>` alone makes a `p`).
            _ if self.nodes > MAX_NODES => return false,
            Token::TagToken(Tag {
                kind: TagKind::StartTag,
                ..
            })
            | Token::CharacterTokens(_)
            | Token::CommentToken(_) => {
                self.nodes += 1;
                if self.nodes > MAX_NODES {
                    return false;
                }
            }
            _ => {}
        }
        if let Some((name, depth)) = &mut self.swallow {
            match token {
                Token::TagToken(tag) if tag.name == *name => match tag.kind {
                    TagKind::StartTag if !tag.self_closing => *depth += 1,
                    TagKind::StartTag => {}
                    TagKind::EndTag => {
                        *depth -= 1;
                        if *depth == 0 {
                            self.swallow = None;
                        }
                    }
                },
                Token::EOFToken => return true,
                _ => {}
            }
            return false;
        }
        match token {
            Token::TagToken(tag) => match tag.kind {
                TagKind::StartTag => self.start(tag),
                TagKind::EndTag => self.end(tag),
            },
            _ => true,
        }
    }

    fn start(&mut self, tag: &Tag) -> bool {
        let name: &str = &tag.name;
        let foreign_root = name == "svg" || name == "math";
        if VOID.contains(&name)
            || (tag.self_closing && (self.foreign > 0 || foreign_root))
            || OPTIONAL_END.contains(&name)
        {
            return true;
        }
        let formatting = FORMATTING.contains(&name);
        let full =
            self.open.len() >= MAX_DEPTH || (formatting && self.formatting >= MAX_FORMATTING);
        if full && !RAW_TEXT.contains(&name) {
            let attr = |n: &str| {
                tag.attrs
                    .iter()
                    .find(|a| &*a.name.local == n)
                    .map(|a| &*a.value)
            };
            let hiding = DROPPED.contains(&name)
                || hides(attr("hidden").is_some(), attr("aria-hidden"), attr("style"));
            if hiding {
                self.swallow = Some((tag.name.clone(), 1));
            } else {
                *self.dropped.entry(tag.name.clone()).or_default() += 1;
            }
            return false;
        }
        self.open.push(tag.name.clone());
        self.formatting += usize::from(formatting);
        self.foreign += usize::from(foreign_root);
        true
    }

    fn end(&mut self, tag: &Tag) -> bool {
        if let Some(n) = self.dropped.get_mut(&tag.name).filter(|n| **n > 0) {
            *n -= 1;
            return false;
        }
        // Closing an element closes what was left open inside it.
        if let Some(at) = self.open.iter().rposition(|n| *n == tag.name) {
            for closed in self.open.drain(at..) {
                let closed: &str = &closed;
                self.formatting -= usize::from(FORMATTING.contains(&closed));
                self.foreign -= usize::from(closed == "svg" || closed == "math");
            }
        }
        true
    }
}

impl<S: TokenSink> TokenSink for Guard<S> {
    type Handle = S::Handle;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<S::Handle> {
        if !self.state.borrow_mut().admit(&token) {
            return TokenSinkResult::Continue;
        }
        self.inner.process_token(token, line_number)
    }

    fn end(&self) {
        self.inner.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.inner
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// Gives each block the line of its first word in the raw page, searching forward only.
fn locate_lines(raw: &str, blocks: &mut [RawBlock]) {
    let mut cursor = 0;
    let mut line = 1;
    // A word the page writes otherwise (`&#97;bc`) is not found and costs a whole window: the
    // searching stops once it has read the page a few times over, keeping the line reached.
    let mut budget = raw
        .len()
        .saturating_mul(LINE_SEARCH_PASSES)
        .max(LINE_SEARCH_WINDOW);
    for block in blocks {
        let word: String = block
            .text
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| w.len() >= 3)
            .unwrap_or_default()
            .to_string();
        let window_end = floor_char_boundary(raw, cursor + LINE_SEARCH_WINDOW);
        let window = (!word.is_empty() && budget > 0)
            .then(|| raw.get(cursor..window_end))
            .flatten()
            .unwrap_or_default();
        let found = memchr::memmem::find(window.as_bytes(), word.as_bytes());
        budget = budget.saturating_sub(found.map_or(window.len(), |p| p + word.len()));
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
                (RawKind::HeadRow, "A | 9"),
            ]
        );
    }

    #[test]
    fn table_rows_and_their_head() {
        let page = "<html><body><p>Lead.</p><table><thead><tr><th>State</th><th>Jobs</th></tr></thead><tbody><tr><td>Ohio</td><td><p>1,200</p></td></tr><tr><td>Iowa</td><td>900</td></tr></tbody></table><table><tr><td>B</td><td>2</td></tr></table></body></html>";
        let got: Vec<(RawKind, String)> = read(page)
            .blocks
            .into_iter()
            .map(|b| (b.kind, b.text))
            .collect();
        let want = [
            (RawKind::Para, "Lead."),
            (RawKind::HeadRow, "State | Jobs"),
            (RawKind::Row, "Ohio | 1,200"),
            (RawKind::Row, "Iowa | 900"),
            (RawKind::HeadRow, "B | 2"),
        ];
        let want: Vec<(RawKind, String)> = want.iter().map(|(k, t)| (*k, t.to_string())).collect();
        assert_eq!(got, want);
    }

    /// 2,000 nested `<div>`s read on a 128 KiB stack. A recursive walk of the tree overflows
    /// 256 KiB at this depth in a debug build (measured); the iterative walk needs a few KiB.
    /// Deeper pages only cost time: html5ever's tree builder is quadratic in the depth.
    #[test]
    fn deep_nesting_does_not_overflow() {
        let depth = 2_000;
        let page = format!(
            "<html><body>{}deep text{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let blocks = std::thread::Builder::new()
            .stack_size(128 * 1024)
            .spawn(move || read(&page).blocks)
            .unwrap()
            .join()
            .unwrap();
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].text, "deep text");
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

    /// Past the guard's limits, tags are left out but text is kept; chrome, hidden content and
    /// raw text (scripts) stay out of the text all the same.
    #[test]
    fn past_the_depth_limit_text_stays_and_hidden_content_stays_out() {
        let deep = "<div>".repeat(MAX_DEPTH + 10);
        let page = format!(
            "<html><body><article><h1>T</h1>{deep}<nav><ul><li>Menu 1</li></ul></nav>\
             <div hidden><p>Secret 2</p></div><span style=\"display:none\">Secret 3</span>\
             <script>var s = \"<p>Script 4</p>\";</script><style>p::after {{ content: \"<p>Style 5</p>\" }}</style>\
             <b>Deep 6 text</b></article></body></html>"
        );
        let got = read(&page);
        let all: Vec<&str> = got.blocks.iter().map(|b| b.text.as_str()).collect();
        let all = all.join("\n");
        assert!(all.contains("Deep 6 text"), "{all}");
        for hidden in ["Menu", "Secret", "Script", "Style"] {
            assert!(!all.contains(hidden), "{hidden} in {all}");
        }
    }

    #[test]
    fn formatting_left_open_is_bounded() {
        let page: String = (0..2000)
            .map(|i| format!("<p><b id={i}>x{i}</p>"))
            .collect();
        let (doc, _) = parse(&format!("<html><body>{page}</body></html>"));
        // Each paragraph reopens at most MAX_FORMATTING (plus Noah's-ark duplicates) elements.
        assert!(
            doc.tree.nodes().count() < 2000 * (MAX_FORMATTING + 4),
            "{}",
            doc.tree.nodes().count()
        );
        let got = read(&format!("<html><body>{page}</body></html>"));
        assert_eq!(got.blocks.len(), 2000);
        assert_eq!(got.blocks[1999].text, "x1999");
    }

    #[test]
    fn past_the_node_limit_nothing_goes_on() {
        let mut state = GuardState {
            nodes: MAX_NODES,
            ..GuardState::default()
        };
        let p = |kind| {
            Token::TagToken(Tag {
                kind,
                name: LocalName::from("p"),
                self_closing: false,
                had_duplicate_attributes: false,
                attrs: Vec::new(),
            })
        };
        assert!(!state.admit(&p(TagKind::StartTag)));
        // `</p>` alone would make a `p` element: it stays out too.
        assert!(!state.admit(&p(TagKind::EndTag)));
        assert!(!state.admit(&Token::CharacterTokens("x".into())));
        assert!(state.admit(&Token::EOFToken));
        assert!(state.nodes > MAX_NODES);
    }

    /// `<meta charset>` and `</script>` pause the tokenizer: reading goes on past both.
    #[test]
    fn reading_goes_on_past_meta_charset_and_scripts() {
        let page = "<!doctype html><html><head><meta charset=\"utf-8\"><title>T</title>\
            <script>var a = 1;</script><meta http-equiv=\"content-type\" content=\"text/html; charset=utf-8\">\
            </head><body><article><h1>Title</h1><time datetime=\"2023-03-14\">x</time>\
            <p>Over 5 jobs.</p><script>var b = 2;</script><p>Over 7 jobs.</p></article></body></html>";
        let got = read(page);
        assert_eq!(got.date, NaiveDate::from_ymd_opt(2023, 3, 14));
        let texts: Vec<&str> = got.blocks.iter().map(|b| b.text.as_str()).collect();
        assert!(texts.contains(&"Over 7 jobs."), "{texts:?}");
    }
}
