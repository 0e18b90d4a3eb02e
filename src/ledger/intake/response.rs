//! What a response says: the first word decides, so "Yes, we will sign
//! on" is a signature and "No, not this time" a decline; anything else is
//! the row's error, never a guess.

use crate::model::Status;

use super::RowError;

/// The answer a response gives, by its first word; without a response
/// column the sheet is a sign-on form and every row a signature.
pub(super) fn status(cell: Option<&str>, has_column: bool) -> Result<Status, RowError> {
    let Some(cell) = cell else {
        return if has_column {
            Err(("the response is empty".into(), Some(ANSWERS.into())))
        } else {
            Ok(Status::Signed)
        };
    };
    let lower = cell.to_lowercase();
    let first = lower
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty());
    match first.unwrap_or_default() {
        "yes" | "y" | "sign" | "signed" | "signing" | "agree" | "agreed" | "approve"
        | "approved" | "confirmed" => Ok(Status::Signed),
        "no" | "n" | "not" | "decline" | "declined" | "declining" | "pass" => Ok(Status::Declined),
        _ => Err((format!("unknown response `{cell}`"), Some(ANSWERS.into()))),
    }
}

const ANSWERS: &str = "a response starts with `yes`, `sign`, `signed` or `agree` (signed) or with `no`, `decline` or `declined` (declined)";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_word_decides() {
        assert_eq!(
            status(Some("Yes, we will sign on"), true),
            Ok(Status::Signed)
        );
        assert_eq!(status(Some("DECLINED"), true), Ok(Status::Declined));
        assert_eq!(status(None, false), Ok(Status::Signed));
        assert!(
            status(None, true).is_err(),
            "an empty answer in a response column"
        );
        assert!(status(Some("maybe later"), true).is_err());
    }
}
