//! Rules that judge one post at a time.

pub mod crowded_followfriday;
pub mod emoji_flood;
pub mod hashtag_camelcase;
pub mod hashtag_stuffing;
pub mod link_only;
pub mod mention_stuffing;
pub mod over_length;
pub mod punctuation_flood;
pub mod self_promotion;
pub mod shouting;
pub mod spam_phrase;
