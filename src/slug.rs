//! The one way a download's name spells a customer or a draft: every file the app
//! writes (documents, plan JSON, draft files) names it through [`slug`], so one
//! customer gives one spelling (`contoso-renovation-sas`) whatever the file.

/// Lower-case ASCII letters and digits separated by single hyphens, accents folded
/// (`Contoso Rénovation SAS` → `contoso-renovation-sas`), at most 60 characters so
/// that the whole name stays well under file-system limits.
pub fn slug(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    for character in text.chars().flat_map(fold_accent) {
        if character.is_ascii_alphanumeric() {
            if pending_hyphen && !slug.is_empty() {
                slug.push('-');
            }
            pending_hyphen = false;
            slug.push(character.to_ascii_lowercase());
        } else {
            pending_hyphen = true;
        }
        if slug.len() >= 60 {
            break;
        }
    }
    slug.trim_end_matches('-').to_string()
}

/// The unaccented letters of a Latin letter (`é` → `e`, `æ` → `ae`, `ß` → `ss`);
/// any other character comes back as it is.
fn fold_accent(character: char) -> impl Iterator<Item = char> {
    let folded: &str = match character {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => "a",
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => "A",
        'ç' | 'ć' | 'č' => "c",
        'Ç' | 'Ć' | 'Č' => "C",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => "e",
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ę' | 'Ě' => "E",
        'ì' | 'í' | 'î' | 'ï' | 'ī' => "i",
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' => "I",
        'ñ' | 'ń' | 'ň' => "n",
        'Ñ' | 'Ń' | 'Ň' => "N",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => "o",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' => "O",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' => "u",
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' => "U",
        'ý' | 'ÿ' => "y",
        'Ý' | 'Ÿ' => "Y",
        'š' | 'ś' => "s",
        'Š' | 'Ś' => "S",
        'ž' | 'ź' | 'ż' => "z",
        'Ž' | 'Ź' | 'Ż' => "Z",
        'æ' => "ae",
        'Æ' => "AE",
        'œ' => "oe",
        'Œ' => "OE",
        'ß' => "ss",
        _ => "",
    };
    let own = folded.is_empty().then_some(character);
    folded.chars().chain(own)
}
