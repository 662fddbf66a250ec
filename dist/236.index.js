export const id = 236;
export const ids = [236];
export const modules = {

/***/ 9236:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runPublishAction: () => (/* binding */ runPublishAction)
/* harmony export */ });
/* harmony import */ var _run_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(78775);

/** `actions/publish`: replaced by the GitHub publisher. */
async function runPublishAction(_settings, _deps) {
    throw new _run_js__WEBPACK_IMPORTED_MODULE_0__/* .StageNotImplementedError */ .m('The publish stage is not implemented in this version of ensemble yet; nothing was done.');
}


/***/ })

};
