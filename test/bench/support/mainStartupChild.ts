/**
 * The desktop main process's start-up under plain Node (issue 15 item 7): loads the built
 * out/main/index.js with `electron` answered by a stub, and stops at the first BrowserWindow. Prints
 * one JSON line: ms since process start when index.js began to load, when its imports were done, when
 * the first window was asked for, the module files loaded by then (absolute paths) and the Node built-ins
 * loaded since the stub was installed (`node:tls` …).
 * Usage: node mainStartupChild.js <out/main/index.js> <data dir>
 */
import Module from 'node:module';
import path from 'node:path';

interface Marks {
  loadStartMs: number;
  importedMs: number;
  windowMs: number;
  modules: string[];
  builtins: string[];
}

const [indexJs, dataDir] = process.argv.slice(2);
const marks: Partial<Marks> = {};
/** Node's list of the built-in modules it has loaded (undocumented, present since early Node). */
const moduleLoadList = (): readonly string[] => (process as unknown as { moduleLoadList: string[] }).moduleLoadList;
const builtinsBefore = new Set(moduleLoadList());

/** Public built-in modules loaded since this script started, e.g. 'tls'. */
function builtinsLoaded(): string[] {
  const prefix = 'NativeModule ';
  return moduleLoadList()
    .filter((entry) => !builtinsBefore.has(entry) && entry.startsWith(prefix) && !entry.includes('internal/'))
    .map((entry) => entry.slice(prefix.length));
}

/** Any property, call or `new` answers another stub: enough for the code that runs before the window. */
function stub(): unknown {
  const target = function stubTarget() {};
  return new Proxy(target, {
    get: (_t, key) => (key === 'then' ? undefined : key === Symbol.toPrimitive ? () => '' : stub()),
    apply: () => stub(),
    construct: () => stub() as object,
  });
}

/** Stands for electron's BrowserWindow class: called with `new`, it reports and ends the process. */
function BrowserWindow(): never {
  marks.windowMs = performance.now();
  marks.modules = Object.keys(require.cache);
  marks.builtins = builtinsLoaded();
  process.stdout.write(`${JSON.stringify(marks)}\n`, () => process.exit(0));
  throw new Error('first window reached');
}

const app = new Proxy(stub() as object, {
  get(_t, key) {
    if (key === 'isPackaged') return true;
    if (key === 'whenReady') return async () => {};
    if (key === 'isReady' || key === 'requestSingleInstanceLock') return () => true;
    if (key === 'getAppPath') return () => path.resolve(path.dirname(indexJs), '..', '..');
    if (key === 'getPath') return () => dataDir;
    if (key === 'getName') return () => 'koodrive-lock-admin';
    if (key === 'getVersion') return () => '0.0.0';
    return stub();
  },
});
const electron = new Proxy(stub() as object, {
  get: (_t, key) => (key === 'app' ? app : key === 'BrowserWindow' ? BrowserWindow : stub()),
});

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
const moduleWithLoad = Module as unknown as { _load: Loader };
const load = moduleWithLoad._load;
moduleWithLoad._load = (request, parent, isMain) => (request === 'electron' ? electron : load(request, parent, isMain));

process.env.KOODRIVE_LOCK_ADMIN_DATA_DIR = dataDir;
marks.loadStartMs = performance.now();
Module.createRequire(__filename)(indexJs);
marks.importedMs = performance.now();
setTimeout(() => {
  process.stderr.write('no window within 10 s\n');
  process.exit(1);
}, 10_000).unref();
