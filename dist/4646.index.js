export const id = 4646;
export const ids = [4646];
export const modules = {

/***/ 33141:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   documentJsonSchemas: () => (/* binding */ documentJsonSchemas),
/* harmony export */   toJsonSchema: () => (/* binding */ toJsonSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98439);
/* harmony import */ var _documents_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(66811);


const SCHEMA_BASE = 'https://ensemble.dev/schemas';
/**
 * JSON Schema (draft 2020-12) of a zod schema, for editors and other tools; refinements are not
 * expressible and are left out.
 */
function toJsonSchema(schema, id, title) {
    const json = zod__WEBPACK_IMPORTED_MODULE_1__/* .toJSONSchema */ .bl(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
    const { $schema, ...rest } = json;
    return { $schema, $id: `${SCHEMA_BASE}/${id}.schema.json`, title, ...rest };
}
function documentJsonSchemas() {
    const out = {};
    for (const name of Object.keys(_documents_js__WEBPACK_IMPORTED_MODULE_0__.DOCUMENTS)) {
        const kind = _documents_js__WEBPACK_IMPORTED_MODULE_0__.DOCUMENTS[name];
        out[name] = toJsonSchema(kind.schema, name, `ensemble.${kind.kind}/v${kind.version} (${kind.file} in ${kind.artifact})`);
    }
    return out;
}


/***/ }),

/***/ 15170:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ TASK_ID_PATTERN),
/* harmony export */   v: () => (/* binding */ LENS_NAME)
/* harmony export */ });
/**
 * Task ids appear in artifact names, matrix legs, branch trailers and file names. Apart from the
 * schemas (`TaskId` in common.ts) so that an action's input check does not load zod.
 */
const TASK_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;
/** A review lens's name (`LensName` in config.ts), here for the same reason. */
const LENS_NAME = /^[a-z0-9][a-z0-9-]{0,39}$/;


/***/ })

};
