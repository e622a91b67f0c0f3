//! One self-contained HTML page: inline CSS, inline SVG charts, no scripts and no network
//! (a Content-Security-Policy forbids loading anything). Every piece of text goes through
//! [`esc`]. Decimals become `f64` only for drawing coordinates; printed numbers come from
//! `format_value`/`display_value`.

use super::escape::html as esc;
use super::view::{
    flag_meaning, mark_key, Column, DiffView, Direction, HistoryView, RewordRow, Rows, TrackRow,
    NET_KEY, UNTRACKED,
};
use super::{figure_words, value_words, RenderOptions};
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
:root{--fg:#1b1b1b;--muted:#595959;--line:#d4d4d4;--blue:#0072B2;--verm:#D55E00;--orange:#E69F00;--del:#fbe0d0;--ins:#d5e8f6}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:#fff}
main{max-width:1000px;margin:0 auto;padding:24px 20px 48px}
h1{font-size:1.45rem;line-height:1.25;margin:0 0 .4rem}
h2{font-size:1.15rem;margin:2rem 0 .5rem;padding-bottom:.2rem;border-bottom:2px solid var(--line)}
h3{font-size:1rem;margin:0 0 .3rem}
p{margin:.3rem 0}
.summary{font-size:1rem}
.muted,.editions{color:var(--muted);font-size:.88rem}
.editions{margin:.4rem 0;display:grid;grid-template-columns:auto 1fr;gap:0 .6rem}
.editions dt{font-weight:600}
.editions dd{margin:0;overflow-wrap:anywhere}
.note{border-left:4px solid var(--orange);background:#fff6e0;padding:.35rem .75rem;margin:.6rem 0}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;margin:.4rem 0;font-size:.9rem}
th,td{padding:.3rem .5rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top;overflow-wrap:break-word}
.src{overflow-wrap:anywhere}
.fig{min-width:8.5em}
thead th{border-bottom:2px solid #8c8c8c;white-space:nowrap;font-size:.82rem;color:#333}
tbody th{font-weight:600}
.num{text-align:right;white-space:nowrap;overflow-wrap:normal;font-variant-numeric:tabular-nums}
.nowrap,.track tbody th{white-space:nowrap;overflow-wrap:normal}
.up{color:var(--blue)}
.down{color:var(--verm);font-weight:600}
.absent{color:#8c8c8c}
.flag{display:inline-block;margin:0 .25rem .15rem 0;padding:0 .35rem;border:1px solid #b06000;border-radius:3px;color:#8a4500;font-size:.78rem;white-space:nowrap}
del{background:var(--del);text-decoration:line-through;text-decoration-color:var(--verm)}
ins{background:var(--ins);text-decoration:underline;text-decoration-color:var(--blue)}
.reword{margin:1rem 0}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:12px}
.pair>div{border:1px solid var(--line);border-radius:4px;padding:.5rem .75rem}
.pair h4{margin:0 0 .25rem;font-size:.75rem;letter-spacing:.05em;text-transform:uppercase;color:var(--muted)}
.claims{padding-left:1.2rem}
.claims>li{margin:.5rem 0}
.claims ul{margin:.2rem 0;padding-left:1.1rem}
.legend{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;list-style:none;padding:.4rem .6rem;margin:.6rem 0;border:1px solid var(--line);border-radius:4px;font-size:.88rem}
.legend svg{vertical-align:-2px;margin-right:.3rem}
.track{border-top:1px solid var(--line);padding:.8rem 0 .4rem;break-inside:avoid;page-break-inside:avoid}
.track-body{display:flex;flex-wrap:wrap;gap:8px 20px;align-items:flex-start}
.track figure{margin:0;flex:0 1 480px;min-width:280px}
.track svg.chart{width:100%;height:auto;display:block}
.track-body>.scroll{flex:1 1 340px}
.track table{margin:0}
dl.flags dt{font-weight:600;margin-top:.3rem}
dl.flags dd{margin:0 0 0 1rem}
@media (max-width:640px){.pair{grid-template-columns:1fr}}
@media print{
 body{font-size:10pt}
 main{max-width:none;padding:0}
 h2{break-after:avoid;page-break-after:avoid}
 tr,.pair,.track,.reword{break-inside:avoid;page-break-inside:avoid}
 .scroll{overflow:visible}
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

/// The topic cell text: the claim's label, and the old key when the figure moved.
fn topic_text(topic: &str, from: Option<&str>) -> String {
    match from {
        Some(old) => format!(
            "{} <span class=\"muted\">(from {})</span>",
            esc(topic),
            esc(old)
        ),
        None => esc(topic),
    }
}

/// The paired-by cell, when reasons are shown.
fn reason_cell(reason: Option<&str>) -> String {
    reason
        .map(|r| format!("<td class=\"muted\">{}</td>", esc(r)))
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
    let mut summary = format!("<strong>{} → {}</strong>", esc(old_label), esc(new_label));
    if let Some(text) = &view.summary {
        summary.push_str(": ");
        summary.push_str(&esc(text));
    }
    writeln!(out, "<p class=\"summary\">{summary}</p>")?;
    writeln!(out, "<dl class=\"editions\">")?;
    for (side, e) in [("Old", view.old), ("New", view.new)] {
        let mut text = format!("{} · {}", e.label(), e.title);
        if let Some(src) = &e.source {
            // Shown as text, never as a link: the page makes no references out.
            text.push_str(&format!(" · {src}"));
        }
        writeln!(out, "<dt>{side}</dt><dd>{}</dd>", esc(&text))?;
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
        if !section.columns.is_empty() {
            table_head(out, &section.columns)?;
        }
        match &section.rows {
            Rows::Figures(rows) => {
                for r in rows {
                    let class = match r.direction {
                        Direction::Down => "num down",
                        Direction::Up => "num up",
                        Direction::Flat => "num",
                    };
                    writeln!(
                        out,
                        "<tr><th scope=\"row\" class=\"src\">{}</th><td>{}</td><td class=\"fig\">{}</td><td class=\"fig\">{}</td><td class=\"{class}\">{}</td><td class=\"{class}\">{}</td><td>{}</td>{}</tr>",
                        topic_text(r.topic, r.from),
                        esc(r.measure),
                        esc(&figure_words(r.old)),
                        esc(&figure_words(r.new)),
                        esc(r.delta.as_deref().unwrap_or("")),
                        esc(r.percent.as_deref().unwrap_or("")),
                        flag_badges(&r.flags),
                        reason_cell(r.reason),
                    )?;
                }
            }
            Rows::Renames(rows) => {
                for r in rows {
                    writeln!(
                        out,
                        "<tr><td>{}</td><th scope=\"row\">{}</th>{}</tr>",
                        esc(r.old),
                        esc(r.new),
                        reason_cell(r.reason)
                    )?;
                }
            }
            Rows::Rewordings(rows) => {
                for r in rows {
                    writeln!(out, "<article class=\"reword\">")?;
                    writeln!(out, "<h3>{}</h3>", esc(r.topic))?;
                    writeln!(out, "<div class=\"pair\">")?;
                    writeln!(
                        out,
                        "<div><h4>Old · {}</h4><p>{}</p></div>",
                        esc(old_label),
                        side(r, "delete", r.old_text)
                    )?;
                    writeln!(
                        out,
                        "<div><h4>New · {}</h4><p>{}</p></div>",
                        esc(new_label),
                        side(r, "insert", r.new_text)
                    )?;
                    writeln!(out, "</div>\n</article>")?;
                }
            }
            Rows::FigureList(_, rows) => {
                for r in rows {
                    writeln!(
                        out,
                        "<tr><th scope=\"row\" class=\"src\">{}</th><td>{}</td><td class=\"src\">{}</td><td>{}</td></tr>",
                        topic_text(r.topic, r.from),
                        esc(&r.figure.measure),
                        esc(&figure_words(r.figure)),
                        flag_badges(&r.flags)
                    )?;
                }
            }
            Rows::ClaimList(_, rows) => {
                writeln!(out, "<ul class=\"claims\">")?;
                for r in rows {
                    write!(
                        out,
                        "<li><strong>{}</strong> {}",
                        esc(r.topic),
                        flag_badges(&r.flags)
                    )?;
                    if let Some(text) = r.text {
                        write!(out, "<p>{}</p>", esc(text))?;
                    }
                    if !r.figures.is_empty() {
                        write!(out, "<ul>")?;
                        for f in r.figures {
                            write!(
                                out,
                                "<li>{} <span class=\"muted\">({})</span></li>",
                                esc(&figure_words(f)),
                                esc(&f.measure)
                            )?;
                        }
                        write!(out, "</ul>")?;
                    }
                    writeln!(out, "</li>")?;
                }
                writeln!(out, "</ul>")?;
            }
        }
        if !section.columns.is_empty() {
            table_end(out)?;
        }
        writeln!(out, "</section>")?;
    }

    if view.sections.is_empty() {
        writeln!(out, "<p>No changes.</p>")?;
    }
    flag_legend(out, &view.legend)?;
    page_end(out)
}

/// One side of a reworded claim: the equal words plus that side's own (`delete` → `<del>`,
/// `insert` → `<ins>`); the plain text when no word diff was recorded.
fn side(r: &RewordRow, own: &str, plain: &str) -> String {
    if r.words.is_empty() {
        return esc(plain);
    }
    let mut s = String::new();
    for (tag, run) in &r.runs {
        if *tag == "equal" {
            s.push_str(&esc(run));
        } else if *tag == own {
            let el = if own == "delete" { "del" } else { "ins" };
            let _ = write!(s, "<{el}>{}</{el}>", esc(run));
        }
    }
    s
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

    let name = format!("{} · {}", t.measure, t.topic);
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

    // Overview: one row per track, one column per edition.
    writeln!(out, "<section>\n<h2>Overview</h2>")?;
    table_head(out, &view.columns)?;
    for r in &view.rows {
        write!(
            out,
            "<tr><th scope=\"row\">{}</th>",
            esc(&format!("{} · {}", r.track.topic, r.track.measure))
        )?;
        for cell in r.cells() {
            match cell {
                Some(c) => write!(out, "<td class=\"num\">{}</td>", esc(&c))?,
                None => write!(out, "<td class=\"num absent\">—</td>")?,
            }
        }
        writeln!(
            out,
            "<td class=\"num\">{}</td><td>{}</td></tr>",
            net_html(r),
            flag_badges(&r.track.flags)
        )?;
    }
    table_end(out)?;
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
        writeln!(
            out,
            "<h3 id=\"track-{i}\">{} <span class=\"muted\">· {}</span></h3>",
            esc(&t.measure),
            esc(&t.topic)
        )?;
        let mut meta = String::new();
        if t.net.is_some() {
            let _ = write!(meta, "Net change {} ", net_html(r));
        }
        meta.push_str(&flag_badges(&t.flags));
        if t.topics.len() > 1 {
            let _ = write!(
                meta,
                " <span class=\"muted\">filed under {}</span>",
                esc(&t.topics.join(", "))
            );
        }
        if !meta.is_empty() {
            writeln!(out, "<p>{meta}</p>")?;
        }
        writeln!(out, "<div class=\"track-body\">")?;
        writeln!(out, "<figure>{}</figure>", chart(labels, t, i))?;
        // The source words get a column only when the track has any.
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
        for (label, v) in labels.iter().zip(&t.values) {
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
                let quote = v.as_ref().map(|f| f.quote.as_str()).unwrap_or("");
                write!(out, "<td class=\"src\">{}</td>", esc(quote))?;
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
