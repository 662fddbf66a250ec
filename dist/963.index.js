export const id = 963;
export const ids = [963];
export const modules = {

/***/ 40963:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ARTIFACTS: () => (/* binding */ ARTIFACTS),
/* harmony export */   artifactOfAgent: () => (/* binding */ artifactOfAgent),
/* harmony export */   producerOfArtifact: () => (/* binding */ producerOfArtifact)
/* harmony export */ });
/* harmony import */ var _contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(66811);
/**
 * Artifact names, derived from the contracts' document table (`DOCUMENTS[*].artifact`): the same
 * locally (folders of a run directory) and on GitHub (artifacts of a workflow run), so that a
 * downloaded GitHub run is a run directory too.
 */

const fill = (pattern, placeholder, value) => pattern.replace(`<${placeholder}>`, value);
const ARTIFACTS = {
    plan: _contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__.DOCUMENTS.plan.artifact,
    code: (taskId) => fill(_contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__.DOCUMENTS.task.artifact, 'task', taskId),
    test: _contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__.DOCUMENTS.test.artifact,
    review: (lens) => fill(_contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__.DOCUMENTS.review.artifact, 'lens', lens),
    docs: _contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__.DOCUMENTS.docs.artifact,
    /** A fix round's artifact; the round's re-test and re-review are a run directory inside it. */
    fix: (round) => fill(_contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__.DOCUMENTS.fix.artifact, 'round', String(round)),
    /** A follow-up run's trigger and starting state (written before its fix job). */
    followUp: _contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__.DOCUMENTS['follow-up'].artifact,
    publish: _contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__.DOCUMENTS.publish.artifact,
};
/** `ensemble-code-<task>` → /^ensemble-code-.+$/ */
function patternOf(artifact) {
    const literal = artifact.replace(/<[a-z]+>/, '\u0000').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`^${literal.replace('\u0000', '.+')}$`);
}
const PRODUCERS = Object.values(_contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__.DOCUMENTS).map((d) => ({ pattern: patternOf(d.artifact), producer: d.producer }));
/** The stage that writes an artifact, from its name (`ensemble-code-api` → `code`); null when no stage does. */
function producerOfArtifact(name) {
    return PRODUCERS.find((p) => p.pattern.test(name))?.producer ?? null;
}
/** The artifact an agent's transcript belongs to: `code:api` → `ensemble-code-api`, `plan` → `ensemble-plan`. */
function artifactOfAgent(agent) {
    const [stage, name] = agent.split(':', 2);
    if (stage === 'code' && name)
        return ARTIFACTS.code(name);
    if (stage === 'review' && name)
        return ARTIFACTS.review(name);
    if (stage === 'fix' && name && /^[1-9][0-9]*$/.test(name))
        return ARTIFACTS.fix(Number(name));
    if (stage === 'plan' || stage === 'test' || stage === 'docs')
        return ARTIFACTS[stage];
    throw new Error(`no artifact for agent "${agent}"`);
}


/***/ })

};
