//! Filling storage again instead of allocating it anew: a million-row import reads each row
//! into the strings of a record it is done with ([`crate::io::Sink::spare_video`]) and holds
//! each new video's row in the strings of one already written. Nothing here knows what the
//! text is.

/// Puts `text` into `slot`, reusing the storage of the string already there.
pub fn refill(slot: &mut Option<String>, text: Option<&str>) {
    match (slot.as_mut(), text) {
        (Some(kept), Some(text)) => {
            kept.clear();
            kept.push_str(text);
        }
        (None, Some(text)) => *slot = Some(text.to_string()),
        (_, None) => *slot = None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slot_refilled_holds_the_new_text_in_the_old_storage() {
        let mut slot = Some(String::with_capacity(64));
        let storage = slot.as_ref().map(|kept| kept.as_ptr());
        refill(&mut slot, Some("nhạc nền"));
        assert_eq!(slot.as_deref(), Some("nhạc nền"));
        assert_eq!(slot.as_ref().map(|kept| kept.as_ptr()), storage);
        refill(&mut slot, None);
        assert_eq!(slot, None);
        refill(&mut slot, Some("sound"));
        assert_eq!(slot.as_deref(), Some("sound"));
    }
}
