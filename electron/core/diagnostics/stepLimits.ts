/** Bounds of every diagnostic request. */
export const DEFAULT_STEP_TIMEOUT_MS = 5000;
/** Diagnostics only read status and headers (and a small JSON body); anything bigger is not KooDrive. */
export const DIAGNOSTIC_MAX_BODY_BYTES = 64 * 1024;
