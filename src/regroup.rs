//! Regrouping series: `rename`, `merge` and `split`, atomic and crash-safe like `add`.
//!
//! Each operation is planned in full first (every file move, every revision renumbered, the new
//! `series.toml`), checked for conflicts while nothing has changed, and written down as a
//! journal (`<store>/.factdiff-regroup.json`) before the first file moves. Every step is
//! idempotent — a file is linked to its new name (never overwriting) before the old name is
//! removed — so a run killed at any moment is finished by the next command that opens the store
//! (under its lock): nothing is lost, nothing is stored twice, and the store ends as an
//! uninterrupted run leaves it.

use crate::claimset::ClaimSet;
use crate::error::{Error, Result};
use crate::index::{Index, Mode};
use crate::series::SERIES_CONFIG_FILE;
use crate::store::{
    check_name, edition_file_name, read_store_file, read_store_text, write_atomic_new, Store,
    StoredEdition,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The journal of a regrouping in progress.
pub const JOURNAL_FILE: &str = ".factdiff-regroup.json";

/// One file to move (paths relative to the store).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Move {
    /// From `series/file`.
    pub from: String,
    /// To `series/file`.
    pub to: String,
    /// For a claim set renumbered on the way: the revision its header gets (1 = none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<u32>,
    /// Copy rather than move (a `topics.toml` both halves of a split keep).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub copy: bool,
}

/// A planned regrouping, as written to the journal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// `rename`, `merge` or `split`.
    pub action: String,
    /// The series files leave.
    pub from: String,
    /// The series files go to.
    pub into: String,
    /// A whole-folder rename (`rename`), done in one step.
    #[serde(default)]
    pub rename_folder: bool,
    /// The file moves, in order.
    pub moves: Vec<Move>,
    /// Remove `from` once it is empty (`merge`).
    #[serde(default)]
    pub remove_from: bool,
    /// The new text of `series.toml` (none: left as it is; empty: removed).
    #[serde(default)]
    pub series_toml: Option<String>,
}

/// What a regrouping did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Regrouped {
    /// The plan carried out.
    pub plan: Plan,
    /// Claim sets moved.
    pub editions: usize,
    /// Claim sets that became another revision of their date: (old label, new label).
    pub renumbered: Vec<(String, String)>,
}

/// Finishes a regrouping a killed run left (the caller holds the store's lock). Does nothing
/// when there is none.
pub fn recover(store: &Store) -> Result<()> {
    let path = store.root().join(JOURNAL_FILE);
    let Some(bytes) = read_store_file(&path)? else {
        return Ok(());
    };
    let plan: Plan = serde_json::from_slice(&bytes).map_err(|e| Error::Invalid {
        path: path.clone(),
        message: format!(
            "unreadable regrouping journal ({e}); remove it after checking the series it names"
        ),
    })?;
    execute(store, &plan)
}

/// For commands that only read: when a regrouping was cut short, takes the lock and finishes
/// it (a live one is waited for), so that no half-moved series is ever read.
pub fn recover_if_needed(store: &Store) -> Result<()> {
    let path = store.root().join(JOURNAL_FILE);
    if std::fs::symlink_metadata(&path).is_err() {
        return Ok(());
    }
    let lock = store.lock()?;
    recover(store)?;
    lock.seal(store.root());
    Ok(())
}

/// Renames a series: its folder, and the pins that name it.
pub fn rename(store: &Store, old: &str, new: &str) -> Result<Regrouped> {
    let lock = open_locked(store)?;
    let mut index = Index::open(store, Mode::Write)?;
    check_name(old)?;
    check_name(new)?;
    need_series(store, &mut index, old)?;
    need_free(store, &index, new, old)?;
    let config = read_config(store)?;
    let series_toml = config
        .as_deref()
        .and_then(|text| edit_pins(text, |pins| rename_pins(pins, old, new)));
    let editions = index.editions(store, old).len();
    let plan = Plan {
        action: "rename".into(),
        from: old.into(),
        into: new.into(),
        rename_folder: true,
        moves: Vec::new(),
        remove_from: false,
        series_toml,
    };
    run(store, &plan)?;
    lock.seal(store.root());
    Ok(Regrouped {
        plan,
        editions,
        renumbered: Vec::new(),
    })
}

/// Merges series `from` into `into`: every edition keeps its date; an edition of a date `into`
/// already holds becomes its next revision; raw copies follow their claim sets; `from`'s pins
/// are sent to `into`, and a pin with `from`'s latest title as example keeps its later editions
/// joining `into`. Refuses (changing nothing) when the same pull is stored in both, when both
/// have different `topics.toml`, or when another file would be overwritten.
pub fn merge(store: &Store, from: &str, into: &str) -> Result<Regrouped> {
    let lock = open_locked(store)?;
    let mut index = Index::open(store, Mode::Write)?;
    check_name(from)?;
    check_name(into)?;
    let conflict = |reason: String| Error::RegroupConflict {
        action: "merge",
        from: from.into(),
        into: into.into(),
        reason,
    };
    if from == into {
        return Err(conflict("they are the same series".into()));
    }
    need_series(store, &mut index, from)?;
    need_series(store, &mut index, into)?;
    let from_editions: Vec<StoredEdition> = index
        .editions(store, from)
        .into_iter()
        .map(|(e, _)| e)
        .collect();
    let into_editions = index.editions(store, into);
    // The same pull in both: merging would store it twice.
    let into_digests: BTreeMap<&str, &StoredEdition> = into_editions
        .iter()
        .filter_map(|(e, entry)| entry.digest.as_deref().map(|d| (d, e)))
        .collect();
    for (e, entry) in index.editions(store, from) {
        if let Some(other) = entry.digest.as_deref().and_then(|d| into_digests.get(d)) {
            return Err(conflict(format!(
                "the same pull is stored in both ({} and {}); remove one copy first",
                e.path.display(),
                other.path.display()
            )));
        }
    }
    let mut taken: BTreeMap<NaiveDate, u32> = BTreeMap::new();
    for (e, _) in &into_editions {
        let r = taken.entry(e.date).or_default();
        *r = (*r).max(e.revision);
    }
    let from_files = folder_files(store, from)?;
    let into_files = folder_files(store, into)?;
    let mut moves = Vec::new();
    let mut renumbered = Vec::new();
    let mut claimed: BTreeSet<String> = BTreeSet::new();
    for e in &from_editions {
        let revision = match taken.get_mut(&e.date) {
            Some(r) => {
                *r += 1;
                *r
            }
            None => {
                taken.insert(e.date, 1);
                1
            }
        };
        let old_name = edition_file_name(e.date, e.revision);
        let new_name = edition_file_name(e.date, revision);
        if revision != e.revision {
            renumbered.push((
                format!("{from}/{}", e.label()),
                format!("{into}/{}", crate::store::edition_label(e.date, revision)),
            ));
        }
        moves.push(Move {
            from: format!("{from}/{old_name}"),
            to: format!("{into}/{new_name}"),
            revision: (revision != e.revision).then_some(revision),
            copy: false,
        });
        claimed.insert(old_name.clone());
        // Raw copies: `<stem>.<ext>` beside the claim set.
        let old_stem = old_name.trim_end_matches(".toml");
        let new_stem = new_name.trim_end_matches(".toml");
        for f in &from_files {
            if let Some(ext) = f.strip_prefix(old_stem).and_then(|r| r.strip_prefix('.')) {
                if ext != "toml" && !ext.contains('.') && !claimed.contains(f) {
                    claimed.insert(f.clone());
                    moves.push(Move {
                        from: format!("{from}/{f}"),
                        to: format!("{into}/{new_stem}.{ext}"),
                        revision: None,
                        copy: false,
                    });
                }
            }
        }
    }
    // Everything else in `from`: `topics.toml`, notes.
    for f in &from_files {
        if claimed.contains(f) {
            continue;
        }
        if into_files.contains(f) {
            let same = read_store_file(&store.series_dir(from).join(f))?
                == read_store_file(&store.series_dir(into).join(f))?;
            if !same {
                return Err(conflict(format!(
                    "both hold a different {f}; make them one (or remove one) first"
                )));
            }
            // The same file in both: `from`'s copy goes with the folder.
            moves.push(Move {
                from: format!("{from}/{f}"),
                to: String::new(),
                revision: None,
                copy: false,
            });
            continue;
        }
        moves.push(Move {
            from: format!("{from}/{f}"),
            to: format!("{into}/{f}"),
            revision: None,
            copy: false,
        });
    }
    // Targets must be free (a raw copy of another extension, say), and distinct.
    let mut targets: BTreeSet<&str> = BTreeSet::new();
    for m in &moves {
        if m.to.is_empty() {
            continue;
        }
        let name = m.to.split_once('/').map_or("", |(_, f)| f);
        if into_files.contains(name) || !targets.insert(m.to.as_str()) {
            return Err(conflict(format!(
                "{} would be written twice or exists already; move or remove it first",
                store.root().join(&m.to).display()
            )));
        }
    }
    let from_title = index.latest_title(from);
    let config = read_config(store)?;
    let series_toml = edit_pins(config.as_deref().unwrap_or(""), |pins| {
        let mut changed = rename_pins(pins, from, into);
        if let Some(title) = &from_title {
            changed |= add_like(pins, into, title);
        }
        changed
    });
    let plan = Plan {
        action: "merge".into(),
        from: from.into(),
        into: into.into(),
        rename_folder: false,
        moves,
        remove_from: true,
        series_toml,
    };
    run(store, &plan)?;
    lock.seal(store.root());
    Ok(Regrouped {
        plan,
        editions: from_editions.len(),
        renumbered,
    })
}

/// Which editions a split moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SplitAt {
    /// Those dated on or after the date.
    From(NaiveDate),
    /// Those dated before the date.
    Before(NaiveDate),
}

impl SplitAt {
    fn moves(self, date: NaiveDate) -> bool {
        match self {
            SplitAt::From(at) => date >= at,
            SplitAt::Before(at) => date < at,
        }
    }

    fn describe(self) -> String {
        match self {
            SplitAt::From(at) => format!("dated {at} or later"),
            SplitAt::Before(at) => format!("dated before {at}"),
        }
    }
}

/// Splits the editions of `series` dated on or after (or before) a date into a new series
/// `new` (every revision of a date goes together, names unchanged); raw copies follow, and
/// `topics.toml` is copied. Example titles of pins for `series` that name a moved edition's
/// title are dropped. `merge A B` then `split B --before D A` (D: the first date of B's own
/// editions, when all of A's are older) gives the store back as it was.
pub fn split(store: &Store, series: &str, at: SplitAt, new: &str) -> Result<Regrouped> {
    let lock = open_locked(store)?;
    let mut index = Index::open(store, Mode::Write)?;
    check_name(series)?;
    check_name(new)?;
    let conflict = |reason: String| Error::RegroupConflict {
        action: "split",
        from: series.into(),
        into: new.into(),
        reason,
    };
    need_series(store, &mut index, series)?;
    need_free(store, &index, new, series)?;
    let editions = index.editions(store, series);
    let moving: Vec<&StoredEdition> = editions
        .iter()
        .filter(|(e, _)| at.moves(e.date))
        .map(|(e, _)| e)
        .collect();
    if moving.is_empty() {
        return Err(conflict(format!("no edition is {}", at.describe())));
    }
    if moving.len() == editions.len() {
        return Err(conflict(format!(
            "every edition is {}; use `series rename` for that",
            at.describe()
        )));
    }
    let moved_titles: BTreeSet<String> = editions
        .iter()
        .filter(|(e, _)| at.moves(e.date))
        .map(|(_, entry)| entry.title.clone())
        .collect();
    let files = folder_files(store, series)?;
    let mut moves = Vec::new();
    for e in &moving {
        let name = edition_file_name(e.date, e.revision);
        let stem = name.trim_end_matches(".toml").to_string();
        for f in &files {
            let is_copy = f == &name
                || f.strip_prefix(&stem)
                    .and_then(|r| r.strip_prefix('.'))
                    .is_some_and(|ext| ext != "toml" && !ext.contains('.'));
            if is_copy {
                moves.push(Move {
                    from: format!("{series}/{f}"),
                    to: format!("{new}/{f}"),
                    revision: None,
                    copy: false,
                });
            }
        }
    }
    if files.iter().any(|f| f == "topics.toml") {
        moves.push(Move {
            from: format!("{series}/topics.toml"),
            to: format!("{new}/topics.toml"),
            revision: None,
            copy: true,
        });
    }
    let config = read_config(store)?;
    let series_toml = config
        .as_deref()
        .and_then(|text| edit_pins(text, |pins| drop_likes(pins, series, &moved_titles)));
    let plan = Plan {
        action: "split".into(),
        from: series.into(),
        into: new.into(),
        rename_folder: false,
        moves,
        remove_from: false,
        series_toml,
    };
    run(store, &plan)?;
    lock.seal(store.root());
    Ok(Regrouped {
        plan,
        editions: moving.len(),
        renumbered: Vec::new(),
    })
}

/// The store must exist; takes its lock and finishes a regrouping left half-done.
fn open_locked(store: &Store) -> Result<crate::store::StoreLock> {
    if !store.root().is_dir() {
        return Err(Error::NoStore {
            root: store.root().to_path_buf(),
        });
    }
    let lock = store.lock()?;
    recover(store)?;
    Ok(lock)
}

fn need_series(store: &Store, index: &mut Index, name: &str) -> Result<()> {
    index.resolve(store, Some(name), None).map(|_| ())
}

/// `name` must be free for a new series: no entry of that name (in any letter case).
fn need_free(store: &Store, index: &Index, name: &str, from: &str) -> Result<()> {
    if let Some(existing) = index.name_in_root(name) {
        if existing == from && name != from {
            // Only the letter case changes: a two-step rename would be needed on macOS and
            // Windows; refuse plainly.
            return Err(Error::SeriesNameClash {
                name: name.into(),
                existing: existing.into(),
            });
        }
        return Err(Error::SeriesExists {
            root: store.root().to_path_buf(),
            name: name.into(),
        });
    }
    if std::fs::symlink_metadata(store.series_dir(name)).is_ok() {
        return Err(Error::SeriesExists {
            root: store.root().to_path_buf(),
            name: name.into(),
        });
    }
    Ok(())
}

/// The visible files of a series folder (not temporaries, not links).
fn folder_files(store: &Store, series: &str) -> Result<BTreeSet<String>> {
    let dir = store.series_dir(series);
    let mut out = BTreeSet::new();
    for entry in std::fs::read_dir(&dir).map_err(|e| Error::io(&dir, e))? {
        let entry = entry.map_err(|e| Error::io(&dir, e))?;
        let Some(name) = entry.file_name().to_str().map(str::to_string) else {
            continue;
        };
        if name.starts_with('.') {
            continue;
        }
        let kind = entry.file_type().map_err(|e| Error::io(entry.path(), e))?;
        if kind.is_file() {
            out.insert(name);
        } else {
            return Err(Error::RegroupConflict {
                action: "move",
                from: series.into(),
                into: series.into(),
                reason: format!(
                    "{} is not a regular file; move it out of the series folder first",
                    entry.path().display()
                ),
            });
        }
    }
    Ok(out)
}

fn read_config(store: &Store) -> Result<Option<String>> {
    let path = store.root().join(SERIES_CONFIG_FILE);
    let text = read_store_text(&path)?;
    if let Some(t) = &text {
        // Refuse to edit a file that does not parse: the error names the line.
        crate::series::SeriesConfig::parse(t, &path)?;
    }
    Ok(text)
}

/// Applies `edit` to the pins of a `series.toml` text; the new text when anything changed
/// (empty when no pin is left and nothing else was in the file).
fn edit_pins(
    text: &str,
    edit: impl FnOnce(&mut toml_edit::ArrayOfTables) -> bool,
) -> Option<String> {
    let mut doc: toml_edit::DocumentMut = text.parse().ok()?;
    let mut pins = doc
        .remove("pin")
        .and_then(|item| item.into_array_of_tables().ok())
        .unwrap_or_default();
    if !edit(&mut pins) {
        return None;
    }
    if !pins.is_empty() {
        doc.insert("pin", toml_edit::Item::ArrayOfTables(pins));
    }
    let out = doc.to_string();
    Some(if out.trim().is_empty() {
        String::new()
    } else {
        out
    })
}

fn pin_series(pin: &toml_edit::Table) -> Option<&str> {
    pin.get("series").and_then(|v| v.as_str())
}

fn rename_pins(pins: &mut toml_edit::ArrayOfTables, from: &str, into: &str) -> bool {
    let mut changed = false;
    for pin in pins.iter_mut() {
        if pin_series(pin) != Some(from) {
            continue;
        }
        if let Some(value) = pin.get_mut("series").and_then(|i| i.as_value_mut()) {
            // The comments and spacing around the value stay.
            let decor = value.decor().clone();
            *value = toml_edit::Value::from(into);
            *value.decor_mut() = decor;
            changed = true;
        }
    }
    changed
}

fn add_like(pins: &mut toml_edit::ArrayOfTables, series: &str, title: &str) -> bool {
    let already = pins.iter().any(|p| {
        pin_series(p) == Some(series)
            && p.get("like")
                .and_then(|l| l.as_array())
                .is_some_and(|a| a.iter().any(|v| v.as_str() == Some(title)))
    });
    if already {
        return false;
    }
    let mut pin = toml_edit::Table::new();
    pin["series"] = toml_edit::value(series);
    let mut like = toml_edit::Array::new();
    like.push(title);
    pin["like"] = toml_edit::value(like);
    pins.push(pin);
    true
}

fn drop_likes(
    pins: &mut toml_edit::ArrayOfTables,
    series: &str,
    titles: &BTreeSet<String>,
) -> bool {
    let mut changed = false;
    let mut empty = Vec::new();
    for (i, pin) in pins.iter_mut().enumerate() {
        if pin_series(pin) != Some(series) {
            continue;
        }
        if let Some(like) = pin.get_mut("like").and_then(|l| l.as_array_mut()) {
            let before = like.len();
            like.retain(|v| !v.as_str().is_some_and(|t| titles.contains(t)));
            if like.len() != before {
                changed = true;
                let no_titles = pin
                    .get("titles")
                    .and_then(|t| t.as_array())
                    .is_none_or(|a| a.is_empty());
                let no_like = pin
                    .get("like")
                    .and_then(|l| l.as_array())
                    .is_none_or(|a| a.is_empty());
                if no_titles && no_like {
                    empty.push(i);
                }
            }
        }
    }
    for i in empty.into_iter().rev() {
        pins.remove(i);
    }
    changed
}

/// Writes the journal, carries the plan out, and removes the journal.
fn run(store: &Store, plan: &Plan) -> Result<()> {
    let json = serde_json::to_vec(plan).map_err(|e| Error::Invalid {
        path: store.root().join(JOURNAL_FILE),
        message: e.to_string(),
    })?;
    store.replace_root_file(JOURNAL_FILE, |w| w.write_all(&json))?;
    execute(store, plan)
}

/// Carries a plan out; every step can run again after a kill.
fn execute(store: &Store, plan: &Plan) -> Result<()> {
    let root = store.root();
    if plan.rename_folder {
        let from = store.series_dir(&plan.from);
        let into = store.series_dir(&plan.into);
        let from_there = std::fs::symlink_metadata(&from).is_ok_and(|m| m.is_dir());
        let into_there = std::fs::symlink_metadata(&into).is_ok();
        if from_there && !into_there {
            std::fs::rename(&from, &into).map_err(|e| Error::io(&from, e))?;
        }
    }
    for m in &plan.moves {
        let from = root.join(&m.from);
        if m.to.is_empty() {
            remove_if_there(&from)?;
            continue;
        }
        let to = root.join(&m.to);
        ensure_folder(store, &m.to)?;
        let to_there = std::fs::symlink_metadata(&to).is_ok();
        if !to_there {
            let Some(bytes) = read_store_file(&from)? else {
                // Neither here nor there: moved and removed before (never both missing
                // otherwise: the old name goes only once the new one holds the file).
                continue;
            };
            let bytes = match m.revision {
                Some(revision) => renumber(&from, &bytes, revision)?,
                None => bytes,
            };
            match write_atomic_new(&to, &bytes, store.syncs()) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(Error::io(&to, e)),
            }
        }
        if !m.copy {
            remove_if_there(&from)?;
        }
    }
    if plan.remove_from {
        let dir = store.series_dir(&plan.from);
        if std::fs::symlink_metadata(&dir).is_ok() {
            // Only temporaries can be left in it.
            for entry in std::fs::read_dir(&dir)
                .map_err(|e| Error::io(&dir, e))?
                .flatten()
            {
                let name = entry.file_name();
                if name.to_string_lossy().ends_with(crate::store::TEMP_SUFFIX) {
                    let _ = crate::store::remove_temporary(&entry.path());
                }
            }
            std::fs::remove_dir(&dir).map_err(|e| Error::io(&dir, e))?;
        }
    }
    if let Some(text) = &plan.series_toml {
        if text.is_empty() {
            remove_if_there(&root.join(SERIES_CONFIG_FILE))?;
        } else {
            store.replace_root_file(SERIES_CONFIG_FILE, |w| w.write_all(text.as_bytes()))?;
        }
    }
    // The index learns of the moves (the folders are listed again), then the journal goes.
    let mut index = Index::open(store, Mode::Write)?;
    index.reconcile(store, &plan.from)?;
    index.reconcile(store, &plan.into)?;
    index.save(store)?;
    remove_if_there(&root.join(JOURNAL_FILE))
}

/// A moved claim set's new text: its header's revision set to the new one.
fn renumber(path: &Path, bytes: &[u8], revision: u32) -> Result<Vec<u8>> {
    let text = std::str::from_utf8(bytes).map_err(|e| Error::Encoding {
        path: path.to_path_buf(),
        offset: e.valid_up_to(),
    })?;
    let mut set = ClaimSet::from_toml(text, path)?;
    set.edition.revision = (revision > 1).then_some(revision);
    Ok(set.to_toml().into_bytes())
}

/// Creates the series folder of `rel` (`series/file`) when missing (a split's new series).
fn ensure_folder(store: &Store, rel: &str) -> Result<()> {
    let Some((series, _)) = rel.split_once('/') else {
        return Ok(());
    };
    let dir = store.series_dir(series);
    match std::fs::symlink_metadata(&dir) {
        Ok(_) => crate::store::check_real_dir(&dir),
        Err(_) => std::fs::create_dir(&dir).map_err(|e| Error::io(&dir, e)),
    }
}

fn remove_if_there(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io(path, e)),
    }
}
