//! WebAssembly bindings of postlint (skeleton; see bindings/wasm/README.md).
