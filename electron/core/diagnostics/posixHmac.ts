/**
 * HMAC-SHA256 (RFC 2104) in POSIX sh from `openssl dgst -sha256` alone, so the App secret is never a
 * command-line argument (`openssl dgst -hmac KEY` and `openssl mac -macopt key:KEY` put it in every
 * process list). The key goes only through a pipe into `od` and through the shell's built-ins
 * (printf, arithmetic); the same lines work with OpenSSL 1.1/3 and macOS's LibreSSL (docs/diagnostics.md).
 */
const HEX = "awk '{print $NF}'";

/** Shell lines that set $signature to HMAC-SHA256($<keyVariable>, $string_to_sign), in lower-case hex. */
export function posixHmacLines(keyVariable: string): string[] {
  return [
    `_kd_key=$(printf '%s' "$${keyVariable}" | od -An -v -tx1 | tr -d ' \\n')`,
    // A key longer than the 64-byte block is replaced by its SHA-256.
    `[ \${#_kd_key} -le 128 ] || _kd_key=$(printf '%s' "$${keyVariable}" | openssl dgst -sha256 | ${HEX})`,
    // Hex in $1 -> octal escapes for printf; with $2, XOR each of 64 bytes (key padded with zeros) with $2.
    '_kd_octets() { _h=$1; _o=\'\'; _i=0; while [ -n "$_h" ] || { [ -n "$2" ] && [ $_i -lt 64 ]; }; do ' +
      '_b=0; if [ -n "$_h" ]; then _b=$((0x${_h%"${_h#??}"})); _h=${_h#??}; fi; _b=$((_b ^ ${2:-0})); ' +
      '_o="$_o\\\\$((_b / 64))$((_b / 8 % 8))$((_b % 8))"; _i=$((_i + 1)); done; printf \'%s\' "$_o"; }',
    `_kd_inner=$({ printf "$(_kd_octets "$_kd_key" 54)"; printf '%s' "$string_to_sign"; } | openssl dgst -sha256 | ${HEX})`,
    `signature=$({ printf "$(_kd_octets "$_kd_key" 92)"; printf "$(_kd_octets "$_kd_inner")"; } | openssl dgst -sha256 | ${HEX})`,
    'unset _kd_key _kd_inner _h _o _i _b',
  ];
}
