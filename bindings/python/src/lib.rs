//! Python bindings of postlint (skeleton).
