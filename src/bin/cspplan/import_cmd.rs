//! `cspplan import` (being written)

pub fn run(_args: &[String]) -> Result<(), String> {
    Err("not available yet".into())
}
