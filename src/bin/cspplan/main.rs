//! `cspplan`: the planner's rules engine and importer on the command line.
//!
//! `cspplan plan` and `cspplan import`, each with `--help` (their options are
//! defined once, in `plan_cmd::COMMAND` and `import_cmd::COMMAND`).
//! Exit codes: 0 when the command did its work (a plan with blockers included),
//! 2 when an input cannot be read or the arguments are wrong (message on standard error).
//!
//! Native only (its argument parser is a native dependency): built for wasm32,
//! as `cargo build --target wasm32-unknown-unknown --bins` does, it is empty.

#![cfg_attr(target_arch = "wasm32", no_main)]
#![cfg(not(target_arch = "wasm32"))]

mod cli;
mod import_cmd;
mod plan_cmd;

use std::process::ExitCode;

use csp_planner::i18n::Lang;

use cli::Parsed;

/// The commands and how to get their help; in English, since no `--lang` was read yet.
fn usage() -> String {
    let lang = Lang::En;
    format!(
        "usage:\n  {}\n  {}\n`cspplan COMMAND --help` lists a command's options",
        plan_cmd::COMMAND.usage(lang),
        import_cmd::COMMAND.usage(lang)
    )
}

/// Parses a command's arguments and runs it, or prints its help.
fn run<A: cli::Arguments>(
    command: &cli::Command<A>,
    args: &[String],
    run: fn(A) -> Result<(), String>,
) -> Result<(), String> {
    match command.parse(args)? {
        Parsed::Run(arguments) => run(arguments),
        Parsed::Help(help) => {
            print!("{help}");
            Ok(())
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or_default();
    let result = match args.first().map(String::as_str) {
        Some("plan") => run(&plan_cmd::COMMAND, rest, plan_cmd::run),
        Some("import") => run(&import_cmd::COMMAND, rest, import_cmd::run),
        Some("help") if rest.first().is_some_and(|command| command == "plan") => {
            run(&plan_cmd::COMMAND, &["--help".to_string()], plan_cmd::run)
        }
        Some("help") if rest.first().is_some_and(|command| command == "import") => {
            run(&import_cmd::COMMAND, &["--help".to_string()], import_cmd::run)
        }
        Some("-h" | "--help" | "help") => {
            println!("{}", usage());
            Ok(())
        }
        Some(other) => Err(format!("unknown command {other:?}: expected plan or import\n{}", usage())),
        None => Err(format!("expected a command\n{}", usage())),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("cspplan: {message}");
            ExitCode::from(2)
        }
    }
}
