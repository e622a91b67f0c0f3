//! One self-contained HTML page: inline CSS, inline SVG charts, no scripts and nothing loaded
//! (a Content-Security-Policy forbids loading anything); links only to the editions' sources
//! and, with URL text fragments, to each figure's sentence in them. Responsive (one column on
//! a phone, old and new side by side on a desktop, up to a comfortable measure) and printable.
//! Every piece of text goes through [`esc`]. Decimals become `f64` only for drawing
//! coordinates; printed numbers come from `format_value`/`display_value`.

use super::escape::html as esc;
use super::view::{
    flag_meaning, mark_key, Cited, Column, DiffView, Direction, HistoryView, Mark, Movement, Piece,
    Rows, TrackRow, NET_KEY, UNTRACKED,
};
use super::{value_words, RenderOptions};
use crate::diff::{Flag, Report};
use crate::figure::{format_value, Figure, Qualifier};
use crate::history::{History, Track};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use std::fmt::Write as _;
use std::io::{self, Write};

/// Okabe–Ito blue: the series color (distinct for all common color-vision deficiencies).
const SERIES_COLOR: &str = "#0072B2";

const CSS: &str = r#"
:root{--fg:#1b1b1b;--muted:#595959;--line:#d4d4d4;--blue:#0072B2;--verm:#D55E00;--orange:#E69F00;--mark:#fff1a8;--old:#fbe0d0;--new:#d5e8f6}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:#fff;overflow-wrap:break-word}
main{max-width:78rem;margin:0 auto;padding:1.5rem clamp(.9rem,3vw,2.5rem) 3rem}
h1{font-size:clamp(1.25rem,1rem + 1.2vw,1.7rem);line-height:1.25;margin:0 0 .5rem;max-width:60rem}
h2{font-size:1.2rem;margin:2.2rem 0 .6rem;padding-bottom:.25rem;border-bottom:2px solid var(--line)}
h3{font-size:1.02rem;line-height:1.35;margin:0 0 .3rem}
p{margin:.3rem 0}
a{color:#0b4f8a}
a:visited{color:#5b3a8c}
.summary{font-size:1.02rem}
.muted,.editions,.reason{color:var(--muted);font-size:.9rem}
.editions{margin:.5rem 0;display:grid;grid-template-columns:auto 1fr;gap:.15rem .7rem}
.editions dt{font-weight:600}
.editions dd{margin:0}
.url{overflow-wrap:anywhere;word-break:normal}
.note{border-left:4px solid var(--orange);background:#fff6e0;padding:.35rem .75rem;margin:.6rem 0}
.changes{list-style:none;margin:0;padding:0}
.change{border-top:1px solid var(--line);padding:.9rem 0 .8rem;break-inside:avoid;page-break-inside:avoid}
.change:first-child{border-top:0}
.move{margin:.1rem 0 .5rem}
.sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,24rem),1fr));gap:.6rem 1.4rem;margin:.4rem 0}
.side{border-left:3px solid var(--line);padding:.1rem 0 .1rem .75rem;max-width:46rem}
.side.old{border-left-color:#e3a787}
.side.new{border-left-color:#7fb2dc}
.side .ed{display:block;font-size:.78rem;letter-spacing:.04em;text-transform:uppercase;color:var(--muted)}
.side p{margin:.1rem 0}
mark{background:var(--mark);color:inherit;padding:0 .1em;border-radius:2px}
mark.old{background:var(--old)}
mark.new{background:var(--new)}
a mark{text-decoration:underline;text-decoration-color:#0b4f8a}
.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.up{color:var(--blue)}
.down{color:var(--verm);font-weight:600}
.absent{color:#8c8c8c}
.flag{display:inline-block;margin:0 .25rem .15rem 0;padding:0 .35rem;border:1px solid #b06000;border-radius:3px;color:#8a4500;font-size:.8rem;white-space:nowrap}
.claims{padding-left:1.2rem}
.claims>li{margin:.7rem 0;max-width:60rem}
.claims ul{margin:.2rem 0;padding-left:1.1rem}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;margin:.4rem 0;font-size:.92rem}
th,td{padding:.3rem .55rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
thead th{border-bottom:2px solid #8c8c8c;white-space:nowrap;font-size:.84rem;color:#333}
tbody th{font-weight:600}
th.label{min-width:11rem;max-width:24rem}
.nowrap{white-space:nowrap}
.legend{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;list-style:none;padding:.4rem .6rem;margin:.6rem 0;border:1px solid var(--line);border-radius:4px;font-size:.9rem}
.legend svg{vertical-align:-2px;margin-right:.3rem}
.track{border-top:1px solid var(--line);padding:.9rem 0 .5rem;break-inside:avoid;page-break-inside:avoid}
.track-body{display:flex;flex-wrap:wrap;gap:8px 24px;align-items:flex-start}
.track figure{margin:0;flex:0 1 480px;min-width:min(100%,280px)}
.track svg.chart{width:100%;height:auto;display:block}
.track-body>.scroll{flex:1 1 22rem;min-width:0}
.track table{margin:0;width:100%}
.track td.said{min-width:14rem}
.track tbody th{white-space:nowrap}
dl.flags dt{font-weight:600;margin-top:.3rem}
dl.flags dd{margin:0 0 0 1rem}
@media (max-width:40rem){
 body{font-size:15px}
 .editions{grid-template-columns:1fr}
 .editions dt{margin-top:.3rem}
 .overview thead{display:none}
 .overview table,.overview tbody,.overview tr{display:block;width:100%}
 .overview tr{border-bottom:1px solid var(--line);padding:.45rem 0}
 .overview th,.overview td{border:0;padding:.05rem .6rem .05rem 0}
 .overview th.label{display:block;max-width:none;min-width:0}
 .overview td{display:inline-block;text-align:left}
 .overview td[data-label]::before{content:attr(data-label) " ";display:block;font-size:.75rem;color:var(--muted)}
 .overview td:not([data-label]){display:block}
 .overview td:empty{display:none}
}
@media print{
 body{font-size:10pt}
 main{max-width:none;padding:0}
 a{color:inherit}
 h2,h3{break-after:avoid;page-break-after:avoid}
 tr,.change,.track,.side{break-inside:avoid;page-break-inside:avoid}
 .scroll{overflow:visible}
 .sides{grid-template-columns:1fr 1fr}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
"#;

/// Writes the document head and opens `<main>`.
fn page_start(out: &mut dyn Write, title: &str) -> io::Result<()> {
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(out, "<html lang=\"en\">")?;
    writeln!(out, "<head>")?;
    writeln!(out, "<meta charset=\"utf-8\">")?;
    // Nothing may be fetched: the page is inert even if something slipped through escaping.
    writeln!(
        out,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
    )?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(out, "<meta name=\"generator\" content=\"factdiff\">")?;
    writeln!(out, "<meta name=\"referrer\" content=\"no-referrer\">")?;
    writeln!(out, "<title>{}</title>", esc(title))?;
    writeln!(out, "<style>{CSS}</style>")?;
    writeln!(out, "</head>")?;
    writeln!(out, "<body>")?;
    writeln!(out, "<main>")
}

fn page_end(out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "</main>")?;
    writeln!(out, "</body>")?;
    writeln!(out, "</html>")
}

/// Flags as small labelled boxes, each with its meaning as a tooltip.
fn flag_badges(flags: &[Flag]) -> String {
    flags
        .iter()
        .map(|f| {
            format!(
                "<span class=\"flag\" title=\"{}\">{}</span>",
                esc(flag_meaning(*f)),
                esc(f.as_str())
            )
        })
        .collect::<Vec<_>>()
        .join("")
}

/// A definition list explaining the flags that occur.
fn flag_legend(out: &mut dyn Write, legend: &[(Flag, &str)]) -> io::Result<()> {
    if legend.is_empty() {
        return Ok(());
    }
    writeln!(out, "<section>\n<h2>Flags</h2>\n<dl class=\"flags\">")?;
    for (f, meaning) in legend {
        writeln!(out, "<dt>{}</dt><dd>{}</dd>", esc(f.as_str()), esc(meaning))?;
    }
    writeln!(out, "</dl>\n</section>")
}

/// Opens a table with a caption-less header row; `true` marks numeric (right-aligned) columns.
fn table_head<S: AsRef<str>>(out: &mut dyn Write, cols: &[Column<S>]) -> io::Result<()> {
    write!(out, "<div class=\"scroll\"><table>\n<thead><tr>")?;
    for (name, num) in cols {
        let class = if *num { " class=\"num\"" } else { "" };
        write!(out, "<th scope=\"col\"{class}>{}</th>", esc(name.as_ref()))?;
    }
    writeln!(out, "</tr></thead>\n<tbody>")
}

fn table_end(out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "</tbody>\n</table></div>")
}

/// A link out of the page (to a checked http(s) address): no referrer, no opener.
fn link(href: &str, inner: &str) -> String {
    format!(
        "<a href=\"{}\" rel=\"noreferrer noopener\">{inner}</a>",
        esc(href)
    )
}

/// A sentence from its pieces: the figure in `<mark>` linked to its sentence in the source,
/// changed words in `<mark class="old|new">`.
fn sentence(pieces: &[Piece], side: &str) -> String {
    let mut s = String::new();
    for p in pieces {
        let text = esc(&p.text);
        match p.mark {
            Mark::Plain => s.push_str(&text),
            Mark::Figure => {
                let marked = format!("<mark>{text}</mark>");
                match &p.link {
                    Some(href) => s.push_str(&link(href, &marked)),
                    None => s.push_str(&marked),
                }
            }
            Mark::Changed => {
                let _ = write!(s, "<mark class=\"{side}\">{text}</mark>");
            }
        }
    }
    s
}

/// One side of a figure: its edition and its sentence.
fn side_html(c: &Cited, side: &str) -> String {
    format!(
        "<div class=\"side {side}\"><span class=\"ed\">{}</span><p>{}</p></div>",
        esc(&c.edition),
        sentence(&c.pieces, side)
    )
}

/// The label heading, and the old claim's label when the figure moved from another claim.
fn label_h3(label: &str, from: Option<&str>) -> String {
    match from {
        Some(old) => format!(
            "<h3>{} <span class=\"muted\">(from {})</span></h3>",
            esc(label),
            esc(old)
        ),
        None => format!("<h3>{}</h3>", esc(label)),
    }
}

/// "How the pair was matched", when reasons are shown.
fn reason_p(reason: Option<&str>) -> String {
    reason
        .map(|r| format!("<p class=\"reason\">Paired by: {}</p>", esc(r)))
        .unwrap_or_default()
}

pub(super) fn diff(
    report: &Report,
    options: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let view = DiffView::new(report, options);
    let (old_label, new_label) = (&view.old_label, &view.new_label);
    page_start(out, &format!("{} — {old_label} → {new_label}", view.title))?;
    writeln!(out, "<header>")?;
    writeln!(out, "<h1>{}</h1>", esc(view.title))?;
    let date = |label: &str, href: Option<&str>| match href {
        Some(h) => link(h, &esc(label)),
        None => esc(label),
    };
    let mut summary = format!(
        "<strong>{} → {}</strong>",
        date(old_label, view.old_link),
        date(new_label, view.new_link)
    );
    if let Some(text) = &view.summary {
        summary.push_str(": ");
        summary.push_str(&esc(text));
    }
    writeln!(out, "<p class=\"summary\">{summary}</p>")?;
    writeln!(out, "<dl class=\"editions\">")?;
    for (side, e, href) in [
        ("Old", view.old, view.old_link),
        ("New", view.new, view.new_link),
    ] {
        let mut text = format!("{} · {}", esc(&e.label()), esc(&e.title));
        match (href, &e.source) {
            (Some(h), _) => {
                let _ = write!(text, " · <span class=\"url\">{}</span>", link(h, &esc(h)));
            }
            // A source that is not a web address is shown, never linked.
            (None, Some(src)) => {
                let _ = write!(text, " · <span class=\"url\">{}</span>", esc(src));
            }
            (None, None) => {}
        }
        writeln!(out, "<dt>{side}</dt><dd>{text}</dd>")?;
    }
    writeln!(out, "</dl>")?;
    if let Some(note) = view.note {
        writeln!(
            out,
            "<p class=\"note\"><strong>Note:</strong> {}</p>",
            esc(note)
        )?;
    }
    writeln!(out, "</header>")?;

    for section in &view.sections {
        writeln!(out, "<section>\n<h2>{}</h2>", esc(section.title))?;
        match &section.rows {
            Rows::Figures(rows) => {
                writeln!(out, "<ol class=\"changes\">")?;
                for r in rows {
                    writeln!(out, "<li class=\"change\">{}", label_h3(r.label, r.from))?;
                    let class = match r.direction {
                        Direction::Down => "num down",
                        Direction::Up => "num up",
                        Direction::Flat => "num",
                    };
                    let what = match r.movement {
                        Movement::Value => {
                            let mut t = format!(
                                "<span class=\"{class}\">{}</span>",
                                esc(r.delta.as_deref().unwrap_or(""))
                            );
                            if let Some(p) = &r.percent {
                                let _ = write!(t, " <span class=\"{class}\">({})</span>", esc(p));
                            }
                            t
                        }
                        Movement::Qualifier => esc(&format!(
                            "qualifier {} → {}",
                            r.old.figure.qualifier, r.new.figure.qualifier
                        )),
                        Movement::Rescaled => esc("same value, written at another scale"),
                    };
                    let badges = flag_badges(&r.flags);
                    let sep = if badges.is_empty() { "" } else { " " };
                    writeln!(
                        out,
                        "<p class=\"move\">{} → {} · {what}{sep}{badges}</p>",
                        esc(&super::figure_words(r.old.figure)),
                        esc(&super::figure_words(r.new.figure)),
                    )?;
                    // The sentences, when kept (without them the line above says it all).
                    if r.old.has_sentence || r.new.has_sentence {
                        writeln!(
                            out,
                            "<div class=\"sides\">{}{}</div>",
                            side_html(&r.old, "old"),
                            side_html(&r.new, "new")
                        )?;
                    }
                    writeln!(out, "{}</li>", reason_p(r.reason))?;
                }
                writeln!(out, "</ol>")?;
            }
            Rows::Renames(rows) => {
                writeln!(out, "<ul class=\"claims\">")?;
                for r in rows {
                    writeln!(
                        out,
                        "<li>{} → <strong>{}</strong>{}</li>",
                        esc(r.old),
                        esc(r.new),
                        reason_p(r.reason)
                    )?;
                }
                writeln!(out, "</ul>")?;
            }
            Rows::Rewordings(rows) => {
                writeln!(out, "<ol class=\"changes\">")?;
                for r in rows {
                    writeln!(out, "<li class=\"change\">{}", label_h3(r.label, None))?;
                    for (old, new) in &r.hunks {
                        let side = |pieces: &[Piece], class: &str, label: &str, tag: &str| {
                            if pieces.is_empty() {
                                return String::new();
                            }
                            format!(
                                "<div class=\"side {class}\"><span class=\"ed\">{}{tag}</span><p>{}</p></div>",
                                esc(label),
                                sentence(pieces, class)
                            )
                        };
                        let (old_tag, new_tag) = match (old.is_empty(), new.is_empty()) {
                            (true, _) => ("", " · new"),
                            (_, true) => (" · dropped", ""),
                            _ => ("", ""),
                        };
                        writeln!(
                            out,
                            "<div class=\"sides\">{}{}</div>",
                            side(old, "old", old_label, old_tag),
                            side(new, "new", new_label, new_tag)
                        )?;
                    }
                    writeln!(out, "</li>")?;
                }
                writeln!(out, "</ol>")?;
            }
            Rows::FigureList(side, rows) => {
                let class = match side {
                    super::view::Side::Added => "new",
                    super::view::Side::Dropped => "old",
                };
                writeln!(out, "<ol class=\"changes\">")?;
                for r in rows {
                    writeln!(
                        out,
                        "<li class=\"change\">{}{}<div class=\"sides\">{}</div></li>",
                        label_h3(r.label, r.from),
                        if r.flags.is_empty() {
                            String::new()
                        } else {
                            format!("<p>{}</p>", flag_badges(&r.flags))
                        },
                        side_html(&r.cited, class)
                    )?;
                }
                writeln!(out, "</ol>")?;
            }
            Rows::ClaimList(side, rows) => {
                let class = match side {
                    super::view::Side::Added => "new",
                    super::view::Side::Dropped => "old",
                };
                writeln!(out, "<ul class=\"claims\">")?;
                for r in rows {
                    write!(
                        out,
                        "<li><strong>{}</strong> {}",
                        esc(r.label),
                        flag_badges(&r.flags)
                    )?;
                    if !r.text.is_empty() {
                        write!(out, "<p>{}</p>", sentence(&r.text, class))?;
                    } else if !r.figures.is_empty() {
                        write!(out, "<ul>")?;
                        for f in &r.figures {
                            write!(out, "<li>{}</li>", sentence(&f.pieces, class))?;
                        }
                        write!(out, "</ul>")?;
                    }
                    writeln!(out, "</li>")?;
                }
                writeln!(out, "</ul>")?;
            }
        }
        writeln!(out, "</section>")?;
    }

    if view.sections.is_empty() {
        writeln!(out, "<p>No changes.</p>")?;
    }
    flag_legend(out, &view.legend)?;
    page_end(out)
}

/// The marker glyph for a qualifier's bound, as in the legend.
fn bound_glyph(q: Qualifier) -> &'static str {
    match q.bound() {
        "floor" => "▲",
        "ceiling" => "▼",
        "approximate" => "○",
        _ => "●",
    }
}

/// An SVG marker centred on (x, y): ● exact, ○ approximate, ▲ floor, ▼ ceiling.
fn marker(x: f64, y: f64, bound: &str) -> String {
    let c = SERIES_COLOR;
    match bound {
        "floor" => format!(
            "<polygon points=\"{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}\" fill=\"{c}\"/>",
            x,
            y - 6.5,
            x - 6.0,
            y + 4.5,
            x + 6.0,
            y + 4.5
        ),
        "ceiling" => format!(
            "<polygon points=\"{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}\" fill=\"{c}\"/>",
            x,
            y + 6.5,
            x - 6.0,
            y - 4.5,
            x + 6.0,
            y - 4.5
        ),
        "approximate" => format!(
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"4.5\" fill=\"#fff\" stroke=\"{c}\" stroke-width=\"2\"/>"
        ),
        _ => format!("<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"5\" fill=\"{c}\"/>"),
    }
}

/// The legend of marker shapes, as a list with small inline SVG swatches.
fn legend(out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "<ul class=\"legend\" aria-label=\"Chart legend\">")?;
    for (bound, text) in [
        ("exact", "exact value"),
        ("floor", "floor: more than, at least"),
        ("ceiling", "ceiling: up to, as many as"),
        ("approximate", "approximate: nearly, about"),
    ] {
        writeln!(
            out,
            "<li><svg width=\"14\" height=\"14\" viewBox=\"0 0 14 14\" aria-hidden=\"true\">{}</svg>{}</li>",
            marker(7.0, 7.5, bound),
            esc(text)
        )?;
    }
    writeln!(
        out,
        "<li><svg width=\"28\" height=\"14\" viewBox=\"0 0 28 14\" aria-hidden=\"true\"><line x1=\"1\" y1=\"7\" x2=\"27\" y2=\"7\" stroke=\"{SERIES_COLOR}\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/></svg>{}</li>",
        esc("dashed: absent in between")
    )?;
    writeln!(out, "</ul>")
}

/// 10^exp as an exact decimal (exp clamped to what `Decimal` holds).
fn pow10(exp: i32) -> Decimal {
    let exp = exp.clamp(-20, 27);
    let mut d = Decimal::ONE;
    for _ in 0..exp.unsigned_abs() {
        d = if exp >= 0 {
            d * Decimal::TEN
        } else {
            d / Decimal::TEN
        };
    }
    d
}

/// A round tick step (1, 2 or 5 × 10^k) giving at most about four intervals over `span`.
/// `f64` only picks the power of ten; the step itself is an exact decimal.
pub(super) fn nice_step(span: Decimal) -> Decimal {
    let raw = span / Decimal::from(4);
    let exp = raw.to_f64().unwrap_or(1.0).log10().floor();
    let mag = pow10(if exp.is_finite() { exp as i32 } else { 0 });
    for m in [1, 2, 5, 10] {
        let step = mag * Decimal::from(m);
        if step >= raw {
            return step;
        }
    }
    mag * Decimal::TEN
}

/// Chart geometry, in SVG user units.
const CHART_W: f64 = 480.0;
const CHART_H: f64 = 230.0;
const MARGIN_LEFT: f64 = 86.0;
const MARGIN_RIGHT: f64 = 24.0;
const MARGIN_TOP: f64 = 18.0;
const PAD_X: f64 = 18.0;
/// More editions than this get slanted date labels.
const MAX_FLAT_LABELS: usize = 4;

/// The inline SVG chart of one track: value over editions (equally spaced), y from 0.
fn chart(labels: &[String], t: &Track, id: usize) -> String {
    let n = labels.len().max(1);
    let slanted = n > MAX_FLAT_LABELS;
    let margin_bottom = if slanted { 72.0 } else { 34.0 };
    let plot_h = CHART_H - MARGIN_TOP - margin_bottom;
    let plot_w = CHART_W - MARGIN_LEFT - MARGIN_RIGHT;

    let present: Vec<(usize, &Figure)> = t.values.present().collect();
    let high = present
        .iter()
        .map(|(_, f)| f.max.unwrap_or(f.value).max(f.value))
        .max()
        .unwrap_or(Decimal::ZERO)
        .max(Decimal::ZERO);
    let low = present
        .iter()
        .map(|(_, f)| f.value)
        .min()
        .unwrap_or(Decimal::ZERO)
        .min(Decimal::ZERO);
    // Checked: values near the decimal range (hand-edited claim sets) must not overflow.
    let span = if high > low {
        high.checked_sub(low).unwrap_or(Decimal::MAX)
    } else {
        Decimal::ONE
    };
    let step = nice_step(span);
    let top = (high / step).ceil().checked_mul(step).unwrap_or(high);
    let bottom = (low / step).floor().checked_mul(step).unwrap_or(low);
    let top = if top > bottom {
        top
    } else {
        bottom.checked_add(step).unwrap_or(Decimal::MAX)
    };
    let (fb, ft) = (bottom.to_f64().unwrap_or(0.0), top.to_f64().unwrap_or(1.0));
    let y_of = |v: Decimal| {
        let v = v.to_f64().unwrap_or(0.0);
        MARGIN_TOP + plot_h * (1.0 - (v - fb) / (ft - fb))
    };
    let x_of = |k: usize| {
        if n == 1 {
            MARGIN_LEFT + plot_w / 2.0
        } else {
            MARGIN_LEFT + PAD_X + (plot_w - 2.0 * PAD_X) * k as f64 / (n - 1) as f64
        }
    };

    let name = &t.label;
    let spoken: Vec<String> = present
        .iter()
        .map(|(k, f)| format!("{} {}", labels[*k], value_words(f)))
        .collect();
    let aria = format!(
        "Chart of {name} over {} editions: {}",
        labels.len(),
        spoken.join("; ")
    );
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {CHART_W} {CHART_H}\" role=\"img\" aria-label=\"{}\" id=\"chart-{id}\">",
        esc(&aria)
    );
    let _ = write!(
        s,
        "<title>{}</title>",
        esc(&format!("{name}: value by edition"))
    );

    // Grid lines and y labels at exact decimal ticks.
    let mut tick = bottom;
    // At most a dozen ticks, whatever the scale (the step gives about four).
    for _ in 0..12 {
        if tick > top {
            break;
        }
        let y = y_of(tick);
        let stroke = if tick.is_zero() { "#8c8c8c" } else { "#e3e3e3" };
        let _ = write!(
            s,
            "<line x1=\"{MARGIN_LEFT}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"{stroke}\" stroke-width=\"1\"/>",
            CHART_W - MARGIN_RIGHT
        );
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"11\" fill=\"#595959\">{}</text>",
            MARGIN_LEFT - 6.0,
            y + 3.5,
            esc(&format_value(tick, t.unit))
        );
        tick += step;
    }

    // Date labels under every edition.
    let base = MARGIN_TOP + plot_h;
    for (k, label) in labels.iter().enumerate() {
        let x = x_of(k);
        let _ = write!(
            s,
            "<line x1=\"{x:.1}\" y1=\"{base:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"#8c8c8c\"/>",
            base + 4.0
        );
        if slanted {
            let _ = write!(
                s,
                "<text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"11\" fill=\"#333\" transform=\"rotate(-40 {x:.1} {:.1})\">{}</text>",
                base + 16.0,
                base + 16.0,
                esc(label)
            );
        } else {
            let _ = write!(
                s,
                "<text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#333\">{}</text>",
                base + 18.0,
                esc(label)
            );
        }
    }

    // Lines: solid between neighbouring editions, dashed across editions without the figure.
    for w in present.windows(2) {
        let ((k1, a), (k2, b)) = (w[0], w[1]);
        let dash = if k2 > k1 + 1 {
            " stroke-dasharray=\"5 4\""
        } else {
            ""
        };
        let _ = write!(
            s,
            "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{SERIES_COLOR}\" stroke-width=\"2\"{dash}/>",
            x_of(k1),
            y_of(a.value),
            x_of(k2),
            y_of(b.value)
        );
    }

    // Markers, each with its own tooltip; a range gets a bar up to its high end.
    let label_points = n <= 8;
    for (k, f) in &present {
        let (x, y) = (x_of(*k), y_of(f.value));
        let _ = write!(
            s,
            "<g><title>{}</title>",
            esc(&format!(
                "{}: {} ({})",
                labels[*k],
                value_words(f),
                f.qualifier.bound()
            ))
        );
        if let Some(max) = f.max {
            let ym = y_of(max);
            let _ = write!(
                s,
                "<line x1=\"{x:.1}\" y1=\"{y:.1}\" x2=\"{x:.1}\" y2=\"{ym:.1}\" stroke=\"{SERIES_COLOR}\" stroke-width=\"2\"/><line x1=\"{:.1}\" y1=\"{ym:.1}\" x2=\"{:.1}\" y2=\"{ym:.1}\" stroke=\"{SERIES_COLOR}\" stroke-width=\"2\"/>",
                x - 4.0,
                x + 4.0
            );
        }
        s.push_str(&marker(x, y, f.qualifier.bound()));
        if label_points {
            let ly = f.max.map(y_of).unwrap_or(y) - 10.0;
            let anchor = if n > 1 && *k == 0 {
                "start"
            } else if n > 1 && *k == n - 1 {
                "end"
            } else {
                "middle"
            };
            let lx = match anchor {
                "start" => x - 6.0,
                "end" => x + 6.0,
                _ => x,
            };
            let _ = write!(
                s,
                "<text x=\"{lx:.1}\" y=\"{ly:.1}\" text-anchor=\"{anchor}\" font-size=\"11\" font-weight=\"600\" fill=\"#1b1b1b\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">{}</text>",
                esc(&f.display_value())
            );
        }
        s.push_str("</g>");
    }
    s.push_str("</svg>");
    s
}

/// A net change for people, colored by direction (the sign carries it too).
fn net_html(row: &TrackRow) -> String {
    let Some(net) = &row.net else {
        return String::new();
    };
    match row.direction {
        Direction::Flat => esc(net),
        Direction::Down => format!("<span class=\"down\">{}</span>", esc(net)),
        Direction::Up => format!("<span class=\"up\">{}</span>", esc(net)),
    }
}

pub(super) fn history(
    history: &History,
    options: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let view = HistoryView::new(history, options);
    let title = view.title.unwrap_or("History");
    page_start(out, &format!("{title} — history"))?;
    writeln!(out, "<header>\n<h1>{}</h1>", esc(title))?;
    if let Some(summary) = &view.summary {
        let span = match &summary.span {
            Some((a, b)) => format!(" from {a} to {b}"),
            None => String::new(),
        };
        writeln!(
            out,
            "<p class=\"summary\"><strong>{}</strong> over {}{}</p>",
            summary.tracked,
            summary.editions,
            esc(&span)
        )?;
    }
    writeln!(out, "</header>")?;
    if view.rows.is_empty() {
        writeln!(
            out,
            "<p>No tracked figures ({UNTRACKED}; <code>--all</code> shows every one).</p>"
        )?;
        return page_end(out);
    }
    let labels = &view.labels;

    // Overview: one row per track, one column per edition; on a phone each row reflows into a
    // card, every value under its edition's date (`data-label`).
    writeln!(out, "<section>\n<h2>Overview</h2>")?;
    write!(out, "<div class=\"overview\">")?;
    table_head(out, &view.columns)?;
    for r in &view.rows {
        write!(
            out,
            "<tr><th scope=\"row\" class=\"label\">{}</th>",
            esc(r.label)
        )?;
        for (cell, label) in r.cells().zip(labels) {
            match cell {
                Some(c) => write!(
                    out,
                    "<td class=\"num\" data-label=\"{}\">{}</td>",
                    esc(label),
                    esc(&c)
                )?,
                None => write!(
                    out,
                    "<td class=\"num absent\" data-label=\"{}\">—</td>",
                    esc(label)
                )?,
            }
        }
        writeln!(
            out,
            "<td class=\"num\" data-label=\"Net\">{}</td><td>{}</td></tr>",
            net_html(r),
            flag_badges(&r.track.flags)
        )?;
    }
    table_end(out)?;
    writeln!(out, "</div>")?;
    writeln!(
        out,
        "<p class=\"muted\">{}</p>",
        esc(&format!(
            "{} · no mark: exact · —: absent from that edition · {NET_KEY}",
            mark_key(" · ")
        ))
    )?;
    writeln!(out, "</section>")?;

    writeln!(out, "<section>\n<h2>Figures by edition</h2>")?;
    legend(out)?;
    for (i, r) in view.rows.iter().enumerate() {
        let t = r.track;
        writeln!(
            out,
            "<section class=\"track\" aria-labelledby=\"track-{i}\">"
        )?;
        // The keys stay for machines: a tooltip, not a label.
        writeln!(
            out,
            "<h3 id=\"track-{i}\" title=\"{}\">{}</h3>",
            esc(&format!(
                "measure {} · topic {}",
                t.measure,
                t.topics.join(", ")
            )),
            esc(r.label)
        )?;
        let mut meta = String::new();
        if t.net.is_some() {
            let _ = write!(meta, "Net change {} ", net_html(r));
        }
        meta.push_str(&flag_badges(&t.flags));
        if !meta.is_empty() {
            writeln!(out, "<p>{meta}</p>")?;
        }
        writeln!(out, "<div class=\"track-body\">")?;
        writeln!(out, "<figure>{}</figure>", chart(labels, t, i))?;
        // The source words get a column only when the track has any: the sentence where it
        // was kept, else the figure's own words, the figure marked and linked to its source.
        let quotes = t
            .values
            .iter()
            .flatten()
            .any(|f| !f.quote.trim().is_empty());
        let mut cols = vec![("Edition", false), ("Value", true), ("Bound", false)];
        if quotes {
            cols.push(("As written", false));
        }
        table_head(out, &cols)?;
        for ((label, v), said) in labels.iter().zip(t.values.iter()).zip(r.cited(labels)) {
            write!(out, "<tr><th scope=\"row\">{}</th>", esc(label))?;
            match v {
                Some(f) => write!(
                    out,
                    "<td class=\"num\">{}</td><td class=\"nowrap\">{}</td>",
                    esc(&f.display_value()),
                    esc(&format!(
                        "{} {}",
                        bound_glyph(f.qualifier),
                        f.qualifier.bound()
                    )),
                )?,
                None => write!(
                    out,
                    "<td class=\"num absent\">—</td><td class=\"absent\">absent</td>"
                )?,
            }
            if quotes {
                let text = said
                    .as_ref()
                    .map(|c| sentence(&c.pieces, "new"))
                    .unwrap_or_default();
                write!(out, "<td class=\"said\">{text}</td>")?;
            }
            writeln!(out, "</tr>")?;
        }
        table_end(out)?;
        writeln!(out, "</div>\n</section>")?;
    }
    writeln!(out, "</section>")?;
    flag_legend(out, &view.legend)?;
    page_end(out)
}
