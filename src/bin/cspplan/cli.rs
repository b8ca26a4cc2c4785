//! The commands' options, each defined once (name, value, help text, what it
//! sets), so that the parser and `--help` cannot drift apart. `lexopt` splits
//! the arguments (`--as-of 2026-11-24`, `--as-of=2026-11-24`, `--` before a
//! file named like an option).
//!
//! Help and usage errors are in the language of `--lang` when it comes before
//! them, English otherwise.

use std::ffi::OsString;

use csp_planner::i18n::Lang;
use lexopt::Arg;

/// A text in English and French.
pub type Text = (&'static str, &'static str);

fn text(text: Text, lang: Lang) -> &'static str {
    lang.pick(text.0, text.1)
}

/// What an option takes, and what it does with it.
pub enum Takes<A> {
    /// A flag: no value.
    Flag(fn(&mut A)),
    /// A value, named in the help (`CC`, `YYYY-MM-DD`); the function says what
    /// is wrong with it, in the language given.
    Value(&'static str, fn(&mut A, &str, Lang) -> Result<(), String>),
}

pub struct Opt<A> {
    /// Without the leading `--`.
    pub long: &'static str,
    pub takes: Takes<A>,
    pub help: Text,
}

/// The arguments a command collects.
pub trait Arguments: Default {
    /// The language chosen so far (`--lang`), for help and messages.
    fn lang(&self) -> Lang;
    /// A file (an argument that is not an option).
    fn file(&mut self, path: String);
    /// What is missing once every argument is read (no file, say).
    fn missing(&self) -> Option<Text>;
}

pub struct Command<A: 'static> {
    pub name: &'static str,
    pub about: Text,
    pub options: &'static [Opt<A>],
}

/// What the command line asked for.
pub enum Parsed<A> {
    Run(A),
    /// `--help`: the text to print.
    Help(String),
}

impl<A: Arguments> Command<A> {
    /// `cspplan plan [OPTIONS] FILE...`
    pub fn usage(&self, lang: Lang) -> String {
        format!("cspplan {} [OPTIONS] {}", self.name, lang.pick("FILE...", "FICHIER..."))
    }

    fn usage_line(&self, lang: Lang) -> String {
        format!("{} {}", lang.pick("usage:", "utilisation :"), self.usage(lang))
    }

    /// The command's help: what it does, its usage and every option.
    pub fn help(&self, lang: Lang) -> String {
        let mut rows: Vec<(String, &str)> = self
            .options
            .iter()
            .map(|option| {
                let name = match option.takes {
                    Takes::Flag(_) => format!("--{}", option.long),
                    Takes::Value(value, _) => format!("--{} {value}", option.long),
                };
                (name, text(option.help, lang))
            })
            .collect();
        rows.push(("-h, --help".into(), lang.pick("print this help", "affiche cette aide")));
        let width = rows.iter().map(|(name, _)| name.chars().count()).max().unwrap_or_default();
        let mut out = format!(
            "cspplan {}: {}\n\n{}\n\n{}\n",
            self.name,
            text(self.about, lang),
            self.usage_line(lang),
            lang.pick("options:", "options :")
        );
        for (name, help) in rows {
            let padding = width - name.chars().count();
            out.push_str(&format!("  {name}{}  {help}\n", " ".repeat(padding)));
        }
        out
    }

    /// A usage error: what is wrong, then the usage line and where to find more.
    fn error(&self, lang: Lang, message: &str) -> String {
        let more = match lang {
            Lang::En => format!("`cspplan {} --help` lists the options", self.name),
            Lang::Fr => format!("`cspplan {} --help` liste les options", self.name),
        };
        format!("{message}\n{}\n{more}", self.usage_line(lang))
    }

    pub fn parse(&self, args: &[String]) -> Result<Parsed<A>, String> {
        let mut parser = lexopt::Parser::from_args(args.iter().map(OsString::from));
        let mut parsed = A::default();
        loop {
            let lang = parsed.lang();
            let arg = match parser.next() {
                Ok(Some(arg)) => arg,
                Ok(None) => break,
                Err(lexopt::Error::UnexpectedValue { option, .. }) => {
                    let message = match lang {
                        Lang::En => format!("{option} takes no value"),
                        Lang::Fr => format!("{option} ne prend pas de valeur"),
                    };
                    return Err(self.error(lang, &message));
                }
                Err(error) => return Err(self.error(lang, &error.to_string())),
            };
            let long = match arg {
                Arg::Short('h') | Arg::Long("help") => return Ok(Parsed::Help(self.help(lang))),
                Arg::Value(value) => {
                    parsed.file(value.to_string_lossy().into_owned());
                    continue;
                }
                Arg::Short(letter) => format!("-{letter}"),
                Arg::Long(name) => format!("--{name}"),
            };
            let Some(option) = self.options.iter().find(|option| format!("--{}", option.long) == long) else {
                let message = match lang {
                    Lang::En => format!("unknown option {long}"),
                    Lang::Fr => format!("option inconnue {long}"),
                };
                return Err(self.error(lang, &message));
            };
            match option.takes {
                Takes::Flag(set) => set(&mut parsed),
                Takes::Value(name, apply) => {
                    let value = parser.value().map_err(|_| {
                        let message = match lang {
                            Lang::En => format!("{long} needs a value ({name})"),
                            Lang::Fr => format!("{long} attend une valeur ({name})"),
                        };
                        self.error(lang, &message)
                    })?;
                    let value = value.to_string_lossy();
                    apply(&mut parsed, &value, lang).map_err(|message| format!("{long}: {message}"))?;
                }
            }
        }
        if let Some(missing) = parsed.missing() {
            return Err(self.error(parsed.lang(), text(missing, parsed.lang())));
        }
        Ok(Parsed::Run(parsed))
    }
}

/// `--lang en|fr`, shared by the commands.
pub fn parse_lang(tag: &str, lang: Lang) -> Result<Lang, String> {
    Lang::from_tag(tag).ok_or_else(|| match lang {
        Lang::En => format!("unknown language {tag:?}: use en or fr"),
        Lang::Fr => format!("langue inconnue {tag:?} : utilisez en ou fr"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Default)]
    struct Sample {
        lang: Lang,
        files: Vec<String>,
        flag: bool,
        value: Option<String>,
    }

    impl Arguments for Sample {
        fn lang(&self) -> Lang {
            self.lang
        }
        fn file(&mut self, path: String) {
            self.files.push(path);
        }
        fn missing(&self) -> Option<Text> {
            self.files.is_empty().then_some(("no file", "aucun fichier"))
        }
    }

    const SAMPLE: Command<Sample> = Command {
        name: "sample",
        about: ("does nothing", "ne fait rien"),
        options: &[
            Opt {
                long: "flag",
                takes: Takes::Flag(|sample| sample.flag = true),
                help: ("a flag", "un drapeau"),
            },
            Opt {
                long: "value",
                takes: Takes::Value("V", |sample, value, _| {
                    sample.value = Some(value.to_owned());
                    Ok(())
                }),
                help: ("a value", "une valeur"),
            },
            Opt {
                long: "lang",
                takes: Takes::Value("en|fr", |sample, tag, lang| {
                    sample.lang = parse_lang(tag, lang)?;
                    Ok(())
                }),
                help: ("the language", "la langue"),
            },
        ],
    };

    fn parse(args: &[&str]) -> Result<Parsed<Sample>, String> {
        SAMPLE.parse(&args.iter().map(|arg| arg.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn options_files_and_values_in_both_spellings() {
        let Ok(Parsed::Run(sample)) = parse(&["a.csv", "--flag", "--value=1", "--", "--b.csv"]) else {
            panic!("parsed")
        };
        assert_eq!(sample.files, ["a.csv", "--b.csv"]);
        assert!(sample.flag);
        assert_eq!(sample.value.as_deref(), Some("1"));
    }

    #[test]
    fn help_lists_every_option_in_the_language_chosen() {
        let Ok(Parsed::Help(help)) = parse(&["--lang", "fr", "--help"]) else { panic!("help") };
        assert!(help.contains("utilisation : cspplan sample [OPTIONS] FICHIER..."), "{help}");
        for line in ["--flag ", "--value V ", "--lang en|fr ", "-h, --help "] {
            assert!(help.contains(line), "{line} in {help}");
        }
        assert!(matches!(parse(&["-h"]), Ok(Parsed::Help(help)) if help.contains("a value")));
    }

    #[test]
    fn usage_errors_name_the_option_and_the_problem() {
        let error = |args: &[&str]| match parse(args) {
            Err(message) => message,
            Ok(_) => panic!("{args:?} is refused"),
        };
        assert!(error(&["a.csv", "--nope"]).starts_with("unknown option --nope\nusage: cspplan sample"));
        assert!(error(&["a.csv", "-x"]).starts_with("unknown option -x"));
        assert!(error(&["a.csv", "--value"]).starts_with("--value needs a value (V)"));
        assert!(error(&["a.csv", "--flag=1"]).starts_with("--flag takes no value"));
        assert!(error(&["a.csv", "--lang", "de"]).starts_with("--lang: unknown language \"de\""));
        assert!(error(&[]).starts_with("no file\n"));
        assert!(error(&["--lang", "fr"]).starts_with("aucun fichier\nutilisation :"));
    }
}
