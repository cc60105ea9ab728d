//! Unicode normalization: NFC (X counts a post's length on its NFC form) and NFKC of single
//! chars (folding for dictionaries and duplicate detection).
//!
//! With the default `unicode-tables` feature the `unicode-normalization` crate's tables do the
//! work. Without it (the WebAssembly build for browsers, where those tables would be a quarter
//! of the download) the host's normalizer does, installed once with [`set_host_normalizer`]:
//! JavaScript has `String.prototype.normalize`. Either way the results are the same.

use std::borrow::Cow;

/// A Unicode normalization form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Canonical composition.
    Nfc,
    /// Compatibility composition.
    Nfkc,
}

/// `text` in NFC (borrowed when it already is).
pub fn nfc(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    imp::nfc(text)
}

/// Calls `each(ch, folded)` for each char of `text` with the chars of NFKC applied to that char
/// alone, in order. ASCII chars are passed through as they are.
pub fn nfkc_each_char(text: &str, mut each: impl FnMut(char, &mut dyn Iterator<Item = char>)) {
    if text.is_ascii() {
        for ch in text.chars() {
            each(ch, &mut std::iter::once(ch));
        }
        return;
    }
    imp::nfkc_each_char(text, &mut each);
}

#[cfg(feature = "unicode-tables")]
mod imp {
    use std::borrow::Cow;

    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick, is_nfkc_quick};

    pub fn nfc(text: &str) -> Cow<'_, str> {
        if is_nfc_quick(text.chars()) == IsNormalized::Yes {
            Cow::Borrowed(text)
        } else {
            Cow::Owned(text.nfc().collect())
        }
    }

    pub fn nfkc_each_char(text: &str, each: &mut dyn FnMut(char, &mut dyn Iterator<Item = char>)) {
        for ch in text.chars() {
            if ch.is_ascii() || is_nfkc_quick(std::iter::once(ch)) == IsNormalized::Yes {
                each(ch, &mut std::iter::once(ch));
            } else {
                each(ch, &mut std::iter::once(ch).nfkc());
            }
        }
    }
}

#[cfg(not(feature = "unicode-tables"))]
mod imp {
    use std::borrow::Cow;
    use std::sync::OnceLock;

    use super::Form;

    /// The host's normalizer.
    pub static HOST: OnceLock<fn(&str, Form) -> String> = OnceLock::new();

    fn normalize(text: &str, form: Form) -> String {
        if let Some(host) = HOST.get() {
            return host(text, form);
        }
        // The crate's own tests stand in for a host with the tables.
        #[cfg(test)]
        {
            use unicode_normalization::UnicodeNormalization;
            match form {
                Form::Nfc => text.nfc().collect(),
                Form::Nfkc => text.nfkc().collect(),
            }
        }
        #[cfg(not(test))]
        panic!(
            "postlint was built without Unicode tables: install a normalizer with \
             postlint::unicode::set_host_normalizer before linting"
        )
    }

    pub fn nfc(text: &str) -> Cow<'_, str> {
        let normalized = normalize(text, Form::Nfc);
        if normalized == text {
            Cow::Borrowed(text)
        } else {
            Cow::Owned(normalized)
        }
    }

    pub fn nfkc_each_char(text: &str, each: &mut dyn FnMut(char, &mut dyn Iterator<Item = char>)) {
        // One call for the whole text: the non-ASCII chars, each followed by a NUL. NUL is a
        // starter that composes with nothing, so each char normalizes as if alone.
        let batch: String = text
            .chars()
            .filter(|ch| !ch.is_ascii())
            .flat_map(|ch| [ch, '\0'])
            .collect();
        let normalized = normalize(&batch, Form::Nfkc);
        let mut parts = normalized.split('\0');
        for ch in text.chars() {
            if ch.is_ascii() {
                each(ch, &mut std::iter::once(ch));
            } else {
                each(ch, &mut parts.next().unwrap_or_default().chars());
            }
        }
    }
}

/// Installs the host's normalizer (`normalize(text, form)`), which postlint uses when it is built
/// without the `unicode-tables` feature; with the tables it is not needed and goes unused. The
/// first call wins; later calls change nothing.
pub fn set_host_normalizer(normalize: fn(&str, Form) -> String) {
    #[cfg(not(feature = "unicode-tables"))]
    let _ = imp::HOST.set(normalize);
    #[cfg(feature = "unicode-tables")]
    let _ = normalize;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfc_composes_and_borrows_what_is_composed() {
        assert_eq!(nfc("e\u{301}te\u{301}"), "été");
        assert!(matches!(nfc("été"), Cow::Borrowed(_)));
        let mut seen = Vec::new();
        nfkc_each_char("ﬁＦ\u{301}a", |ch, folded| {
            seen.push((ch, folded.collect::<String>()))
        });
        assert_eq!(
            seen,
            [
                ('ﬁ', "fi".to_string()),
                ('Ｆ', "F".to_string()),
                ('\u{301}', "\u{301}".to_string()),
                ('a', "a".to_string())
            ]
        );
    }
}
