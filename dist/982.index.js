export const id = 982;
export const ids = [982];
export const modules = {

/***/ 39214:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BJ: () => (/* binding */ ArtifactFileMissingError),
/* harmony export */   BU: () => (/* binding */ ArtifactMissingError),
/* harmony export */   dM: () => (/* binding */ ArtifactRefusedError)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99661);

/** An artifact a stage needs is not in the run. */
class ArtifactMissingError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
    name = 'ArtifactMissingError';
    artifact;
    producer;
    constructor(artifact, producer, present) {
        const who = producer
            ? `it is uploaded by the ${producer} stage: check that stage's job in this run (did it fail, or was it skipped?)`
            : 'no ensemble stage uploads an artifact of that name';
        super(`artifact ${artifact} was not found in this workflow run; ${who}. ` +
            (present.length > 0 ? `This run has: ${present.join(', ')}.` : 'This run has no artifacts yet.'));
        this.artifact = artifact;
        this.producer = producer;
    }
}
/** An artifact of the run lacks a file its stage writes: made by another ensemble version, or cut short. */
class ArtifactFileMissingError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
    name = 'ArtifactFileMissingError';
    artifact;
    file;
    constructor(artifact, file, producer, present) {
        super(`artifact ${artifact} has no ${file} (it holds: ${present.join(', ') || 'nothing'}); ` +
            `the ${producer} stage writes it: re-run that stage with this ensemble version.`);
        this.artifact = artifact;
        this.file = file;
    }
}
/**
 * An artifact that is not extracted: larger than the limits on what a download may unpack (a zip
 * that inflates far beyond its size), or holding an entry that is not a plain file inside it.
 */
class ArtifactRefusedError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
    name = 'ArtifactRefusedError';
    artifact;
    constructor(artifact, why) {
        super(`artifact ${artifact} was not extracted: ${why}`);
        this.artifact = artifact;
    }
}


/***/ }),

/***/ 50982:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ActionsArtifactStore: () => (/* binding */ ActionsArtifactStore),
  DEFAULT_RETENTION_DAYS: () => (/* binding */ DEFAULT_RETENTION_DAYS),
  RETENTION_SETTING: () => (/* binding */ RETENTION_SETTING),
  artifactCredentials: () => (/* binding */ artifactCredentials),
  artifactRetention: () => (/* binding */ artifactRetention)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/artifacts/store.js
var store = __webpack_require__(39214);
// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
;// CONCATENATED MODULE: ./lib/runtime/actions/zip.js
/**
 * Bounded extraction of an artifact's zip. `@actions/artifact` extracts as it downloads
 * (unzip-stream), writing whatever the archive inflates to: a 64 KiB zip of zeros becomes 64 MiB
 * on disk, and a few more make a runner's disk full. So the store downloads the zip as it is
 * (`skipDecompress`) and extracts it here, where every limit is checked before a byte is written:
 *
 * - the zip itself is at most {@link MAX_ARTIFACT_BYTES} (plus room for headers);
 * - at most {@link MAX_ARTIFACT_ENTRIES} entries;
 * - the sizes the central directory declares add up to at most {@link MAX_ARTIFACT_BYTES};
 * - each entry inflates to exactly its declared size (inflating stops one byte past it, so an
 *   entry that lies about its size is caught without inflating the rest), with its CRC-32;
 * - every entry is a file or directory under the destination: no absolute path, no `..`, no
 *   symbolic link, no encrypted or zip64 entry (the archives `@actions/artifact` writes have none).
 */



/** `node:zlib`, loaded at the first extraction: an action loads this module before its checks. */
const zlib = () => process.getBuiltinModule('node:zlib');
/**
 * Most bytes one artifact may unpack to: 32 times the default `limits.max-patch-bytes`. An
 * artifact holds one stage's documents, patches and transcripts (tool results are cut at 4,000
 * characters each), a few megabytes at most; publish refuses a patch over `max-patch-bytes` anyway.
 */
const MAX_ARTIFACT_BYTES = 32 * 1024 * 1024;
/** Most entries one artifact may hold: a stage writes a handful of files, a fix round a few dozen. */
const MAX_ARTIFACT_ENTRIES = 1_000;
const ARTIFACT_LIMITS = { maxBytes: MAX_ARTIFACT_BYTES, maxEntries: MAX_ARTIFACT_ENTRIES };
/** The largest zip worth reading for `limits`: its contents stored, plus headers for every entry. */
function maxZipBytes(limits) {
    return limits.maxBytes + limits.maxEntries * 1024 + 65_536;
}
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
function megabytes(bytes) {
    return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
/** The central directory's entries, with every limit that can be checked without inflating. */
function readDirectory(zip, artifact, limits) {
    const refuse = (why) => new store/* ArtifactRefusedError */.dM(artifact, why);
    let end = -1;
    for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
        if (zip.readUInt32LE(i) === 0x06054b50) {
            end = i;
            break;
        }
    }
    if (end < 0)
        throw refuse('the download is not a zip archive (no end-of-central-directory record)');
    const count = zip.readUInt16LE(end + 10);
    const directorySize = zip.readUInt32LE(end + 12);
    let offset = zip.readUInt32LE(end + 16);
    if (count === 0xffff || offset === 0xffffffff || (end >= 20 && zip.readUInt32LE(end - 20) === 0x07064b50)) {
        throw refuse('it is a zip64 archive, which ensemble never uploads');
    }
    if (count > limits.maxEntries) {
        throw refuse(`it holds ${count} entries, more than the limit of ${limits.maxEntries}`);
    }
    if (offset + directorySize > end)
        throw refuse('its zip is corrupt (the central directory overlaps its end)');
    const entries = [];
    let declared = 0;
    for (let n = 0; n < count; n++) {
        if (offset + 46 > end || zip.readUInt32LE(offset) !== 0x02014b50) {
            throw refuse(`its zip is corrupt (central directory entry ${n} is not where the directory says)`);
        }
        const nameLength = zip.readUInt16LE(offset + 28);
        const entry = {
            flags: zip.readUInt16LE(offset + 8),
            method: zip.readUInt16LE(offset + 10),
            crc: zip.readUInt32LE(offset + 16),
            compressedSize: zip.readUInt32LE(offset + 20),
            size: zip.readUInt32LE(offset + 24),
            localOffset: zip.readUInt32LE(offset + 42),
            mode: zip.readUInt32LE(offset + 38) >>> 16,
            name: zip.toString('utf8', offset + 46, offset + 46 + nameLength),
        };
        offset += 46 + nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
        declared += entry.size;
        if (declared > limits.maxBytes) {
            throw refuse(`it would unpack to more than ${megabytes(limits.maxBytes)} (the limit on one artifact); ` +
                `its ${count} entries declare ${megabytes(declared)} or more`);
        }
        entries.push(entry);
    }
    return entries;
}
/** `name` as a path under `destDir`, or the reason it may not be written. */
function destination(destDir, name) {
    const clean = name.replace(/\/+$/, '');
    const normal = (0,external_node_path_.normalize)(clean);
    if (clean === '' || clean.includes('\\') || clean.includes('\0') || (0,external_node_path_.isAbsolute)(clean))
        return [name];
    if (normal === '..' || normal.startsWith(`..${external_node_path_.sep}`))
        return [name];
    const path = (0,external_node_path_.join)(destDir, normal);
    if ((0,external_node_path_.relative)(destDir, path).startsWith('..'))
        return [name];
    return path;
}
/**
 * Extracts `zip` (the artifact `artifact`) into `destDir`, checking every limit first (module
 * comment); returns the files written, `/`-separated. Throws `ArtifactRefusedError`, naming the
 * artifact and the limit, before writing anything when the directory breaks a limit, and stops at
 * the first entry that inflates to more than it declared.
 */
function extractZip(zip, destDir, artifact, limits = ARTIFACT_LIMITS) {
    const refuse = (why) => new store/* ArtifactRefusedError */.dM(artifact, why);
    if (zip.length > maxZipBytes(limits)) {
        throw refuse(`its zip is ${megabytes(zip.length)}, more than the limit of ${megabytes(limits.maxBytes)}`);
    }
    const entries = readDirectory(zip, artifact, limits);
    const planned = [];
    for (const entry of entries) {
        const path = destination(destDir, entry.name);
        if (typeof path !== 'string')
            throw refuse(`its entry ${JSON.stringify(entry.name)} is not a path inside it`);
        const type = entry.mode & S_IFMT;
        const directory = entry.name.endsWith('/') || type === S_IFDIR;
        if (type !== 0 && type !== S_IFREG && type !== S_IFDIR) {
            throw refuse(`its entry ${JSON.stringify(entry.name)} is not a regular file (a symbolic link or device)`);
        }
        if (entry.flags & 0x1)
            throw refuse(`its entry ${JSON.stringify(entry.name)} is encrypted`);
        if (!directory && entry.method !== 0 && entry.method !== 8) {
            throw refuse(`its entry ${JSON.stringify(entry.name)} uses compression method ${entry.method}`);
        }
        planned.push({ entry, path, directory });
    }
    (0,external_node_fs_.mkdirSync)(destDir, { recursive: true });
    const files = [];
    for (const { entry, path, directory } of planned) {
        if (directory) {
            (0,external_node_fs_.mkdirSync)(path, { recursive: true });
            continue;
        }
        const local = entry.localOffset;
        if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50) {
            throw refuse(`its zip is corrupt (the local header of ${JSON.stringify(entry.name)} is missing)`);
        }
        const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
        if (start + entry.compressedSize > zip.length) {
            throw refuse(`its zip is corrupt (${JSON.stringify(entry.name)} runs past its end)`);
        }
        const data = zip.subarray(start, start + entry.compressedSize);
        let contents;
        if (entry.method === 0)
            contents = data;
        else {
            try {
                // One byte past the declared size is enough to know that the entry lied about it.
                contents = zlib().inflateRawSync(data, { maxOutputLength: entry.size + 1 });
            }
            catch (error) {
                if (error.code !== 'ERR_BUFFER_TOO_LARGE') {
                    throw refuse(`its entry ${JSON.stringify(entry.name)} does not inflate: ${error.message}`);
                }
                contents = Buffer.alloc(entry.size + 1);
            }
        }
        if (contents.length > entry.size) {
            throw refuse(`its entry ${JSON.stringify(entry.name)} inflates to more than the ${entry.size} bytes it declares ` +
                '(a zip bomb, or a corrupt zip)');
        }
        if (contents.length < entry.size) {
            throw refuse(`its entry ${JSON.stringify(entry.name)} is shorter than it declares (a corrupt zip)`);
        }
        if (zlib().crc32(contents) >>> 0 !== entry.crc) {
            throw refuse(`its entry ${JSON.stringify(entry.name)} does not match its CRC-32 (a corrupt zip)`);
        }
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true });
        (0,external_node_fs_.writeFileSync)(path, contents);
        files.push((0,external_node_path_.relative)(destDir, path).split(external_node_path_.sep).join('/'));
    }
    return files;
}

;// CONCATENATED MODULE: ./lib/runtime/actions/artifacts.js
/**
 * Artifacts on GitHub Actions: the `ArtifactStore` port over the real `@actions/artifact` client
 * (docs/design.md §1, issue 5 "Artifacts"). Our actions upload and download their own artifacts, so a
 * user's workflow has no upload or download steps to get wrong.
 *
 * - Names are `ARTIFACTS` (`src/artifacts/names.ts`), and an artifact's files are laid out as in a
 *   run directory's `artifacts/<name>/`, so a downloaded GitHub run is a run directory too.
 * - Uploads replace an artifact of the same name from the current run: the results service refuses
 *   a second artifact with a name (409 "an artifact with this name already exists on the workflow
 *   run"), and a re-run of a failed job must be able to upload again. So: list → delete → upload.
 * - Downloads find the artifact by name in the current run, fetch its zip as it is, check its digest,
 *   and extract it within limits (`zip.ts`: a zip bomb is refused before it is inflated); documents
 *   are validated against their contract before a stage uses them. An upload over the same limits
 *   is refused by the stage that made it.
 *
 * Credentials. The client reads `ACTIONS_RUNTIME_TOKEN` and `ACTIONS_RESULTS_URL` from
 * `process.env` and nowhere else (it has no option to pass them). But the model-key scrubber
 * (`scrubCredentials` in `src/model/keys.ts`) deletes the runtime token from `process.env` before
 * any agent command starts, so that nothing the agents run can inherit it. The store therefore takes
 * both values explicitly, captured before scrubbing (`artifactCredentials(kept)`), and puts them into
 * `process.env` only for the duration of each client call, restoring the previous state afterwards,
 * even when the call fails. This keeps the window small and is safe because the artifact client
 * starts no child processes; agent commands start from an allow-listed environment in any case, so a
 * command that happened to start during a call would still not receive the token. Overlapping calls
 * with the same credentials share one window; a call with different credentials waits for it to close.
 *
 * The client (and its Azure and Octokit dependencies) is imported lazily, on the first call: an
 * action that never touches artifacts, or fails before it does, does not pay for loading it. So are
 * the contracts, at the first download: the job's checks (`artifactCredentials`) come before them.
 */






/**
 * Days GitHub keeps ensemble's artifacts: GitHub's own windows for finishing a run late. A job waiting for an
 * environment's approval waits up to 30 days, and failed jobs can be re-run up to 30 days after the run; either
 * then downloads the artifacts of the jobs before it (the publisher needs `ensemble-plan`), so they must outlive
 * both. The repository's retention setting caps it (see {@link artifactRetention}).
 */
const DEFAULT_RETENTION_DAYS = 30;
/** Where a repository's (or its organization's) maximum artifact retention is set. */
const RETENTION_SETTING = 'Settings → Actions → General → Artifact and log retention (of the repository, or of its organization)';
/**
 * The retention to ask for: `requested`, capped by the repository's maximum. The client caps too (it reads
 * `GITHUB_RETENTION_DAYS` from `process.env` and logs a generic warning), but we cap here, explicitly, so the
 * days sent are the days we report, and so the warning can say what a short retention breaks and where to change it.
 */
function artifactRetention(requested, repositoryRetentionDays) {
    const notes = [];
    let days = requested;
    let capped = false;
    if (repositoryRetentionDays !== undefined && repositoryRetentionDays.trim() !== '') {
        const maximum = Number(repositoryRetentionDays.trim());
        if (!Number.isInteger(maximum) || maximum < 1) {
            notes.push(`GITHUB_RETENTION_DAYS=${JSON.stringify(repositoryRetentionDays)} is not a number of days; ` +
                `artifacts are uploaded with a retention of ${requested} days.`);
        }
        else if (maximum < requested) {
            days = maximum;
            capped = true;
            notes.push(`Artifacts are kept ${maximum} days, the repository's maximum (GITHUB_RETENTION_DAYS), ` +
                `instead of ${requested}.`);
        }
    }
    const warning = days < DEFAULT_RETENTION_DAYS
        ? `ensemble's artifacts are kept only ${days} day${days === 1 ? '' : 's'}` +
            `${capped ? " (the repository's artifact retention)" : ''}, but GitHub lets a job wait ` +
            `${DEFAULT_RETENTION_DAYS} days for an environment approval and lets failed jobs be re-run for ` +
            `${DEFAULT_RETENTION_DAYS} days: an approval or re-run after ${days} day${days === 1 ? '' : 's'} ` +
            `will fail because the artifacts it needs (ensemble-plan) are gone. To avoid this, set ${RETENTION_SETTING} ` +
            `to ${DEFAULT_RETENTION_DAYS} days or more.`
        : null;
    return { days, capped, notes, warning };
}
/**
 * The artifact credentials of the job, from the variables `scrubCredentials` removed (`kept`) or,
 * before scrubbing, from the environment. Throws naming what is missing: outside a GitHub Actions job
 * step (or in a `run:` step, which does not get the runtime token) there are none.
 */
function artifactCredentials(kept, env = process.env) {
    const runtimeToken = kept['ACTIONS_RUNTIME_TOKEN'] ?? env['ACTIONS_RUNTIME_TOKEN'];
    const resultsUrl = kept['ACTIONS_RESULTS_URL'] ?? env['ACTIONS_RESULTS_URL'];
    const missing = [runtimeToken ? null : 'ACTIONS_RUNTIME_TOKEN', resultsUrl ? null : 'ACTIONS_RESULTS_URL'].filter(Boolean);
    if (missing.length > 0) {
        throw new errors/* UserError */.yo(`cannot use GitHub artifacts: ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set. ` +
            'The runner sets them for JavaScript actions only; run ' +
            'ensemble through its actions (uses: …), not from a run: step, ' +
            'or use `ensemble run` outside GitHub Actions.');
    }
    return { runtimeToken: runtimeToken, resultsUrl: resultsUrl };
}
let loading;
/** `@actions/artifact`, imported on first use. */
function loadArtifactModule() {
    loading ??= Promise.all(/* import() */[__webpack_require__.e(4101), __webpack_require__.e(4119), __webpack_require__.e(1659), __webpack_require__.e(2032), __webpack_require__.e(1281)]).then(__webpack_require__.bind(__webpack_require__, 51281));
    return loading;
}
let contracts;
/** The document table and reader, and the artifacts' names, imported at the first download (once). */
function loadContracts() {
    contracts ??= importContracts();
    return contracts;
}
async function importContracts() {
    const [{ producerOfArtifact }, { DOCUMENTS }, { parseDocumentText }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(4377), __webpack_require__.e(6811), __webpack_require__.e(963)]).then(__webpack_require__.bind(__webpack_require__, 40963)),
        Promise.all(/* import() */[__webpack_require__.e(4377), __webpack_require__.e(6811)]).then(__webpack_require__.bind(__webpack_require__, 66811)),
        Promise.all(/* import() */[__webpack_require__.e(4377), __webpack_require__.e(6811), __webpack_require__.e(4759)]).then(__webpack_require__.bind(__webpack_require__, 54759)),
    ]);
    return { producerOfArtifact, DOCUMENTS, parseDocumentText };
}
class ActionsArtifactStore {
    /** The days each upload asks for, after the repository's cap. */
    retentionDays;
    retention;
    credentials;
    log;
    limits;
    retentionLogged = false;
    constructor(options) {
        if (!options.runtimeToken)
            throw new Error('ActionsArtifactStore: runtimeToken is required');
        if (!options.resultsUrl)
            throw new Error('ActionsArtifactStore: resultsUrl is required');
        const requested = options.retentionDays ?? DEFAULT_RETENTION_DAYS;
        if (!Number.isInteger(requested) || requested < 1 || requested > 90) {
            throw new Error(`ActionsArtifactStore: retentionDays must be a whole number of days from 1 to 90, got ${requested}`);
        }
        this.credentials = { runtimeToken: options.runtimeToken, resultsUrl: options.resultsUrl };
        this.retention = artifactRetention(requested, options.repositoryRetentionDays);
        this.retentionDays = this.retention.days;
        this.log = options.log;
        this.limits = options.limits ?? ARTIFACT_LIMITS;
    }
    async uploadArtifact(name, dir) {
        const files = listFiles(name, dir);
        // Refused here, where the stage that made it is named, rather than by every job that downloads it.
        const bytes = files.reduce((sum, file) => sum + (0,external_node_fs_.statSync)((0,external_node_path_.join)(dir, file)).size, 0);
        if (files.length > this.limits.maxEntries || bytes > this.limits.maxBytes) {
            throw new Error(`cannot upload artifact ${name}: ${files.length} files of ${bytes} bytes, more than a download ` +
                `extracts (${this.limits.maxEntries} files, ${this.limits.maxBytes} bytes)`);
        }
        this.logRetention();
        return this.call(`uploading artifact ${name}`, async (client) => {
            // A job re-run finds its earlier attempt's artifact: the service would refuse the name, so delete it first.
            const { artifacts } = await client.listArtifacts();
            const replaced = artifacts.filter((a) => a.name === name).map((a) => a.id);
            for (let i = 0; i < replaced.length; i++)
                await client.deleteArtifact(name);
            const result = await client.uploadArtifact(name, files.map((file) => (0,external_node_path_.join)(dir, file)), dir, { retentionDays: this.retentionDays });
            if (result.id === undefined)
                throw new Error('the artifact service returned no artifact id');
            return { name, id: result.id, size: result.size ?? 0, digest: result.digest, files, replaced };
        });
    }
    async downloadArtifact(name, destDir) {
        const { producerOfArtifact } = await loadContracts();
        return this.download(name, destDir, producerOfArtifact(name));
    }
    async downloadDocument(kind, name, file, destDir) {
        const { DOCUMENTS, parseDocumentText, producerOfArtifact } = await loadContracts();
        const producer = DOCUMENTS[kind].producer;
        const path = safeJoin(destDir, file);
        // A stale copy from an earlier download must not stand in for a file the artifact lacks.
        (0,external_node_fs_.rmSync)(path, { force: true });
        await this.download(name, destDir, producerOfArtifact(name) ?? producer);
        if (!(0,external_node_fs_.existsSync)(path))
            throw new store/* ArtifactFileMissingError */.BJ(name, file, producer, listFiles(name, destDir, false));
        return parseDocumentText(kind, (0,external_node_fs_.readFileSync)(path, 'utf8'), { artifact: name, file });
    }
    download(name, destDir, producer) {
        return this.call(`downloading artifact ${name}`, async (client) => {
            // listArtifacts, not getArtifact: the latter also prints a warning annotation for a missing artifact.
            const { artifacts } = await client.listArtifacts({ latest: true });
            const artifact = artifacts.find((a) => a.name === name);
            if (!artifact)
                throw new store/* ArtifactMissingError */.BU(name, producer, [...new Set(artifacts.map((a) => a.name))].sort());
            const limit = maxZipBytes(this.limits);
            if (artifact.size > limit) {
                throw new store/* ArtifactRefusedError */.dM(name, `its zip is ${artifact.size} bytes, more than the limit of ${limit}`);
            }
            // The zip as it is, never extracted by the client (which would inflate whatever it holds).
            const scratch = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'ensemble-artifact-'));
            try {
                const { digestMismatch } = await client.downloadArtifact(artifact.id, {
                    path: scratch,
                    skipDecompress: true,
                    ...(artifact.digest ? { expectedHash: artifact.digest } : {}),
                });
                if (digestMismatch) {
                    throw new Error('the downloaded zip does not match the digest recorded at upload ' +
                        `(${artifact.digest}); it was corrupted in transit. Re-run the job.`);
                }
                const saved = (0,external_node_fs_.readdirSync)(scratch);
                if (saved.length !== 1)
                    throw new Error(`the artifact service sent ${saved.length} files, not one zip`);
                const zipPath = (0,external_node_path_.join)(scratch, saved[0]);
                const size = (0,external_node_fs_.statSync)(zipPath).size;
                if (size > limit)
                    throw new store/* ArtifactRefusedError */.dM(name, `its zip is ${size} bytes, more than the limit of ${limit}`);
                extractZip((0,external_node_fs_.readFileSync)(zipPath), destDir, name, this.limits);
            }
            finally {
                (0,external_node_fs_.rmSync)(scratch, { recursive: true, force: true });
            }
            return { name, id: artifact.id, size: artifact.size, dir: destDir };
        });
    }
    /** Once per store (one per job), at its first upload: a job that only downloads keeps nothing. */
    logRetention() {
        if (this.retentionLogged || !this.log)
            return;
        this.retentionLogged = true;
        for (const note of this.retention.notes)
            this.log.info(note);
        if (this.retention.warning)
            this.log.warning(this.retention.warning);
    }
    /** Runs `fn` with a client and the credentials in the environment; errors name what was being done. */
    async call(what, fn) {
        const module = await loadArtifactModule();
        try {
            return await withCredentials(this.credentials, () => fn(new module.DefaultArtifactClient()));
        }
        catch (error) {
            if (error instanceof store/* ArtifactMissingError */.BU || error instanceof store/* ArtifactRefusedError */.dM)
                throw error;
            const message = error instanceof Error ? error.message : String(error);
            throw new Error(`${what}: ${message}`, { cause: error });
        }
    }
}
let artifacts_open = null;
async function withCredentials(credentials, fn) {
    while (artifacts_open && (artifacts_open.token !== credentials.runtimeToken || artifacts_open.url !== credentials.resultsUrl))
        await artifacts_open.closed;
    if (!artifacts_open) {
        let close = () => { };
        const closed = new Promise((resolve) => {
            close = resolve;
        });
        artifacts_open = {
            token: credentials.runtimeToken,
            url: credentials.resultsUrl,
            users: 0,
            previous: { token: process.env['ACTIONS_RUNTIME_TOKEN'], url: process.env['ACTIONS_RESULTS_URL'] },
            closed,
            close,
        };
        process.env['ACTIONS_RUNTIME_TOKEN'] = credentials.runtimeToken;
        process.env['ACTIONS_RESULTS_URL'] = credentials.resultsUrl;
    }
    const window = artifacts_open;
    window.users++;
    try {
        return await fn();
    }
    finally {
        window.users--;
        if (window.users === 0) {
            restore('ACTIONS_RUNTIME_TOKEN', window.previous.token);
            restore('ACTIONS_RESULTS_URL', window.previous.url);
            artifacts_open = null;
            window.close();
        }
    }
}
function restore(name, value) {
    if (value === undefined)
        delete process.env[name];
    else
        process.env[name] = value;
}
// ---------------------------------------------------------------------------------------------
// Files
/**
 * Files under `dir`, relative and `/`-separated, sorted. Symbolic links are refused rather than
 * followed (the client would upload their targets, which may lie outside the directory); an empty
 * directory is an error when uploading, since a stage that promised an artifact must not upload nothing.
 */
function listFiles(name, dir, forUpload = true) {
    if (!(0,external_node_fs_.existsSync)(dir) || !(0,external_node_fs_.lstatSync)(dir).isDirectory()) {
        if (!forUpload)
            return [];
        throw new Error(`cannot upload artifact ${name}: ${dir} is not a directory`);
    }
    const files = [];
    const walk = (sub) => {
        for (const entry of (0,external_node_fs_.readdirSync)((0,external_node_path_.join)(dir, sub), { withFileTypes: true })) {
            const rel = sub ? `${sub}/${entry.name}` : entry.name;
            if (entry.isDirectory())
                walk(rel);
            else if (entry.isFile())
                files.push(rel);
            else if (forUpload)
                throw new Error(`cannot upload artifact ${name}: ${rel} is not a regular file (symbolic links are not followed)`);
        }
    };
    walk('');
    if (forUpload && files.length === 0)
        throw new Error(`cannot upload artifact ${name}: ${dir} holds no files`);
    return files.sort();
}
function safeJoin(dir, file) {
    const normal = (0,external_node_path_.normalize)(file);
    if (!file || (0,external_node_path_.isAbsolute)(file) || normal === '..' || normal.startsWith(`..${external_node_path_.sep}`)) {
        throw new Error(`artifact file ${JSON.stringify(file)} must be a relative path inside the artifact`);
    }
    const path = (0,external_node_path_.join)(dir, normal);
    if ((0,external_node_path_.relative)(dir, path).startsWith('..'))
        throw new Error(`artifact file ${JSON.stringify(file)} is outside the artifact`);
    return path;
}


/***/ })

};
