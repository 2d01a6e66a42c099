export declare const INSTALL_HINT: string;
export declare function findElectron(
  root: string,
  env?: NodeJS.ProcessEnv,
): { ok: true; executable: string } | { ok: false; reason: string };
