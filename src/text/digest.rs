//! The content digest: `sha256:<lowercase hex>` of a pull's raw bytes.

use sha2::{Digest, Sha256};

/// `sha256:<lowercase hex>` of the raw bytes.
pub(crate) fn digest(bytes: &[u8]) -> String {
    let hash = Sha256::digest(bytes);
    let mut out = String::with_capacity(7 + 64);
    out.push_str("sha256:");
    const HEX: &[u8; 16] = b"0123456789abcdef";
    for b in hash.iter() {
        // Two table look-ups per byte rather than the formatting machinery.
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 0xf)]));
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn digest_is_sha256_of_the_bytes() {
        assert_eq!(
            super::digest(b"hello"),
            "sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
        );
    }
}
