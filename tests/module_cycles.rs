//! No module of `src/` may depend, directly or through its siblings, on a sibling that
//! depends on it (issue 12, point 5): a cycle means neither module can be read,
//! tested or moved alone. This test reads every file of the library crate, resolves
//! the `crate::`, `super::` and `self::` paths it names (in `use` items and in code,
//! through `pub use` re-exports), and reports each cycle between siblings with the
//! places that make it.

#![allow(clippy::panic, reason = "a helper that cannot read the tree fails the test")]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Edges `(from, to)` tolerated despite closing a cycle: none. Keep it empty; a cycle
/// is broken by moving what both sides need below them.
const ALLOWED_EDGES: &[(&str, &str)] = &[];

#[test]
fn no_module_depends_on_itself_through_its_siblings() {
    let crate_modules = read_crate(Path::new(env!("CARGO_MANIFEST_DIR")).join("src").as_path());
    let cycles = sibling_cycles(&crate_modules);
    assert!(cycles.is_empty(), "module cycles in src/:\n{}", cycles.join("\n"));
}

/// A module path from the crate root, `["plan", "line"]`.
type ModPath = Vec<String>;

struct Reference {
    /// The innermost module the path is written in (a file's module or an inline `mod`).
    from: ModPath,
    path: ModPath,
    place: String,
}

#[derive(Default)]
struct CrateModules {
    /// Every module that is a file (or a `mod.rs`) and every inline `mod name { .. }`.
    modules: BTreeSet<ModPath>,
    /// The inline ones among them: they count as part of the file they are written in.
    inline: BTreeSet<ModPath>,
    /// Per module, the names it re-exports (`pub use a::b as c`) and what they stand for.
    exports: BTreeMap<ModPath, BTreeMap<String, ModPath>>,
    references: Vec<Reference>,
}

fn read_crate(src: &Path) -> CrateModules {
    let mut files = Vec::new();
    collect_rs_files(src, &mut files);
    let mut crate_modules = CrateModules::default();
    for file in files {
        let relative = file.strip_prefix(src).unwrap_or(&file).to_string_lossy().replace('\\', "/");
        // The binaries are crates of their own: they see the library only as `csp_planner`.
        if relative == "main.rs" || relative.starts_with("bin/") {
            continue;
        }
        let module = file_module(&relative);
        let text = fs::read_to_string(&file).unwrap_or_else(|error| panic!("{relative}: {error}"));
        read_file(&relative, &module, &strip_comments_and_literals(&text), &mut crate_modules);
    }
    crate_modules
}

fn collect_rs_files(dir: &Path, files: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .map(|entry| entry.map(|entry| entry.path()).unwrap_or_else(|error| panic!("{error}")))
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect_rs_files(&path, files);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
}

/// `plan/mod.rs` -> `plan`, `plan/line.rs` -> `plan::line`, `lib.rs` -> the root.
fn file_module(relative: &str) -> ModPath {
    let without_ext = relative.trim_end_matches(".rs");
    let mut parts: ModPath = without_ext.split('/').map(str::to_string).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

/// The text with comments, string and character literals blanked out (newlines
/// kept, so line numbers stay right): paths in doc links or messages are not
/// dependencies.
fn strip_comments_and_literals(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && !is_ident_char(prev(&chars, i)) {
            // A raw string r"..." or r#"..."#.
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                match chars.get(j) {
                    None => break,
                    Some('"') if (1..=hashes).all(|k| chars.get(j + k) == Some(&'#')) => {
                        j += 1 + hashes;
                        break;
                    }
                    Some(_) => j += 1,
                }
            }
            for &skipped in &chars[i..j.min(chars.len())] {
                out.push(blank(skipped));
            }
            i = j;
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if i < chars.len() {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' {
            // A char literal ('x', '\n', '\u{1F}') but not a lifetime ('a).
            let end = if next == Some('\\') {
                (i + 2..chars.len()).find(|&j| chars[j] == '\'')
            } else if chars.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            match end {
                Some(end) => {
                    for _ in i..=end {
                        out.push(' ');
                    }
                    i = end + 1;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn prev(chars: &[char], i: usize) -> char {
    if i == 0 {
        ' '
    } else {
        chars[i - 1]
    }
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Ident(String),
    PathSep,
    Punct(char),
}

fn tokenize(text: &str) -> Vec<(Token, usize)> {
    let mut tokens = Vec::new();
    let mut line = 1;
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c.is_whitespace() {
            i += 1;
        } else if is_ident_char(c) {
            let start = i;
            while i < chars.len() && is_ident_char(chars[i]) {
                i += 1;
            }
            tokens.push((Token::Ident(chars[start..i].iter().collect()), line));
        } else if c == ':' && chars.get(i + 1) == Some(&':') {
            tokens.push((Token::PathSep, line));
            i += 2;
        } else {
            tokens.push((Token::Punct(c), line));
            i += 1;
        }
    }
    tokens
}

fn read_file(relative: &str, file_module: &ModPath, text: &str, crate_modules: &mut CrateModules) {
    crate_modules.modules.insert(file_module.clone());
    let tokens = tokenize(text);
    // Inline modules: (module path, brace depth at which its body opened).
    let mut scopes: Vec<(ModPath, usize)> = vec![(file_module.clone(), 0)];
    let mut depth = 0;
    let mut i = 0;
    while i < tokens.len() {
        let current = scopes.last().map(|(module, _)| module.clone()).unwrap_or_default();
        match &tokens[i].0 {
            Token::Punct('{') => depth += 1,
            Token::Punct('}') => {
                if scopes.len() > 1 && scopes.last().is_some_and(|(_, opened)| *opened == depth) {
                    scopes.pop();
                }
                depth -= 1;
            }
            Token::Ident(word) if word == "mod" => {
                if let (Some((Token::Ident(name), _)), Some((next, _))) =
                    (tokens.get(i + 1), tokens.get(i + 2))
                {
                    let mut child = current.clone();
                    child.push(name.clone());
                    crate_modules.modules.insert(child.clone());
                    if *next == Token::Punct('{') {
                        depth += 1;
                        crate_modules.inline.insert(child.clone());
                        scopes.push((child, depth));
                        i += 3;
                        continue;
                    }
                }
            }
            Token::Ident(word) if word == "use" => {
                let public = i > 0 && is_visibility(&tokens, i);
                let end =
                    (i..tokens.len()).find(|&j| tokens[j].0 == Token::Punct(';')).unwrap_or(tokens.len());
                let mut leaves = Vec::new();
                expand_use_tree(&tokens[i + 1..end], Vec::new(), &mut leaves);
                for (path, alias) in leaves {
                    let line = tokens[i].1;
                    let Some(absolute) = resolve(&current, &path, &crate_modules.modules) else {
                        continue;
                    };
                    if public && alias != "*" && alias != "self" {
                        crate_modules
                            .exports
                            .entry(current.clone())
                            .or_default()
                            .insert(alias, absolute.clone());
                    }
                    crate_modules.references.push(Reference {
                        from: current.clone(),
                        path: absolute,
                        place: format!("src/{relative}:{line}"),
                    });
                }
                i = end + 1;
                continue;
            }
            Token::Ident(word) if matches!(word.as_str(), "crate" | "super" | "self") => {
                let after_sep = i > 0 && tokens[i - 1].0 == Token::PathSep;
                if !after_sep && tokens.get(i + 1).map(|t| &t.0) == Some(&Token::PathSep) {
                    let mut path = Vec::new();
                    let mut j = i;
                    while let Some((Token::Ident(segment), _)) = tokens.get(j) {
                        path.push(segment.clone());
                        if tokens.get(j + 1).map(|t| &t.0) != Some(&Token::PathSep) {
                            break;
                        }
                        j += 2;
                    }
                    if let Some(absolute) = resolve(&current, &path, &crate_modules.modules) {
                        crate_modules.references.push(Reference {
                            from: current.clone(),
                            path: absolute,
                            place: format!("src/{relative}:{}", tokens[i].1),
                        });
                    }
                    i = j + 1;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
}

/// Whether the `use` at `i` is preceded by `pub` or `pub(..)`.
fn is_visibility(tokens: &[(Token, usize)], i: usize) -> bool {
    match &tokens[i - 1].0 {
        Token::Ident(word) => word == "pub",
        Token::Punct(')') => {
            let open = (0..i).rev().find(|&j| tokens[j].0 == Token::Punct('('));
            open.is_some_and(|open| open > 0 && tokens[open - 1].0 == Token::Ident("pub".into()))
        }
        _ => false,
    }
}

/// `a::{b, c::{d as e}}` -> `[(a::b, b), (a::c::d, e)]`.
fn expand_use_tree(tokens: &[(Token, usize)], prefix: Vec<String>, leaves: &mut Vec<(Vec<String>, String)>) {
    let mut path = prefix;
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i].0 {
            Token::Ident(word) if word == "as" => {
                if let Some((Token::Ident(alias), _)) = tokens.get(i + 1) {
                    leaves.push((path.clone(), alias.clone()));
                }
                return;
            }
            Token::Ident(segment) => path.push(segment.clone()),
            Token::Punct('*') => {
                leaves.push((path.clone(), "*".into()));
                return;
            }
            Token::Punct('{') => {
                let mut depth = 0;
                let mut start = i + 1;
                for j in i..tokens.len() {
                    match tokens[j].0 {
                        Token::Punct('{') => depth += 1,
                        Token::Punct('}') => {
                            depth -= 1;
                            if depth == 0 {
                                expand_use_tree(&tokens[start..j], path.clone(), leaves);
                                return;
                            }
                        }
                        Token::Punct(',') if depth == 1 => {
                            expand_use_tree(&tokens[start..j], path.clone(), leaves);
                            start = j + 1;
                        }
                        _ => {}
                    }
                }
                return;
            }
            _ => {}
        }
        i += 1;
    }
    if let Some(last) = path.last().cloned() {
        if last == "self" {
            path.pop();
        }
        leaves.push((path, last));
    }
}

/// The absolute form of a path written in `current`, or `None` for a path outside
/// the crate (`std::..`, `serde::..`).
fn resolve(current: &ModPath, path: &[String], modules: &BTreeSet<ModPath>) -> Option<ModPath> {
    let mut absolute = current.clone();
    let mut rest = path;
    match rest.first().map(String::as_str) {
        Some("crate") => {
            absolute.clear();
            rest = &rest[1..];
        }
        Some("super" | "self") => {
            while let Some(first) = rest.first() {
                match first.as_str() {
                    "super" => {
                        absolute.pop();
                    }
                    "self" => {}
                    _ => break,
                }
                rest = &rest[1..];
            }
        }
        // Edition 2018 paths: a child module of the current one, named bare.
        Some(first) => {
            let mut child = current.clone();
            child.push(first.to_string());
            let child_is_file = modules.contains(&child);
            if !child_is_file {
                return None;
            }
        }
        None => return None,
    }
    absolute.extend(rest.iter().cloned());
    Some(absolute)
}

/// The module a path ends up in: the longest prefix that is a module, following
/// re-exports (`crate::plan::PlanLine` where `plan` has `pub use line::PlanLine`).
fn target_module(path: &ModPath, crate_modules: &CrateModules, hops: usize) -> ModPath {
    let mut module: ModPath = Vec::new();
    for (index, segment) in path.iter().enumerate() {
        let mut candidate = module.clone();
        candidate.push(segment.clone());
        if crate_modules.modules.contains(&candidate) {
            module = candidate;
            continue;
        }
        let reexported = crate_modules.exports.get(&module).and_then(|names| names.get(segment));
        if let Some(target) = reexported.filter(|_| hops < 8) {
            let mut followed = target.clone();
            followed.extend(path[index + 1..].iter().cloned());
            return target_module(&followed, crate_modules, hops + 1);
        }
        break;
    }
    module
}

fn sibling_cycles(crate_modules: &CrateModules) -> Vec<String> {
    // Per parent module: edges between its children, with the places that make them.
    let mut edges: BTreeMap<(ModPath, ModPath), Vec<String>> = BTreeMap::new();
    for reference in &crate_modules.references {
        let mut from = reference.from.clone();
        while crate_modules.inline.contains(&from) {
            from.pop();
        }
        let to = target_module(&reference.path, crate_modules, 0);
        let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
        if common == from.len() || common == to.len() {
            continue; // the same module, a parent or a child
        }
        let edge = (from[..=common].to_vec(), to[..=common].to_vec());
        let places = edges.entry(edge).or_default();
        if !places.contains(&reference.place) {
            places.push(reference.place.clone());
        }
    }
    let allowed = |from: &ModPath, to: &ModPath| {
        ALLOWED_EDGES.iter().any(|(a, b)| from.join("::") == *a && to.join("::") == *b)
    };
    let graph: BTreeMap<ModPath, BTreeSet<ModPath>> = edges
        .keys()
        .filter(|(from, to)| !allowed(from, to))
        .fold(BTreeMap::new(), |mut graph, (from, to)| {
            graph.entry(from.clone()).or_default().insert(to.clone());
            graph
        });
    let mut reports = Vec::new();
    for component in strongly_connected(&graph) {
        if component.len() < 2 {
            continue;
        }
        let names: Vec<String> = component.iter().map(|module| module.join("::")).collect();
        let mut report = format!("cycle between {}:", names.join(", "));
        for from in &component {
            for to in graph.get(from).into_iter().flatten().filter(|to| component.contains(to)) {
                let places = &edges[&(from.clone(), to.clone())];
                report.push_str(&format!(
                    "\n  {} -> {} ({})",
                    from.join("::"),
                    to.join("::"),
                    places.join(", ")
                ));
            }
        }
        reports.push(report);
    }
    reports
}

/// Tarjan's algorithm: the strongly connected components of the graph.
fn strongly_connected(graph: &BTreeMap<ModPath, BTreeSet<ModPath>>) -> Vec<Vec<ModPath>> {
    struct State<'a> {
        graph: &'a BTreeMap<ModPath, BTreeSet<ModPath>>,
        index: BTreeMap<ModPath, usize>,
        low: BTreeMap<ModPath, usize>,
        stack: Vec<ModPath>,
        on_stack: BTreeSet<ModPath>,
        components: Vec<Vec<ModPath>>,
    }
    fn visit(state: &mut State, node: &ModPath) {
        let next = state.index.len();
        state.index.insert(node.clone(), next);
        state.low.insert(node.clone(), next);
        state.stack.push(node.clone());
        state.on_stack.insert(node.clone());
        for to in state.graph.get(node).into_iter().flatten() {
            if !state.index.contains_key(to) {
                visit(state, to);
                let low = state.low[node].min(state.low[to]);
                state.low.insert(node.clone(), low);
            } else if state.on_stack.contains(to) {
                let low = state.low[node].min(state.index[to]);
                state.low.insert(node.clone(), low);
            }
        }
        if state.low[node] == state.index[node] {
            let mut component = Vec::new();
            while let Some(member) = state.stack.pop() {
                state.on_stack.remove(&member);
                let done = member == *node;
                component.push(member);
                if done {
                    break;
                }
            }
            component.sort();
            state.components.push(component);
        }
    }
    let mut state = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        components: Vec::new(),
    };
    let nodes: Vec<&ModPath> = graph.keys().collect();
    for node in nodes {
        if !state.index.contains_key(node) {
            visit(&mut state, node);
        }
    }
    state.components
}
