//! Social networks and how each counts a post's length.

use std::fmt;
use std::str::FromStr;

/// A social network a post is published on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Network {
    /// X, formerly Twitter (alias `twitter`).
    X,
    /// LinkedIn.
    Linkedin,
    /// Facebook.
    Facebook,
    /// Instagram.
    Instagram,
    /// Threads.
    Threads,
    /// Mastodon.
    Mastodon,
    /// Bluesky.
    Bluesky,
    /// TikTok.
    Tiktok,
    /// Any other network; the default.
    #[default]
    Generic,
}

impl Network {
    /// Every network, in declaration order (so that [`Network::index`] is the position here).
    pub const ALL: [Network; 9] = [
        Network::X,
        Network::Linkedin,
        Network::Facebook,
        Network::Instagram,
        Network::Threads,
        Network::Mastodon,
        Network::Bluesky,
        Network::Tiktok,
        Network::Generic,
    ];

    /// How many networks there are.
    pub const COUNT: usize = Network::ALL.len();

    /// The position of the network in [`Network::ALL`].
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The canonical lowercase name used in config and reports.
    pub const fn name(self) -> &'static str {
        match self {
            Network::X => "x",
            Network::Linkedin => "linkedin",
            Network::Facebook => "facebook",
            Network::Instagram => "instagram",
            Network::Threads => "threads",
            Network::Mastodon => "mastodon",
            Network::Bluesky => "bluesky",
            Network::Tiktok => "tiktok",
            Network::Generic => "generic",
        }
    }

    /// The post length limit, in the network's own unit (see [`crate::text::network_length`]).
    ///
    /// `generic` has no limit of its own.
    pub const fn length_limit(self) -> Option<usize> {
        match self {
            Network::X => Some(280),
            Network::Linkedin => Some(3000),
            Network::Facebook => Some(63206),
            Network::Instagram => Some(2200),
            Network::Threads => Some(500),
            Network::Mastodon => Some(500),
            Network::Bluesky => Some(300),
            Network::Tiktok => Some(4000),
            Network::Generic => None,
        }
    }
}

impl fmt::Display for Network {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The error for a network name that is not known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownNetwork(pub String);

impl fmt::Display for UnknownNetwork {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown network `{}`; expected one of ", self.0)?;
        for (i, network) in Network::ALL.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(network.name())?;
        }
        f.write_str(" (or `twitter` for x)")
    }
}

impl std::error::Error for UnknownNetwork {}

impl FromStr for Network {
    type Err = UnknownNetwork;

    /// Parses a network name, case-insensitively, accepting `twitter` for `x`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_ascii_lowercase();
        if lower == "twitter" {
            return Ok(Network::X);
        }
        Network::ALL
            .into_iter()
            .find(|network| network.name() == lower)
            .ok_or_else(|| UnknownNetwork(s.to_string()))
    }
}

impl serde::Serialize for Network {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_names_and_aliases() {
        assert_eq!("twitter".parse(), Ok(Network::X));
        assert_eq!("X".parse(), Ok(Network::X));
        assert_eq!(" Bluesky ".parse(), Ok(Network::Bluesky));
        let err = "myspace".parse::<Network>().unwrap_err().to_string();
        assert!(err.contains("`myspace`") && err.contains("mastodon"), "{err}");
    }

    #[test]
    fn index_is_the_position_in_all() {
        for (position, network) in Network::ALL.into_iter().enumerate() {
            assert_eq!(network.index(), position, "{network:?}");
        }
        // A new network must be added to ALL too: this match fails to compile until the test is
        // revisited, and the default stays last.
        let last = |network: Network| match network {
            Network::X
            | Network::Linkedin
            | Network::Facebook
            | Network::Instagram
            | Network::Threads
            | Network::Mastodon
            | Network::Bluesky
            | Network::Tiktok => false,
            Network::Generic => true,
        };
        assert!(last(Network::ALL[Network::COUNT - 1]));
        assert_eq!(Network::Generic.index(), Network::COUNT - 1);
    }
}
