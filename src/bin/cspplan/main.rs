//! `cspplan`: the planner's rules engine and importer on the command line.
//!
//! ```text
//! cspplan plan FILE... [--partner-country CC] [--customer-country CC] [--as-of YYYY-MM-DD] [--lang en|fr] [--format json|md]
//! cspplan import FILE... [--format json]
//! ```
//! Exit codes: 0 when the command did its work (a plan with blockers included),
//! 2 when an input cannot be read or the arguments are wrong (message on standard error).

mod import_cmd;
mod plan_cmd;

use std::process::ExitCode;

const USAGE: &str = "usage:
  cspplan plan FILE... [--partner-country CC] [--customer-country CC] [--as-of YYYY-MM-DD] [--lang en|fr] [--format json|md]
  cspplan import FILE... [--format json]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("plan") => plan_cmd::run(&args[1..]),
        Some("import") => import_cmd::run(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(format!("expected a command\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("cspplan: {message}");
            ExitCode::from(2)
        }
    }
}
